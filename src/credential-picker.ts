import { LitElement, html, isServer, nothing, type PropertyValues } from 'lit';
import { guard } from 'lit/directives/guard.js';
import { repeat } from 'lit/directives/repeat.js';
import type { CredentialOverlay } from './credential-overlay.js';
import { defineElement } from './define.js';
import type { CredentialSummary } from './events.js';

// The event types beside the class: framework typings import them from this module.
export type { CredentialSummary, CredentialSelectDetail, CredentialDeleteDetail, CredentialSelectEvent, CredentialDeleteEvent } from './events.js';
import { DEV, warnOnce } from './dev.js';
// The overlay the picker creates when the host gives none: defined with it.
import './index.js';
import { icon, PLUS } from './icons.js';
import { maskSecrets } from './mask.js';
import { LangController } from './locale.js';
import { DeleteController } from './picker-deletes.js';
import { pickerEn, type CredentialPickerStrings } from './picker-strings.js';
import { TileTexts, tileTemplate } from './picker-view.js';
import { getProvider } from './presets/registry.js';
import { RovingRadioController } from './roving.js';
import { pickerStyles } from './credential-picker.styles.js';

/** What the picker sets on the overlay: the per-credential values only (contract section 12). */
type Overlay = Pick<CredentialOverlay, 'show' | 'provider' | 'credentialId' | 'credentialName' | 'credentialDescription' | 'existingKeyHint' | 'values'>;

const isOverlay = (el: Element): el is Element & Overlay => typeof (el as Partial<Overlay>).show === 'function' && 'existingKeyHint' in el;

/** Tiles rendered at once, and added per frame after that. */
const BATCH = 300;

/**
 * A connector's "choose a credential, or add one" step: each saved credential is a tile in a
 * radio group, with buttons to edit or delete it, and an "Add Credential" tile that opens
 * `<credential-overlay>`. The picker never holds a key: it shows the summaries the host gives
 * it, and the overlay's events reach the host unchanged.
 *
 * @tag credential-picker
 * @slot - A `<credential-overlay>` of the host's (with its `verify`, `strings`, …); the picker creates one when there is none.
 * @fires {CustomEvent<CredentialSelectDetail>} credential-select - A tile was chosen.
 * @fires {CustomEvent<CredentialDeleteDetail>} credential-delete - Delete was confirmed; cancelable; `detail.waitUntil()` for async deletion.
 *
 * @csspart group - The radio group of tiles.
 * @csspart tile - Each tile.
 * @csspart tile-selected - The selected tile (besides `tile`).
 * @csspart radio - The choosable area of a tile (its name, description and key).
 * @csspart name - A tile's name.
 * @csspart description - A tile's description.
 * @csspart hint - The key hint, in monospace.
 * @csspart badge - The "Verified" badge.
 * @csspart status - What the last check found: "Rate-limited", "No credit left", the credit left.
 * @csspart edit-button - A tile's edit button.
 * @csspart delete-button - A tile's delete button.
 * @csspart confirm - The in-place delete confirmation.
 * @csspart error - A tile's error, after a failed delete.
 * @csspart add-tile - The "Add Credential" tile.
 * @csspart empty - "No credentials yet".
 *
 * @cssprop --credential-overlay-accent - Selection, focus rings and the Add tile.
 * @cssprop --credential-overlay-background - Tile background.
 * @cssprop --credential-overlay-text - Text colour.
 * @cssprop --credential-overlay-muted - Secondary text colour.
 * @cssprop --credential-overlay-border - Tile borders.
 * @cssprop --credential-overlay-error - Error colour.
 * @cssprop --credential-overlay-control-radius - Corner radius of tiles and buttons.
 * @cssprop --credential-overlay-font - Font family.
 * @cssprop --credential-overlay-mono-font - Font of key hints.
 * @cssprop --credential-picker-min-tile - The narrowest a tile column gets (16rem).
 */
export class CredentialPicker extends LitElement {
  static override styles = pickerStyles;

  static override properties = {
    credentials: { attribute: false },
    value: { reflect: true },
    provider: {},
    label: {},
    strings: { attribute: false },
    announcement: { state: true },
    hasOverlay: { state: true },
  };

  /** Registers the element under `tagName` (a no-op when this class holds it; `NotSupportedError` when another does). */
  static define(tagName = 'credential-picker', registry: CustomElementRegistry = customElements): void {
    defineElement(this, tagName, registry);
  }

