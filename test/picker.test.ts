// <credential-picker> (contract section 12): tiles as an APG radio group, add, edit, select
// and delete, the overlay it drives, and bad input.
import { expect, fixture, html } from '@open-wc/testing';
import type { CredentialOverlay } from '../src/index.js';
import '../src/picker.js';
import '../src/providers/openai-compatible.js';
import type { CredentialPicker, CredentialDeleteEvent, CredentialSummary } from '../src/picker.js';
import { keys } from './keys.js';
import { expectFocus, findLeaks, record, sendKeys, settle, shiftTab } from './helpers.js';

const list: CredentialSummary[] = [
  { id: 'a', name: 'Production', description: 'Nightly enrichment job', keyHint: 'sk-proj-…x9Qz', keyType: 'project', verified: true, createdAt: '2026-11-02T10:00:00Z', fields: { organization: 'org-Abc123' } },
  { id: 'b', name: 'Staging', keyHint: 'sk-…AbCd', keyType: 'legacy', createdAt: '2026-11-20T10:00:00Z' },
  { id: 'c', name: 'Research', keyHint: 'sk-svcacct-…Zz99', keyType: 'service-account' },
];

const picker = (credentials = list, value = '') =>
  fixture<CredentialPicker>(html`<credential-picker .credentials=${credentials} value=${value}></credential-picker>`);
const root = (p: CredentialPicker) => p.shadowRoot!;
const radios = (p: CredentialPicker) => [...root(p).querySelectorAll<HTMLElement>('[role="radio"]')];
const radio = (p: CredentialPicker, name: string) => radios(p).find((r) => r.querySelector('.name')!.textContent === name)!;
const named = (p: CredentialPicker, name: string) =>
  [...root(p).querySelectorAll<HTMLButtonElement>('button')].find((b) => (b.getAttribute('aria-label') ?? b.textContent!.trim()) === name)!;
const overlayOf = (p: CredentialPicker) => p.overlay as unknown as CredentialOverlay;
const heading = (o: CredentialOverlay) => o.shadowRoot!.querySelector('h2')!.textContent!.trim();

describe('picker: tiles', () => {
  it('is a radio group named "Credentials", a tile each, showing what a user needs', async () => {
    const p = await picker();
    const group = root(p).querySelector('[role="radiogroup"]')!;
    expect(group.getAttribute('aria-label')).to.equal('Credentials');
    expect(radios(p).map((r) => r.querySelector('.name')!.textContent)).to.deep.equal(['Production', 'Staging', 'Research']);
    const tile = radio(p, 'Production').closest('[part~="tile"]')!;
    expect(tile.textContent).to.include('Nightly enrichment job');
    expect(tile.querySelector('[part="hint"]')!.textContent).to.equal('sk-proj-…x9Qz');
    expect(getComputedStyle(tile.querySelector('[part="hint"]')!).fontFamily).to.match(/mono|Menlo|Consolas/i);
    expect(tile.textContent).to.include('project key');
    expect(tile.querySelector('[part="badge"]')!.textContent!.trim()).to.equal('Verified');
    expect(radio(p, 'Staging').closest('[part~="tile"]')!.querySelector('[part="badge"]')).to.equal(null);
    expect(tile.textContent).to.include(`Added ${new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' }).format(new Date('2026-11-02T10:00:00Z'))}`);
    expect(named(p, 'Edit Production')).to.not.equal(undefined);
    expect(named(p, 'Delete Production')).to.not.equal(undefined);
    expect(named(p, 'Add Credential')).to.not.equal(undefined);
  });

  it('dates the tiles in the language of the page', async () => {
    const host = await fixture(html`<div lang="de"><credential-picker .credentials=${list}></credential-picker></div>`);
    const p = host.querySelector('credential-picker')!;
    await p.updateComplete;
    expect(radio(p, 'Production').textContent).to.include(new Intl.DateTimeFormat('de', { dateStyle: 'medium' }).format(new Date('2026-11-02T10:00:00Z')));
  });

  it('shows "No credentials yet" and the Add tile for an empty list', async () => {
    const p = await picker([]);
    expect(root(p).querySelector('[part="empty"]')!.textContent).to.equal('No credentials yet');
    expect(root(p).querySelector('[role="radiogroup"]')).to.equal(null);
    expect(named(p, 'Add Credential')).to.not.equal(undefined);
  });

  it('takes its label from the label property', async () => {
    const p = await fixture<CredentialPicker>(html`<credential-picker label="OpenAI credentials" .credentials=${list}></credential-picker>`);
    expect(root(p).querySelector('[role="radiogroup"]')!.getAttribute('aria-label')).to.equal('OpenAI credentials');
  });
});

