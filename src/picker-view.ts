/**
 * A picker tile (contract section 12): the choosable radio (name, description, key hint in
 * monospace, key type, provider, "Verified", the date added), its Edit and Delete buttons or
 * the in-place delete question, and a failed delete's message. What a tile shows of a summary
 * is masked and formatted once per summary and language (a long list re-renders often).
 */
import { html, nothing } from 'lit';
import type { CredentialSummary } from './events.js';
import { BIN, CHECK, icon, PEN } from './icons.js';
import { hintShape, maskSecrets } from './mask.js';
import { creditText, day } from './check-text.js';
import type { CredentialPickerStrings } from './picker-strings.js';
import { getProvider } from './presets/registry.js';

interface Shown {
  lang: string;
  strings: CredentialPickerStrings;
  /** The last check's status and credit in words ("Rate-limited · $6.80 left"), `""` when nothing to say. */
  status: string;
  name: string;
  description: string;
  hint: string;
  date: string;
}

/** The texts of tiles, cached per summary and language. */
export class TileTexts {
  #cache = new WeakMap<CredentialSummary, Shown>();

  of(tile: CredentialSummary, lang: string, s: CredentialPickerStrings): Shown {
    let shown = this.#cache.get(tile);
    if (!shown || shown.lang !== lang || shown.strings !== s) {
      const check = tile.check && typeof tile.check === 'object' ? tile.check : undefined;
      const status = [
        check?.status === 'limited' ? s.rateLimited : check?.status === 'no-credit' ? s.noCredit : '',
        creditText(check?.credit, s, tile.provider ? getProvider(tile.provider)?.check?.credit?.currency : undefined, lang),
      ].filter(Boolean).join(' · ');
      shown = { lang, strings: s, status, name: maskSecrets(tile.name), description: typeof tile.description === 'string' ? maskSecrets(tile.description) : '', hint: hintShape(tile.keyHint), date: tile.createdAt && !Number.isNaN(new Date(tile.createdAt).getTime()) ? day(tile.createdAt, lang) : '' };
      this.#cache.set(tile, shown);
    }
    return shown;
  }

}

export interface TileState {
  selected: boolean;
  /** It holds the group's one Tab stop. */
  tabStop: boolean;
  confirming: boolean;
  /** Its delete is pending. */
  busy: boolean;
  failure?: string;
  /** The provider's label when it differs from the picker's. */
  provider: string;
}

export function tileTemplate(tile: CredentialSummary, shown: Shown, t: TileState, s: CredentialPickerStrings) {
  const { name, description, hint, date } = shown;
  const idx = `t-${tile.id}`;
  // Tab reaches the group once, at its current tile, then that tile's own buttons: the
  // other tiles' buttons are a click (or an arrow key, then Tab) away.
  const actionsTab = t.tabStop || t.failure ? 0 : -1;
  return html`<div class="tile ${t.selected ? 'selected' : ''}" part=${t.selected ? 'tile tile-selected' : 'tile'} aria-busy=${t.busy}>
    <div class="radio" part="radio" role="radio" data-id=${tile.id} aria-checked=${t.selected}
      tabindex=${t.tabStop ? 0 : -1} aria-labelledby="${idx}-name" aria-describedby="${idx}-meta">
      <span class="mark">${t.selected ? icon(CHECK) : nothing}</span>
      <span class="name" part="name" id="${idx}-name">${name}</span>
      <span class="meta" id="${idx}-meta">
        ${description ? html`<span class="description" part="description">${description}</span>` : nothing}
        <span class="facts"><code class="hint" part="hint" dir="ltr">${hint}</code>
          ${tile.keyType ? html`<span>${s.keyType({ type: tile.keyType })}</span>` : nothing}
          ${t.provider ? html`<span>${t.provider}</span>` : nothing}
          ${tile.verified ? html`<span class="badge" part="badge">${icon(CHECK)}${s.verified}</span>` : nothing}
          ${shown.status ? html`<span class="status" part="status">${shown.status}</span>` : nothing}
          ${date ? html`<span>${s.added({ date })}</span>` : nothing}</span>
      </span>
    </div>
    ${t.confirming || t.busy
      ? html`<div class="confirm" part="confirm" role="group" aria-labelledby="${idx}-ask" data-confirm=${tile.id}>
          <p id="${idx}-ask">${s.confirmDelete({ name })}</p>
          <button type="button" class="danger" data-action="confirm" data-for=${tile.id} aria-disabled=${t.busy}>${t.busy ? s.deleting : s.confirm}</button>
          <button type="button" data-keep data-action="keep" data-for=${tile.id} aria-disabled=${t.busy}>${s.keep}</button>
        </div>`
      : html`<div class="actions">
          <button type="button" class="icon" part="edit-button" aria-label=${s.edit({ name })} title=${s.edit({ name })}
            tabindex=${actionsTab} data-action="edit" data-for=${tile.id}>${icon(PEN)}</button>
          <button type="button" class="icon" part="delete-button" data-delete=${tile.id} aria-label=${s.delete({ name })} tabindex=${actionsTab}
            title=${s.delete({ name })} data-action="delete" data-for=${tile.id}>${icon(BIN)}</button>
        </div>`}
    ${t.failure ? html`<p class="error" part="error">${t.failure}</p>` : nothing}
  </div>`;
}
