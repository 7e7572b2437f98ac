// Languages picked by the nearest `lang` (contract section 13).
import { expect, fixture, html } from '@open-wc/testing';
import type { CredentialOverlay } from '../src/index.js';
import { registerLocale } from '../src/locale.js';
import { en } from '../src/strings.js';
import { button, dialog, openOverlay } from './helpers.js';

const title = (el: CredentialOverlay) => el.shadowRoot!.querySelector('h2')!.textContent!.trim();
const frame = () => new Promise((r) => requestAnimationFrame(r));

describe('languages by lang', () => {
  afterEach(() => document.documentElement.removeAttribute('lang'));

  it('uses English for a language nobody registered, silently', async () => {
    const warn = console.warn;
    const warnings: unknown[] = [];
    console.warn = (...a: unknown[]) => void warnings.push(a);
    try {
      const el = await openOverlay(html`<credential-overlay lang="sv"></credential-overlay>`);
      expect(title(el)).to.equal('Add New Credential');
      expect(warnings).to.deep.equal([]);
    } finally {
      console.warn = warn;
    }
  });

  it('takes a language registered later (a lazily imported entry), and the nearest lang across shadow roots', async () => {
    const host = await fixture<HTMLDivElement>(html`<div lang="de"><section></section></div>`);
    const inner = host.querySelector('section')!.attachShadow({ mode: 'open' });
    const el = document.createElement('credential-overlay');
    inner.append(el);
    await el.show();
    expect(title(el)).to.equal('Add New Credential');
    await import('../src/locales/de.js');
    await el.updateComplete;
    expect(title(el)).to.equal('Neue Zugangsdaten hinzufügen');
    expect(button(el, 'Speichern')).to.not.equal(undefined);
  });

  it('follows a change of lang on an ancestor', async () => {
    await import('../src/locales/de.js');
    const el = await openOverlay(html`<credential-overlay></credential-overlay>`);
    expect(title(el)).to.equal('Add New Credential');
    document.documentElement.lang = 'de-CH';
    await frame();
    await el.updateComplete;
    expect(title(el)).to.equal('Neue Zugangsdaten hinzufügen');
    document.documentElement.lang = 'en';
    await frame();
    await el.updateComplete;
    expect(title(el)).to.equal('Add New Credential');
  });

  it('takes the best match: zh-Hans-CN and zh get zh-CN, zh-TW (another script) English, de-AT German', async () => {
    await import('../src/locales/zh-CN.js');
    await import('../src/locales/de.js');
    const el = await openOverlay(html`<credential-overlay></credential-overlay>`);
    const cases: Array<[string, string]> = [
      ['zh-Hans-CN', '添加凭据'],
      ['zh', '添加凭据'],
      ['zh-TW', 'Add New Credential'],
      ['zh-Hant', 'Add New Credential'],
      ['de-AT', 'Neue Zugangsdaten hinzufügen'],
      ['pt_BR', 'Add New Credential'],
    ];
    for (const [lang, heading] of cases) {
      document.documentElement.lang = lang;
      await frame();
      await el.updateComplete;
      expect(title(el), lang).to.equal(heading);
    }
    el.setAttribute('lang', 'zh-Hans-CN');
    await frame();
    await el.updateComplete;
    expect(title(el), 'its own lang').to.equal('添加凭据');
    expect(button(el, '保存')).to.not.equal(undefined);
  });

  it('falls back from pt-BR to pt, then to English', async () => {
    registerLocale('pt', { overlay: { heading: 'Adicionar credencial (pt)' } });
    const el = await openOverlay(html`<credential-overlay lang="pt-BR"></credential-overlay>`);
    expect(title(el)).to.equal('Adicionar credencial (pt)');
    registerLocale('pt-BR', { overlay: { heading: 'Adicionar nova credencial' } });
    await el.updateComplete;
    expect(title(el)).to.equal('Adicionar nova credencial');
    // A missing entry falls back to English, entry by entry.
    expect(button(el, 'Save')).to.not.equal(undefined);
  });

  it('lets the strings property win over the language, entry by entry', async () => {
    await import('../src/locales/de.js');
    const el = await openOverlay(html`<credential-overlay lang="de" .strings=${{ save: 'Sichern' }}></credential-overlay>`);
    expect(button(el, 'Sichern')).to.not.equal(undefined);
    expect(button(el, 'Abbrechen')).to.not.equal(undefined);
  });

  it('falls back to English for a message that throws, and warns once', async () => {
    const warn = console.warn;
    const warnings: string[] = [];
    console.warn = (...a: unknown[]) => void warnings.push(a.join(' '));
    try {
      registerLocale('xx', {
        overlay: {
          heading: 'XX',
          keyHelp: () => {
            throw new Error('broken translation');
          },
        },
      });
      const el = await openOverlay(html`<credential-overlay lang="xx"></credential-overlay>`);
      expect(title(el)).to.equal('XX');
      expect(el.shadowRoot!.querySelector('[part="help"]')!.textContent).to.include(en.keyHelp({ provider: 'OpenAI' }));
      el.requestUpdate();
      await el.updateComplete;
      expect(warnings.filter((w) => w.includes('keyHelp'))).to.have.length(1);
      expect(dialog(el).open).to.equal(true);
    } finally {
      console.warn = warn;
    }
  });
});