describe('picker: choosing a tile with the keyboard (APG radio group)', () => {
  it('is one Tab stop; arrows move and select, wrapping; Home and End; value reflects; credential-select fires', async () => {
    const before = document.createElement('button');
    document.body.prepend(before);
    try {
      const p = await picker(list, 'b');
      const selects = record<CustomEvent>(p, 'credential-select');
      before.focus();
      await sendKeys({ press: 'Tab' });
      expectFocus(radio(p, 'Staging'));
      expect(radios(p).map((r) => r.tabIndex)).to.deep.equal([-1, 0, -1]);
      await sendKeys({ press: 'ArrowDown' });
      expectFocus(radio(p, 'Research'));
      expect(radio(p, 'Research').getAttribute('aria-checked')).to.equal('true');
      await sendKeys({ press: 'ArrowRight' });
      expectFocus(radio(p, 'Production')); // wraps
      await sendKeys({ press: 'ArrowUp' });
      expectFocus(radio(p, 'Research'));
      await sendKeys({ press: 'Home' });
      await sendKeys({ press: 'End' });
      expect(selects.map((e) => e.detail.id)).to.deep.equal(['c', 'a', 'c', 'a', 'c']);
      expect(selects[0].bubbles && selects[0].composed).to.equal(true);
      expect(p.value).to.equal('c');
      await p.updateComplete;
      expect(p.getAttribute('value')).to.equal('c');
      // Tab leaves the group for the tile's own buttons.
      await sendKeys({ press: 'Tab' });
      expectFocus(named(p, 'Edit Research'));
      await shiftTab();
      expectFocus(radio(p, 'Research'));
      // Only the current tile's buttons are in the Tab order, then the Add tile.
      await sendKeys({ press: 'Tab' });
      await sendKeys({ press: 'Tab' });
      expectFocus(named(p, 'Delete Research'));
      await sendKeys({ press: 'Tab' });
      expectFocus(named(p, 'Add Credential'));
    } finally {
      before.remove();
    }
  });

  it('mirrors Left and Right in right-to-left', async () => {
    const host = await fixture(html`<div dir="rtl"><credential-picker .credentials=${list} value="a"></credential-picker></div>`);
    const p = host.querySelector('credential-picker')!;
    await p.updateComplete;
    radio(p, 'Production').focus();
    await sendKeys({ press: 'ArrowLeft' });
    expectFocus(radio(p, 'Staging'));
    await sendKeys({ press: 'ArrowRight' });
    expectFocus(radio(p, 'Production'));
  });

  it('selects with Space and with a click', async () => {
    const p = await picker();
    const selects = record<CustomEvent>(p, 'credential-select');
    radio(p, 'Staging').focus();
    await sendKeys({ press: ' ' });
    radio(p, 'Research').click();
    expect(selects.map((e) => e.detail.id)).to.deep.equal(['b', 'c']);
    expect(p.value).to.equal('c');
  });

  it('selects nothing for a value that names no tile, and keeps the first tile the Tab stop', async () => {
    const p = await picker(list, 'zzz');
    expect(radios(p).map((r) => r.getAttribute('aria-checked'))).to.deep.equal(['false', 'false', 'false']);
    expect(radios(p).map((r) => r.tabIndex)).to.deep.equal([0, -1, -1]);
  });
});