  /** The saved credentials, as non-secret summaries. The host owns the list. */
  credentials: readonly CredentialSummary[] = [];
  /** The selected credential's id; reflects. */
  value = '';
  /** The preset id handed to the overlay: on Add (when set), and on Edit for a tile without its own. */
  provider = '';
  /** The group's accessible name; "Credentials" (in the page's language) by default. */
  label?: string;
  /** Any subset of the visible strings, over the page's language. */
  strings: Partial<CredentialPickerStrings> = {};

  private announcement = '';
  /** A light-DOM `<credential-overlay>` is there: the picker renders none of its own (nor on a server, which cannot see children). */
  private hasOverlay = isServer;

  #deletes = new DeleteController(this, () => this.#strings.deleteFailed, (text) => (this.announcement = text));
  #texts = new TileTexts();
  #lang = new LangController(this);
  #roving = new RovingRadioController(this, () => this.#list.map((t) => t.id), (id) => this.#select(id));
  /** The valid summaries, as of this update (`#tiles`). */
  #list: CredentialSummary[] = [];
  /** Ids shown at the last render (undefined before the first): a new one is announced. */
  #known?: Set<string>;
  /** How many tiles are rendered: a long list comes in batches, one per frame; a tile the keyboard reaches comes at once. */
  #limit = BATCH;
  #batching = false;
  /** Rendered on a server: the first render in the browser hydrates; the own overlay, when there is no child, comes with the next. */
  #hydrating = false;

