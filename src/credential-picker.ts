import { LitElement, html, isServer, nothing, type PropertyValues } from 'lit';
import { guard } from 'lit/directives/guard.js';
import { repeat } from 'lit/directives/repeat.js';
import type { CredentialOverlay } from './credential-overlay.js';
import { getProvider } from './presets/registry.js';
import { defineElement } from './define.js';
// The overlay the picker creates when the host gives none: defined with it.
import './index.js';
import { hintShape, maskSecrets } from './key-rules.js';
import { LangController } from './locale.js';
import { deepActiveElement } from './modal.js';
import { pickerEn, type CredentialPickerStrings } from './picker-strings.js';
import { pickerStyles } from './credential-picker.styles.js';

/** What the picker shows of a saved credential: never its key. */
export interface CredentialSummary {
  id: string;
  name: string;
  description?: string;
  provider?: string;
  keyHint: string;
  keyType?: string;
  verified?: boolean;
  /** When it was added, as an ISO string. */
  createdAt?: string;
  fields?: Readonly<Record<string, string>>;
}

/** `detail` of `credential-select`. */
export interface CredentialSelectDetail {
  readonly id: string;
}

/** `detail` of `credential-delete` (cancelable). */
export interface CredentialDeleteDetail {
  readonly id: string;
  readonly name: string;
  /** Call during dispatch to keep the tile busy until `promise` settles; a rejection's message shows in the tile. */
  readonly waitUntil: (promise: Promise<unknown>) => void;
}

export type CredentialSelectEvent = CustomEvent<CredentialSelectDetail>;
export type CredentialDeleteEvent = CustomEvent<CredentialDeleteDetail>;

/** The part of the overlay's API the picker uses. */
type Overlay = Pick<CredentialOverlay, 'show' | 'provider' | 'credentialId' | 'credentialName' | 'credentialDescription' | 'existingKeyHint' | 'values'>;

const isOverlay = (el: Element): el is Element & Overlay => typeof (el as Partial<Overlay>).show === 'function' && 'existingKeyHint' in el;


/** Tiles rendered at once, and added per frame after that. */
const BATCH = 300;