describe('picker: adding and editing through the overlay', () => {
  it('opens its own overlay in add mode, and focus returns to Add Credential', async () => {
    const p = await picker();
    const add = named(p, 'Add Credential');
    add.focus();
    add.click();
    const overlay = overlayOf(p);
    await overlay.updateComplete;
    expect(overlay.open).to.equal(true);
    expect(heading(overlay)).to.equal('Add New Credential');
    const cancel = [...overlay.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent!.trim() === 'Cancel')!;
    cancel.click();
    expectFocus(add);
  });

  it('opens the overlay in edit mode from a tile: name, description, saved hint, fields', async () => {
    const p = await picker();
    const edit = named(p, 'Edit Production');
    edit.focus();
    edit.click();
    const overlay = overlayOf(p);
    await overlay.updateComplete;
    expect(heading(overlay)).to.equal('Edit Credential');
    const r = overlay.shadowRoot!;
    expect((r.getElementById('name') as HTMLInputElement).value).to.equal('Production');
    expect((r.getElementById('description') as HTMLTextAreaElement).value).to.equal('Nightly enrichment job');
    expect(r.querySelector('[part="saved-key"]')!.textContent).to.include('sk-proj-…x9Qz');
    expect((r.getElementById('f-organization') as HTMLInputElement).value).to.equal('org-Abc123');
    expect((r.getElementById('api-key') as HTMLInputElement).value).to.equal('');
    overlay.close();
    expectFocus(edit);
    // Add after Edit is add mode again.
    named(p, 'Add Credential').click();
    await overlay.updateComplete;
    expect(heading(overlay)).to.equal('Add New Credential');
    expect((r.getElementById('name') as HTMLInputElement).value).to.equal('');
  });

  it('never shows a real key given as keyHint: not on the tile, not in the overlay opened by Edit, not in any event', async () => {
    const leaky: CredentialSummary[] = [{ id: 'k', name: 'Leaky', keyHint: keys.project, keyType: 'project' }];
    const p = await picker(leaky);
    const saved = record<CustomEvent>(document.body, 'credential-saved');
    expect(radio(p, 'Leaky').querySelector('[part="hint"]')!.textContent).to.equal('');
    named(p, 'Edit Leaky').click();
    const overlay = overlayOf(p);
    await overlay.updateComplete;
    expect(heading(overlay)).to.equal('Edit Credential');
    const r = overlay.shadowRoot!;
    expect(r.querySelector('[part="saved-key"]')!.textContent!.trim()).to.equal('A key is saved. Leave empty to keep it.');
    [...r.querySelectorAll('button')].find((b) => b.textContent!.trim() === 'Save')!.click();
    expect(saved).to.have.length(1);
    expect(saved[0].detail).to.include({ id: 'k', mode: 'edit', keyHint: '', apiKey: '' });
    expect(findLeaks(keys.project, [saved[0].detail])).to.deep.equal([]);
  });

  it("never changes the host's overlay provider on Add when the picker has none; Edit sets credential-id, echoed as id", async () => {
    const p = await fixture<CredentialPicker>(html`<credential-picker .credentials=${[{ ...list[0], provider: undefined }]}>
      <credential-overlay provider="anthropic"></credential-overlay>
    </credential-picker>`);
    const mine = p.querySelector('credential-overlay')!;
    named(p, 'Add Credential').click();
    await mine.updateComplete;
    expect(mine.provider).to.equal('anthropic');
    expect(mine.credentialId).to.equal('');
    mine.close();
    p.provider = 'openai';
    named(p, 'Edit Production').click();
    await mine.updateComplete;
    expect(mine.provider).to.equal('openai');
    expect(mine.credentialId).to.equal('a');
    const saved = record<CustomEvent>(mine, 'credential-saved');
    const closes = record<CustomEvent>(mine, 'credential-close');
    [...mine.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent!.trim() === 'Save')!.click();
    expect(saved[0].detail).to.include({ id: 'a', mode: 'edit' });
    expect(closes[0].detail).to.include({ id: 'a', reason: 'saved', source: 'save' });
  });

  it('edits a credential saved without a key (an OpenAI-compatible server): Edit Credential, and Save emits edit mode', async () => {
    const keyless: CredentialSummary[] = [{ id: 'o', name: 'Ollama', provider: 'openai-compatible', keyHint: '', keyType: 'none', fields: { baseUrl: 'http://192.168.1.20:11434/v1' } }];
    const p = await picker(keyless);
    named(p, 'Edit Ollama').click();
    const overlay = overlayOf(p);
    await overlay.updateComplete;
    expect(heading(overlay)).to.equal('Edit Credential');
    const saved = record<CustomEvent>(overlay, 'credential-saved');
    [...overlay.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent!.trim() === 'Save')!.click();
    expect(saved[0].detail).to.include({ id: 'o', mode: 'edit', apiKey: '', keySource: 'kept' });
  });

  it("uses the host's own overlay when given one, and its events reach the host unchanged", async () => {
    const p = await fixture<CredentialPicker>(html`<credential-picker .credentials=${list}>
      <credential-overlay verify heading="Connect OpenAI"></credential-overlay>
    </credential-picker>`);
    const mine = p.querySelector('credential-overlay')!;
    expect(p.overlay).to.equal(mine);
    expect(root(p).querySelector('credential-overlay')).to.equal(null);
    const saved = record<CustomEvent>(document.body, 'credential-saved');
    mine.verify = false;
    named(p, 'Add Credential').click();
    await mine.updateComplete;
    expect(mine.open).to.equal(true);
    const r = mine.shadowRoot!;
    (r.getElementById('name') as HTMLInputElement).value = 'New one';
    r.getElementById('name')!.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
    (r.getElementById('api-key') as HTMLInputElement).value = keys.project;
    [...r.querySelectorAll('button')].find((b) => b.textContent!.trim() === 'Save')!.click();
    expect(saved).to.have.length(1);
    expect(saved[0].detail.apiKey).to.equal(keys.project);
    // The picker kept nothing of it.
    expect(JSON.stringify(p.credentials) + root(p).innerHTML).not.to.include(keys.project);
  });

  it('announces a tile that is new since the last render', async () => {
    const p = await picker();
    const status = root(p).querySelector('[role="status"]')!;
    expect(status.textContent).to.equal('');
    p.credentials = [...list, { id: 'd', name: 'Team B', keyHint: 'sk-…1234' }];
    await p.updateComplete;
    expect(status.textContent).to.equal('Team B added');
  });
});