  get #strings(): CredentialPickerStrings {
    return this.#lang.strings('picker', pickerEn, this.strings);
  }

  /** The valid summaries: an id and a name each, the first of each id; the others skipped with one warning. */
  get #tiles(): CredentialSummary[] {
    const list = Array.isArray(this.credentials) ? this.credentials : [];
    const seen = new Set<string>();
    const skipped: number[] = [];
    const tiles = list.filter((c, i) => {
      const id = c && typeof c.id === 'string' && c.id !== '' ? c.id : undefined;
      if (id !== undefined && seen.has(id)) return false; // a duplicate id: the first wins
      const good = id !== undefined && typeof c.name === 'string';
      if (good) seen.add(id);
      else skipped.push(i);
      return good;
    });
    if (DEV && skipped.length) warnOnce(this.credentials, 'credential-picker', 'skipped', `credentials at index ${skipped.join(', ')} skipped: each needs a string id and name.`);
    return tiles;
  }

  /** The overlay: the host's light-DOM child, else the picker's own. */
  get overlay(): Overlay | null {
    return [...this.children].find(isOverlay) ?? (this.renderRoot?.querySelector('credential-overlay') as (Element & Overlay) | null) ?? null;
  }

  // A first guess from what is parsed so far; the slot's slotchange corrects it when children arrive later.
  /* eslint-disable wc/no-child-traversal-in-connectedcallback */
  override connectedCallback(): void {
    this.#hydrating = !isServer && !this.hasUpdated && Boolean(this.shadowRoot?.firstChild);
    super.connectedCallback();
    this.hasOverlay = isServer || [...this.children].some(isOverlay);
  }
  /* eslint-enable wc/no-child-traversal-in-connectedcallback */

  protected override firstUpdated(): void {
    // Once this update is over, not inside it (Lit's change-in-update).
    if (this.#hydrating) void this.updateComplete.then(() => ((this.#hydrating = false), this.requestUpdate()));
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // Filtered once per update (a host may also change the array in place).
    const tiles = (this.#list = this.#tiles);
    if (changed.has('value') && this.value) this.#reveal(this.value);
    if (!changed.has('credentials')) return;
    const ids = new Set(tiles.map((t) => t.id));
    const fresh = this.#known ? tiles.filter((t) => !this.#known!.has(t.id)) : [];
    if (fresh.length) this.announcement = fresh.map((t) => this.#strings.announceNew({ name: maskSecrets(t.name) })).join(' ');
    this.#deletes.listChanged(ids);
    this.#known = ids;
  }

  protected override updated(): void {
    if (this.#limit < this.#list.length && !this.#batching) {
      this.#batching = true;
      requestAnimationFrame(() => {
        this.#batching = false;
        this.#limit += BATCH;
        this.requestUpdate();
      });
    }
  }

  /** Selects the tile `id` and moves focus to it. */
  #select(id: string): void {
    this.#reveal(id);
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`[role="radio"][data-id="${CSS.escape(id)}"]`)?.focus());
    if (this.value === id) return;
    this.value = id;
    this.dispatchEvent(new CustomEvent('credential-select', { detail: Object.freeze({ id }), bubbles: true, composed: true }));
  }

  /** Renders every tile up to the one with `id` now (a batch may not have reached it yet). */
  #reveal(id: string): void {
    const at = this.#list.findIndex((t) => t.id === id);
    if (at >= this.#limit) {
      this.#limit = at + 1;
      this.requestUpdate();
    }
  }

  /** One listener for every tile (no closures per tile: a long list re-renders cheaply). */
  #onClick(event: Event): void {
    const target = event.target as Element;
    const button = target.closest<HTMLButtonElement>('button[data-action]');
    const tile = this.#list.find((t) => t.id === (button?.dataset.for ?? target.closest<HTMLElement>('[role="radio"]')?.dataset.id));
    const action = button?.dataset.action;
    const d = this.#deletes;
    if (!tile || (action && d.pending.has(tile.id))) return;
    if (!action) this.#select(tile.id);
    else if (action === 'edit') this.#edit(tile);
    else if (action === 'delete') d.ask(tile.id);
    else if (action === 'confirm') d.confirm(tile.id, tile.name);
    else d.keep(tile.id);
  }

  #onGroupKeydown(event: KeyboardEvent): void {
    const target = event.target as HTMLElement;
    const confirm = target.closest<HTMLElement>('[data-confirm]')?.dataset.confirm;
    if (confirm && event.key === 'Escape' && !this.#deletes.pending.has(confirm)) {
      event.stopPropagation();
      this.#deletes.keep(confirm);
    } else if (target.getAttribute('role') === 'radio') {
      this.#roving.keydown(event, target.dataset.id!);
    }
  }

  /** Opens the overlay in add mode: as an edit of no credential (every per-credential value cleared); `provider` only when the picker has one. */
  #add(): void {
    this.#edit({ id: '', name: '', keyHint: '' });
  }

  /** Opens the overlay in edit mode from a tile (the hint as given: the overlay shows it only when it has a hint's shape). */
  #edit(tile: CredentialSummary): void {
    const provider = tile.provider || this.provider;
    this.#open({
      credentialId: tile.id,
      existingKeyHint: tile.keyHint,
      credentialName: tile.name,
      credentialDescription: tile.description ?? '',
      values: { ...(tile.fields ?? {}) },
      ...(provider && { provider }),
    });
  }

  #open(props: Partial<Overlay>): void {
    const overlay = this.overlay;
    if (!overlay) return;
    Object.assign(overlay, props);
    void overlay.show();
  }

  override render() {
    const s = this.#strings;
    const tiles = this.#list;
    const tabStop = this.#roving.tabStop(this.value);
    const d = this.#deletes;
    const lang = this.#lang.lang;
    return html`${tiles.length
        ? html`<div class="grid" part="group" role="radiogroup" aria-label=${this.label || s.label}
            @click=${this.#onClick} @keydown=${this.#onGroupKeydown}>
            ${repeat(tiles.slice(0, this.#limit), (t) => t.id, (t) => {
              const state = { selected: t.id === this.value, tabStop: t.id === tabStop, confirming: t.id === d.confirming, busy: d.pending.has(t.id), failure: d.failures[t.id] };
              // A tile whose inputs did not change is not rendered again: a long list stays quick.
              return guard([t, ...Object.values(state), s, this.provider, lang], () =>
                tileTemplate(t, this.#texts.of(t, lang, s), { ...state, provider: t.provider && t.provider !== this.provider ? (getProvider(t.provider)?.label ?? t.provider) : '' }, s),
              );
            })}
          </div>`
        : html`<p class="empty" part="empty">${s.empty}</p>`}
      <button type="button" class="add" part="add-tile" @click=${this.#add}>${icon(PLUS)}${s.addCredential}</button>
      <div class="visually-hidden" role="status">${this.announcement}</div>
      <slot @slotchange=${() => (this.hasOverlay = [...this.children].some(isOverlay))}></slot>
      ${this.hasOverlay || this.#hydrating ? nothing : html`<credential-overlay></credential-overlay>`}`;
  }
}

