import { aTimeout, expect, html, waitUntil } from '@open-wc/testing';
import { en, type CredentialOverlay } from '../src/index.js';
import { de } from '../src/locales/de.js';
import { button, errorOf, field, openOverlay, paste } from './helpers.js';
import { filler, keys } from './keys.js';

/** Everything a user sees or hears: text (but code samples), labels and titles. */
function perceivable(el: CredentialOverlay): string {
  const out: string[] = [];
  const walk = (node: Node) => {
    if (node.nodeType === Node.TEXT_NODE && !node.parentElement?.closest('code')) out.push(node.nodeValue!);
    if (node instanceof Element) {
      for (const attr of ['aria-label', 'title', 'placeholder']) {
        const value = node.getAttribute(attr);
        if (value) out.push(value);
      }
    }
    node.childNodes.forEach(walk);
  };
  walk(el.shadowRoot!);
  return out.join(' ').replace(/\s+/g, ' ');
}

const ENGLISH = /\b(the|and|key|save|saving|cancel|close|credential|optional|advanced|enter|paste|show|find|check|could|not|with|try|starts|field|fields)\b/i;
const englishStatics = Object.values(en).filter((v): v is string => typeof v === 'string');

function expectGerman(text: string, state: string) {
  expect(text.match(ENGLISH)?.[0], `English word in the ${state} state: ${text}`).to.equal(undefined);
  for (const s of englishStatics) expect(text, state).not.to.include(s);
}

function fillGerman(el: CredentialOverlay, key: string) {
  paste(field(el, 'Name der Zugangsdaten'), 'Prod');
  paste(field(el, 'API-Schlüssel'), key);
}

describe('localization', () => {
  it('leaves no English when the German strings are applied, in every state', async () => {
    const template = html`<credential-overlay verify base-url=${`${location.origin}/mock/openai/v1`}></credential-overlay>`;
    let el = await openOverlay(template, false);
    el.strings = de;
    el.show();
    await el.updateComplete;
    el.shadowRoot!.querySelector('details')!.open = true;
    expectGerman(perceivable(el), 'open');

    paste(field(el, 'Organisations-ID'), 'acme');
    paste(field(el, 'API-Schlüssel'), `sk-ant-${filler(30)}`);
    paste(field(el, 'Beschreibung der Zugangsdaten'), 'd'.repeat(1001));
    button(el, 'Speichern').click();
    await el.updateComplete;
    expectGerman(perceivable(el), 'error');
    expect(perceivable(el)).to.include('Speichern nicht möglich: 4 Felder brauchen Ihre Aufmerksamkeit.');

    for (const bad of [`sk-${filler(5)}`, `${keys.project} x`, `sk-${filler(30)}.`, 'pk-123', 'sess-abcdef', 'x'.repeat(600)]) {
      paste(field(el, 'API-Schlüssel'), bad);
      button(el, 'Speichern').click();
      await el.updateComplete;
      expectGerman(perceivable(el), `error for ${bad.slice(0, 12)}`);
    }

    paste(field(el, 'API-Schlüssel'), keys.admin);
    field(el, 'Name der Zugangsdaten').focus();
    await el.updateComplete;
    expectGerman(perceivable(el), 'note');

    el.close();
    el = await openOverlay(template, false);
    el.strings = de;
    el.show();
    await el.updateComplete;
    fillGerman(el, `sk-proj-HANG-${filler(40)}`);
    button(el, 'Speichern').click();
    await el.updateComplete;
    expectGerman(perceivable(el), 'verifying');
    el.close();

    el = await openOverlay(template, false);
    el.strings = de;
    el.show();
    await el.updateComplete;
    fillGerman(el, `sk-proj-DOWN-${filler(40)}`);
    button(el, 'Speichern').click();
    await waitUntil(() => el.shadowRoot!.querySelector('[part="skip-button"]'), 'could not confirm', { timeout: 4000 });
    expectGerman(perceivable(el), 'could not confirm');

    el.addEventListener('credential-saved', (e) => e.detail.waitUntil(Promise.reject(new Error())));
    button(el, 'Ohne Prüfung speichern').click();
    await el.updateComplete;
    expectGerman(perceivable(el), 'busy');
    await aTimeout(0);
    await el.updateComplete;
    expectGerman(perceivable(el), 'form error');
    expect(perceivable(el)).to.include('Die Zugangsdaten konnten nicht gespeichert werden.');
  });

  it('lets a host override single strings; heading wins over strings.heading', async () => {
    const el = await openOverlay(html`<credential-overlay></credential-overlay>`, false);
    el.strings = { save: 'Add key', heading: 'Connect' };
    el.show();
    await el.updateComplete;
    expect(button(el, 'Add key')).to.exist;
    expect(el.shadowRoot!.querySelector('h2')!.textContent).to.equal('Connect');
    el.heading = 'Edit credential';
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('h2')!.textContent).to.equal('Edit credential');
    expect(field(el, 'Credential Name')).to.exist;
  });

  it("merges a host's strings into the page's language at every depth (one field's label on a German page)", async () => {
    await import('../src/locales/de.js');
    const strings = { fields: { organization: { label: 'Org' } }, save: undefined, close: null, unknown: 'Unbekannt' };
    const el = await openOverlay(
      html`<credential-overlay lang="de" .strings=${strings as unknown as CredentialOverlay['strings']}></credential-overlay>`,
    );
    el.shadowRoot!.querySelector('details')!.open = true;
    await el.updateComplete;
    expect(field(el, 'Org'), "the host's label").to.exist;
    expect(field(el, 'Projekt-ID'), "the other field's German label").to.exist;
    expect(field(el, 'API-Schlüssel')).to.exist;
    expect(button(el, 'Speichern'), 'undefined falls back').to.exist;
    expect(perceivable(el)).to.include('Schließen');
    expect(perceivable(el), 'an unknown key is never rendered').not.to.include('Unbekannt');

    paste(field(el, 'Org'), 'acme');
    button(el, 'Speichern').click();
    await el.updateComplete;
    expect(errorOf(el, field(el, 'Org')), "the field's own German message stays").to.include('Die Organisations-ID beginnt mit org-');
    expectGerman(perceivable(el).replace(/\bOrg\b/g, ''), 'a host label on a German page');
  });
});