const icon = (d: string) => html`<svg viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path d=${d} /></svg>`;
const PLUS = 'M12 5v14M5 12h14';
const PEN = 'M4 20h4L19 9l-4-4L4 16zM13.5 6.5l4 4';
const BIN = 'M4 7h16M10 11v6M14 11v6M6 7l1 12a2 2 0 0 0 2 2h6a2 2 0 0 0 2-2l1-12M9 7V4h6v3';
const CHECK = 'M5 12.5l4.5 4.5L19 7.5';

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
    confirming: { state: true },
    busy: { state: true },
    failures: { state: true },
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
  /** The preset id handed to the overlay for a new credential. */
  provider = 'openai';
  /** The group's accessible name; "Credentials" (in the page's language) by default. */
  label?: string;
  /** Any subset of the visible strings, over the page's language. */
  strings: Partial<CredentialPickerStrings> = {};
  /**
   * The id of the credential the overlay was last opened on with "Edit", `""` after "Add
   * Credential": a host's `credential-saved` listener reads it to know which one to update.
   */
  editing = '';

  private confirming = '';
  private busy = '';
  private failures: Record<string, string> = {};
  private announcement = '';
  /** A light-DOM `<credential-overlay>` is there: the picker renders none of its own. */
  // On a server no child is seen (and connectedCallback does not run): no overlay of its own there.
  private hasOverlay = isServer;

  #lang = new LangController(this);
  #dates?: { lang: string; format: Intl.DateTimeFormat };
  /** Ids shown at the last render (undefined before the first): a new one is announced. */
  #known?: Set<string>;
  /** Warned about once per list. */
  #warnedFor?: readonly CredentialSummary[];
  /**
   * How many tiles are rendered: a long list is rendered in batches, one per frame, so the
   * page never freezes; the selected tile and any tile the keyboard reaches come at once.
   */
  #limit = BATCH;
  #batching = false;
  /** A deleted tile had focus: it goes to the group (or the Add tile) once that tile is gone. */
  #refocusAfter = '';

  get #strings(): CredentialPickerStrings {
    return this.#lang.strings('picker', pickerEn, this.strings);
  }

  /** The valid summaries: an id and a name each, the first of each id; the others skipped with one warning. */
  get #tiles(): CredentialSummary[] {
    const list = Array.isArray(this.credentials) ? this.credentials : [];
    const seen = new Set<string>();
    const skipped: number[] = [];
    const tiles = list.filter((c, i) => {
      const good = c && typeof c.id === 'string' && c.id !== '' && typeof c.name === 'string' && !seen.has(c.id);
      if (c && typeof c.id === 'string' && seen.has(c.id)) return false; // a duplicate id: the first wins
      if (!good) skipped.push(i);
      else seen.add(c.id);
      return good;
    });
    if (skipped.length && this.#warnedFor !== this.credentials) {
      this.#warnedFor = this.credentials;
      console.warn(`<credential-picker>: credentials at index ${skipped.join(', ')} skipped: each needs a string id and name.`);
    }
    return tiles;
  }

  /** The overlay: the host's light-DOM child, else the picker's own. */
  get overlay(): Overlay | null {
    const own = [...this.children].find(isOverlay);
    return own ?? (this.renderRoot?.querySelector('credential-overlay') as (Element & Overlay) | null) ?? null;
  }

  /**
   * Rendered on a server (declarative shadow DOM), the picker cannot see its children, so it
   * renders no overlay of its own there; the first render in the browser hydrates that, and
   * the own overlay, when there is no child, comes with the next one.
   */
  #hydrating = false;

  // A first guess from what is parsed so far (no own overlay made and dropped when the host's
  // child is there); the slot's slotchange corrects it when children arrive later.
  /* eslint-disable wc/no-child-traversal-in-connectedcallback */
  override connectedCallback(): void {
    this.#hydrating = !isServer && !this.hasUpdated && Boolean(this.shadowRoot?.firstChild);
    super.connectedCallback();
    this.hasOverlay = isServer || [...this.children].some(isOverlay);
  }
  /* eslint-enable wc/no-child-traversal-in-connectedcallback */

  protected override firstUpdated(): void {
    if (!this.#hydrating) return;
    // Once this update is over, not inside it (Lit's change-in-update).
    void this.updateComplete.then(() => {
      this.#hydrating = false;
      if (!this.hasOverlay) this.requestUpdate();
    });
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('value') && this.value) {
      const at = this.#tiles.findIndex((t) => t.id === this.value);
      if (at >= this.#limit) this.#limit = at + 1;
    }
    if (!changed.has('credentials')) return;
    const tiles = this.#tiles;
    const ids = new Set(tiles.map((t) => t.id));
    if (this.#known) {
      const fresh = tiles.filter((t) => !this.#known!.has(t.id));
      if (fresh.length) this.announcement = fresh.map((t) => this.#strings.announceNew({ name: maskSecrets(t.name) })).join(' ');
    }
    // Forget the state of tiles that are gone.
    if (this.confirming && !ids.has(this.confirming)) this.confirming = '';
    if (this.busy && !ids.has(this.busy)) this.busy = '';
    this.#known = ids;
  }

  protected override updated(): void {
    if (this.#limit < this.#tiles.length && !this.#batching) {
      this.#batching = true;
      requestAnimationFrame(() => {
        this.#batching = false;
        this.#limit += BATCH;
        this.requestUpdate();
      });
    }
    const gone = this.#refocusAfter;
    if (!gone || this.#tiles.some((t) => t.id === gone)) return;
    this.#refocusAfter = '';
    const active = deepActiveElement();
    if (active && active.isConnected && active !== document.body) return;
    const root = this.renderRoot;
    ((root.querySelector('[role="radio"][tabindex="0"]') ?? root.querySelector('[part~="add-tile"]')) as HTMLElement | null)?.focus();
  }

  #select(id: string, focus = false): void {
    this.#reveal(id);
    const radio = () => this.renderRoot.querySelector<HTMLElement>(`[role="radio"][data-id="${CSS.escape(id)}"]`);
    if (focus) {
      if (radio()) radio()!.focus();
      else this.updateComplete.then(() => radio()?.focus());
    }
    if (this.value === id) return;
    this.value = id;
    this.dispatchEvent(new CustomEvent('credential-select', { detail: Object.freeze({ id }), bubbles: true, composed: true }));
  }

  /** Arrow keys move and select (wrapping; Left and Right follow the reading direction), Home and End, Space selects. */
  #onKeydown(event: KeyboardEvent, id: string): void {
    const tiles = this.#tiles;
    const at = tiles.findIndex((t) => t.id === id);
    // :dir() follows dir attributes; getComputedStyle would restyle every tile first.
    const rtl = this.matches(':dir(rtl)');
    const step: Record<string, number> = {
      ArrowDown: 1,
      ArrowUp: -1,
      ArrowRight: rtl ? -1 : 1,
      ArrowLeft: rtl ? 1 : -1,
    };
    let to: number | undefined;
    if (event.key in step) to = (at + step[event.key] + tiles.length) % tiles.length;
    else if (event.key === 'Home') to = 0;
    else if (event.key === 'End') to = tiles.length - 1;
    else if (event.key === ' ' || event.key === 'Enter') to = at;
    if (to === undefined) return;
    event.preventDefault();
    this.#select(tiles[to].id, true);
  }

  /** Renders every tile up to the one with `id` now (a batch may not have reached it yet). */
  #reveal(id: string): void {
    const at = this.#tiles.findIndex((t) => t.id === id);
    if (at >= this.#limit) {
      this.#limit = at + 1;
      this.requestUpdate();
    }
  }

  /** One listener for every tile (no closures per tile: a long list re-renders cheaply). */
  #onClick(event: Event): void {
    const target = event.target as Element;
    const button = target.closest<HTMLButtonElement>('button[data-action]');
    const tile = this.#tiles.find((t) => t.id === (button?.dataset.for ?? target.closest<HTMLElement>('[role="radio"]')?.dataset.id));
    if (!tile) return;
    if (!button) this.#select(tile.id, true);
    else if (button.dataset.action === 'edit') this.#edit(tile);
    else if (button.dataset.action === 'delete') this.#askDelete(tile.id);
    else if (button.dataset.action === 'confirm') this.#confirmDelete(tile);
    else if (button.dataset.action === 'keep') this.#keep(tile.id);
  }

  #onGroupKeydown(event: KeyboardEvent): void {
    const target = event.target as HTMLElement;
    const confirm = target.closest<HTMLElement>('[data-confirm]');
    if (confirm && event.key === 'Escape' && this.busy !== confirm.dataset.confirm) {
      event.stopPropagation();
      this.#keep(confirm.dataset.confirm!);
    } else if (target.getAttribute('role') === 'radio') {
      this.#onKeydown(event, target.dataset.id!);
    }
  }

  /** Opens the overlay in add mode. */
  #add(): void {
    this.editing = '';
    this.#open({ credentialId: '', existingKeyHint: '', credentialName: '', credentialDescription: '', values: {}, provider: this.provider });
  }

  /** Opens the overlay in edit mode from a tile. */
  #edit(tile: CredentialSummary): void {
    this.editing = tile.id;
    this.#open({
      credentialId: tile.id,
      // As given: the overlay shows it only when it has a hint's shape.
      existingKeyHint: tile.keyHint,
      credentialName: tile.name,
      credentialDescription: tile.description ?? '',
      values: { ...(tile.fields ?? {}) },
      provider: tile.provider ?? this.provider,
    });
  }

  #open(props: Partial<Overlay>): void {
    const overlay = this.overlay;
    if (!overlay) return;
    Object.assign(overlay, props);
    void overlay.show();
  }

  #askDelete(id: string): void {
    this.confirming = id;
    this.failures = { ...this.failures, [id]: '' };
    this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('[data-keep]')?.focus());
  }

  #keep(id: string): void {
    this.confirming = '';
    this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`[data-delete="${CSS.escape(id)}"]`)?.focus());
  }

  #confirmDelete(tile: CredentialSummary): void {
    if (this.busy) return;
    const pending: Promise<unknown>[] = [];
    let accepting = true;
    const detail: CredentialDeleteDetail = Object.freeze({
      id: tile.id,
      name: tile.name,
      waitUntil: (promise: Promise<unknown>) => {
        if (!accepting) throw new DOMException('waitUntil() must be called while credential-delete is dispatched.', 'InvalidStateError');
        pending.push(Promise.resolve(promise));
      },
    });
    const event = new CustomEvent('credential-delete', { detail, bubbles: true, composed: true, cancelable: true });
    try {
      this.dispatchEvent(event);
    } finally {
      accepting = false;
    }
    if (event.defaultPrevented) {
      void Promise.all(pending).catch(() => {});
      this.#keep(tile.id);
      return;
    }
    const done = () => {
      this.busy = '';
      this.confirming = '';
      // Until the host removes the tile, focus stays on it; then it goes to the group.
      this.#refocusAfter = tile.id;
      this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`[role="radio"][data-id="${CSS.escape(tile.id)}"]`)?.focus());
    };
    if (!pending.length) {
      done();
      return;
    }
    this.busy = tile.id;
    Promise.all(pending).then(done, (reason: unknown) => {
      let message: unknown;
      try {
        message = (reason as { message?: unknown } | null)?.message;
      } catch {
        message = undefined;
      }
      const text = typeof message === 'string' && message.trim() ? maskSecrets(message) : this.#strings.deleteFailed;
      this.busy = '';
      this.confirming = '';
      this.failures = { ...this.failures, [tile.id]: text };
      this.announcement = text;
      this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`[data-delete="${CSS.escape(tile.id)}"]`)?.focus());
    });
  }

  /** What a tile shows of a summary, masked and formatted once per summary and language (a long list re-renders often). */
  #shownCache = new WeakMap<CredentialSummary, { lang: string; name: string; description: string; hint: string; date: string }>();
  #shown(tile: CredentialSummary) {
    const lang = this.#lang.lang;
    let shown = this.#shownCache.get(tile);
    if (!shown || shown.lang !== lang) {
      shown = {
        lang,
        name: maskSecrets(tile.name),
        description: maskSecrets(tile.description ?? ''),
        hint: hintShape(tile.keyHint),
        date: this.#date(tile.createdAt),
      };
      this.#shownCache.set(tile, shown);
    }
    return shown;
  }

  #date(iso?: string): string {
    if (!iso) return '';
    const date = new Date(iso);
    if (Number.isNaN(date.getTime())) return '';
    const lang = this.#lang.lang || undefined;
    try {
      if (this.#dates?.lang !== (lang ?? '')) this.#dates = { lang: lang ?? '', format: new Intl.DateTimeFormat(lang, { dateStyle: 'medium' }) };
    } catch {
      this.#dates = { lang: lang ?? '', format: new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' }) };
    }
    return this.#dates.format.format(date);
  }

  #tile(tile: CredentialSummary, tabStop: string, s: CredentialPickerStrings) {
    const selected = tile.id === this.value;
    const { name, description, hint, date } = this.#shown(tile);
    const preset = tile.provider && tile.provider !== this.provider ? (getProvider(tile.provider)?.label ?? tile.provider) : '';
    const busy = this.busy === tile.id;
    const failure = this.failures[tile.id];
    const idx = `t-${tile.id}`;
    // Tab reaches the group once, at its current tile, then that tile's own buttons: the
    // other tiles' buttons are a click (or an arrow key, then Tab) away.
    const actionsTab = tile.id === tabStop || this.failures[tile.id] ? 0 : -1;
    return html`<div class="tile ${selected ? 'selected' : ''}" part=${selected ? 'tile tile-selected' : 'tile'} aria-busy=${busy ? 'true' : 'false'}>
      <div class="radio" part="radio" role="radio" data-id=${tile.id} aria-checked=${selected ? 'true' : 'false'}
        tabindex=${tile.id === tabStop ? 0 : -1} aria-labelledby="${idx}-name" aria-describedby="${idx}-meta">
        <span class="mark">${selected ? icon(CHECK) : nothing}</span>
        <span class="name" part="name" id="${idx}-name">${name}</span>
        <span class="meta" id="${idx}-meta">
          ${description ? html`<span class="description" part="description">${description}</span>` : nothing}
          <span class="facts"><code class="hint" part="hint" dir="ltr">${hint}</code>
            ${tile.keyType ? html`<span>${s.keyType({ type: tile.keyType })}</span>` : nothing}
            ${preset ? html`<span>${preset}</span>` : nothing}
            ${tile.verified ? html`<span class="badge" part="badge">${icon(CHECK)}${s.verified}</span>` : nothing}
            ${date ? html`<span>${s.added({ date })}</span>` : nothing}</span>
        </span>
      </div>
      ${this.confirming === tile.id
        ? html`<div class="confirm" part="confirm" role="group" aria-labelledby="${idx}-ask" data-confirm=${tile.id}>
            <p id="${idx}-ask">${s.confirmDelete({ name })}</p>
            <button type="button" class="danger" data-action="confirm" data-for=${tile.id} ?disabled=${busy}>${busy ? s.deleting : s.confirm}</button>
            <button type="button" data-keep data-action="keep" data-for=${tile.id} ?disabled=${busy}>${s.keep}</button>
          </div>`
        : html`<div class="actions">
            <button type="button" class="icon" part="edit-button" aria-label=${s.edit({ name })} title=${s.edit({ name })}
              tabindex=${actionsTab} data-action="edit" data-for=${tile.id}>${icon(PEN)}</button>
            <button type="button" class="icon" part="delete-button" data-delete=${tile.id} aria-label=${s.delete({ name })} tabindex=${actionsTab}
              title=${s.delete({ name })} data-action="delete" data-for=${tile.id}>${icon(BIN)}</button>
          </div>`}
      ${failure ? html`<p class="error" part="error">${failure}</p>` : nothing}
    </div>`;
  }

  override render() {
    const s = this.#strings;
    const tiles = this.#tiles;
    const tabStop = tiles.some((t) => t.id === this.value) ? this.value : (tiles[0]?.id ?? '');
    return html`${tiles.length
        ? html`<div class="grid" part="group" role="radiogroup" aria-label=${this.label || s.label}
            @click=${this.#onClick} @keydown=${this.#onGroupKeydown}>
            ${repeat(tiles.length > this.#limit ? tiles.slice(0, this.#limit) : tiles, (t) => t.id, (t) =>
              // A tile whose inputs did not change is not rendered again: a long list stays quick.
              guard([t, t.id === this.value, t.id === tabStop, t.id === this.confirming, t.id === this.busy, this.failures[t.id], s, this.provider], () =>
                this.#tile(t, tabStop, s),
              ),
            )}
          </div>`
        : html`<p class="empty" part="empty">${s.empty}</p>`}
      <button type="button" class="add" part="add-tile" @click=${this.#add}>${icon(PLUS)}${s.addCredential}</button>
      <div class="visually-hidden" role="status">${this.announcement}</div>
      <slot @slotchange=${() => (this.hasOverlay = [...this.children].some(isOverlay))}></slot>
      ${this.hasOverlay || this.#hydrating ? nothing : html`<credential-overlay .provider=${this.provider}></credential-overlay>`}`;
  }
}

declare global {
  interface HTMLElementEventMap {
    'credential-select': CredentialSelectEvent;
    'credential-delete': CredentialDeleteEvent;
  }
}