describe('picker: deleting', () => {
  async function confirming() {
    const p = await picker();
    named(p, 'Delete Staging').click();
    await p.updateComplete;
    await p.updateComplete;
    return p;
  }
  const confirmRegion = (p: CredentialPicker) => root(p).querySelector('[part="confirm"]');
  const confirmRegions = (p: CredentialPicker) => [...root(p).querySelectorAll('[part="confirm"]')];
  const settleAll = settle;

  it('asks in place: "Delete Staging?", focus on Keep; Keep and Escape go back to Delete', async () => {
    const p = await confirming();
    const region = confirmRegion(p)!;
    expect(region.getAttribute('role')).to.equal('group');
    expect(region.textContent).to.include('Delete Staging?');
    expectFocus(named(p, 'Keep'));
    named(p, 'Keep').click();
    await p.updateComplete;
    await p.updateComplete;
    expect(confirmRegion(p)).to.equal(null);
    expectFocus(named(p, 'Delete Staging'));
    named(p, 'Delete Staging').click();
    await p.updateComplete;
    await p.updateComplete;
    await sendKeys({ press: 'Escape' });
    await p.updateComplete;
    await p.updateComplete;
    expect(confirmRegion(p)).to.equal(null);
    expectFocus(named(p, 'Delete Staging'));
  });

  it('fires credential-delete; the tile stays until the host removes it, then focus goes to the group', async () => {
    const p = await confirming();
    const deletes = record<CredentialDeleteEvent>(p, 'credential-delete');
    named(p, 'Delete').click();
    expect(deletes).to.have.length(1);
    expect({ id: deletes[0].detail.id, name: deletes[0].detail.name }).to.deep.equal({ id: 'b', name: 'Staging' });
    expect(deletes[0].cancelable && deletes[0].bubbles && deletes[0].composed).to.equal(true);
    await p.updateComplete;
    expect(radio(p, 'Staging')).to.not.equal(undefined);
    p.credentials = list.filter((c) => c.id !== 'b');
    await p.updateComplete;
    expect(radio(p, 'Staging')).to.equal(undefined);
    expectFocus(radio(p, 'Production'));
  });

  it('is busy while waitUntil runs; a rejection shows in the tile, masked, and Delete works again', async () => {
    const p = await confirming();
    let reject!: (e: unknown) => void;
    p.addEventListener('credential-delete', (e) => e.detail.waitUntil(new Promise((_, r) => (reject = r))), { once: true });
    named(p, 'Delete').click();
    await p.updateComplete;
    const tile = radio(p, 'Staging').closest('[part~="tile"]')!;
    expect(tile.getAttribute('aria-busy')).to.equal('true');
    expect(named(p, 'Deleting…').getAttribute('aria-disabled')).to.equal('true');
    reject(new Error(`Server refused ${keys.project}`));
    await settle();
    await p.updateComplete;
    expect(tile.querySelector('[part="error"]')!.textContent).to.equal('Server refused sk-…');
    expect(root(p).querySelector('[role="status"]')!.textContent).to.equal('Server refused sk-…');
    expectFocus(named(p, 'Delete Staging'));
    expect(tile.getAttribute('aria-busy')).to.equal('false');
  });

  it('deletes independently: another tile can be asked and confirmed while one is pending, each busy until its own promise settles', async () => {
    const p = await picker();
    const deletes = record<CredentialDeleteEvent>(p, 'credential-delete');
    const settle: Record<string, () => void> = {};
    p.addEventListener('credential-delete', (e) => e.detail.waitUntil(new Promise<void>((r) => (settle[e.detail.id] = r))));
    const tileOf = (name: string) => radio(p, name).closest('[part~="tile"]')!;
    const inTile = (name: string, label: string) =>
      [...tileOf(name).querySelectorAll('button')].find((b) => (b.getAttribute('aria-label') ?? b.textContent!.trim()) === label)!;

    named(p, 'Delete Staging').click();
    await p.updateComplete;
    inTile('Staging', 'Delete').click();
    await p.updateComplete;
    // Staging is busy: its buttons are disabled, whatever happens elsewhere.
    expect(tileOf('Staging').getAttribute('aria-busy')).to.equal('true');
    expect([...tileOf('Staging').querySelectorAll('button')].map((b) => b.getAttribute('aria-disabled'))).to.deep.equal(['true', 'true']);

    named(p, 'Delete Research').click();
    await p.updateComplete;
    await p.updateComplete;
    expectFocus(inTile('Research', 'Keep'));
    expect(tileOf('Staging').getAttribute('aria-busy')).to.equal('true');
    inTile('Research', 'Delete').click();
    expect(deletes.map((e) => e.detail.id)).to.deep.equal(['b', 'c']);
    await p.updateComplete;
    expect(tileOf('Research').getAttribute('aria-busy')).to.equal('true');

    // Staging's delete finishes: Research stays busy and focus does not move.
    inTile('Research', 'Deleting…').focus();
    expectFocus(inTile('Research', 'Deleting…'));
    settle.b();
    await settleAll();
    await p.updateComplete;
    expect(tileOf('Staging').getAttribute('aria-busy')).to.equal('false');
    expect(tileOf('Research').getAttribute('aria-busy')).to.equal('true');
    expectFocus(inTile('Research', 'Deleting…'));
    settle.c();
    await settleAll();
    await p.updateComplete;
    expect(tileOf('Research').getAttribute('aria-busy')).to.equal('false');
  });

  it('keeps focus on "Deleting…" while a delete confirmed with the keyboard is pending (ignoring Enter), then on the group', async () => {
    const p = await picker();
    let finish!: () => void;
    const deletes = record<CredentialDeleteEvent>(p, 'credential-delete');
    p.addEventListener('credential-delete', (e) => e.detail.waitUntil(new Promise<void>((r) => (finish = r))));
    named(p, 'Delete Staging').focus();
    await sendKeys({ press: 'Enter' });
    await p.updateComplete;
    expectFocus(named(p, 'Keep'));
    await shiftTab();
    await sendKeys({ press: 'Enter' });
    await p.updateComplete;
    await settle();
    // Not moved to the page: a screen reader stays on the tile, and Tab goes on from there.
    expectFocus(named(p, 'Deleting…'));
    await sendKeys({ press: 'Enter' });
    expect(deletes).to.have.length(1);
    finish();
    await settle();
    p.credentials = list.filter((c) => c.id !== 'b');
    await p.updateComplete;
    await settle();
    expectFocus(radio(p, 'Production'));
  });

  it("keeps another tile's question open when a pending delete finishes", async () => {
    const p = await picker();
    let finish!: () => void;
    p.addEventListener('credential-delete', (e) => e.detail.waitUntil(new Promise<void>((r) => (finish = r))), { once: true });
    named(p, 'Delete Staging').click();
    await p.updateComplete;
    named(p, 'Delete').click();
    await p.updateComplete;
    named(p, 'Delete Research').click();
    await p.updateComplete;
    await p.updateComplete;
    const keep = [...root(p).querySelectorAll<HTMLButtonElement>('[data-keep]')].find((b) => b.getAttribute('aria-disabled') !== 'true')!;
    expectFocus(keep);
    finish();
    await settleAll();
    await p.updateComplete;
    expect(confirmRegions(p).map((r) => r.textContent!.includes('Delete Research?'))).to.include(true);
    expectFocus(keep);
  });

  it('keeps the tile when the host prevents the delete; a waitUntil after dispatch throws', async () => {
    const p = await confirming();
    let late: CredentialDeleteEvent['detail'] | undefined;
    p.addEventListener('credential-delete', (e) => {
      late = e.detail;
      e.preventDefault();
    });
    named(p, 'Delete').click();
    await p.updateComplete;
    expect(confirmRegion(p)).to.equal(null);
    expect(radio(p, 'Staging')).to.not.equal(undefined);
    expect(() => late!.waitUntil(Promise.resolve())).to.throw(DOMException).with.property('name', 'InvalidStateError');
  });
});

