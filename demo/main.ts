import '../src/index.js';
import type { CredentialSavedDetail } from '../src/index.js';

const overlay = document.querySelector('credential-overlay')!;
const tiles = document.querySelector<HTMLUListElement>('#tiles')!;
const received = document.querySelector<HTMLPreElement>('#received')!;

document.querySelector('#add')!.addEventListener('click', () => overlay.show());

/** What the demo keeps: never the key, only what is safe to show. */
type Saved = Omit<CredentialSavedDetail, 'apiKey' | 'waitUntil'>;

function addTile(credential: Saved): void {
  const li = document.createElement('li');
  const tile = document.createElement('button');
  tile.type = 'button';
  tile.className = 'tile';
  tile.setAttribute('aria-pressed', 'false');
  const name = document.createElement('strong');
  name.textContent = credential.name;
  const description = document.createElement('span');
  description.className = 'description';
  description.textContent = credential.description || 'No description';
  const hint = document.createElement('code');
  hint.textContent = `${credential.keyHint} · ${credential.keyType}`;
  tile.append(name, description, hint);
  tile.addEventListener('click', () => select(tile));
  li.append(tile);
  tiles.append(li);
  select(tile);
}

function select(tile: HTMLElement): void {
  for (const t of tiles.querySelectorAll('.tile:not(.add)')) t.setAttribute('aria-pressed', String(t === tile));
}

overlay.addEventListener('credential-saved', (event) => {
  const { apiKey: _secret, waitUntil, ...safe } = event.detail;
  // Pretend to persist on a server: the overlay shows "Saving…" until this settles.
  waitUntil(new Promise((resolve) => setTimeout(resolve, 700)));
  received.textContent = JSON.stringify(safe, null, 2);
  setTimeout(() => addTile(safe), 700);
});