describe('picker: bad input', () => {
  it('skips summaries without an id or a name with one warning naming the index; keeps the first of a duplicate id', async () => {
    const warnings: string[] = [];
    const warn = console.warn;
    console.warn = (...a: unknown[]) => void warnings.push(a.join(' '));
    try {
      const p = await picker([
        list[0],
        { name: 'No id', keyHint: '' } as unknown as CredentialSummary,
        { id: 'x', keyHint: '' } as unknown as CredentialSummary,
        { ...list[1], id: 'a', name: 'Duplicate' },
        list[2],
      ]);
      p.requestUpdate();
      await p.updateComplete;
      expect(radios(p).map((r) => r.querySelector('.name')!.textContent)).to.deep.equal(['Production', 'Research']);
      expect(warnings).to.have.length(1);
      expect(warnings[0]).to.include('index 1, 2');
    } finally {
      console.warn = warn;
    }
  });

  it('renders markup as text and masks anything key-like', async () => {
    const p = await picker([
      { id: 'm', name: '<img src=x onerror=alert(1)>', description: `uses ${keys.project}`, keyHint: keys.legacy },
    ]);
    const tile = radios(p)[0];
    expect(tile.querySelector('img')).to.equal(null);
    expect(tile.querySelector('.name')!.textContent).to.equal('<img src=x onerror=alert(1)>');
    expect(tile.textContent).not.to.include(keys.project);
    expect(tile.textContent).not.to.include(keys.legacy);
    expect(tile.textContent).to.include('uses sk-…');
  });
});
