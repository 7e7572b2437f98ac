import { expect } from '@open-wc/testing';
import { CredentialOverlay, getProvider, type ProviderPreset } from '../src/index.js';

describe('registration', () => {
  it('defines <credential-overlay> on import', () => {
    expect(customElements.get('credential-overlay')).to.equal(CredentialOverlay);
    expect(document.createElement('credential-overlay')).to.be.instanceOf(CredentialOverlay);
  });

  it('is a no-op when this class already holds the tag', () => {
    expect(() => CredentialOverlay.define()).not.to.throw();
    expect(() => CredentialOverlay.define('credential-overlay', customElements)).not.to.throw();
  });

  it('registers under another name, once', async () => {
    CredentialOverlay.define('acme-credential-overlay');
    CredentialOverlay.define('acme-credential-overlay');
    const el = document.createElement('acme-credential-overlay') as CredentialOverlay;
    expect(el).to.be.instanceOf(CredentialOverlay);
    document.body.append(el);
    expect(await el.show()).to.equal(true);
    expect(el.shadowRoot!.querySelector('dialog')!.open).to.equal(true);
    el.remove();
  });

  it("throws the platform's NotSupportedError when another class holds the tag", () => {
    customElements.define('taken-overlay', class extends HTMLElement {});
    expect(() => CredentialOverlay.define('taken-overlay')).to.throw(DOMException).with.property('name', 'NotSupportedError');
  });

  it('is not form-associated: the key never enters a host form', async () => {
    expect((CredentialOverlay as unknown as { formAssociated?: boolean }).formAssociated).to.not.equal(true);
    const form = document.createElement('form');
    const el = document.createElement('credential-overlay');
    form.append(el);
    document.body.append(form);
    el.show();
    await el.updateComplete;
    const key = el.shadowRoot!.querySelector('input[type="password"]') as HTMLInputElement;
    key.value = 'sk-proj-abcdefghijklmnopqrstuvwxyz';
    expect([...new FormData(form).values()]).to.deep.equal([]);
    form.remove();
  });

});

const NOT_AN_OBJECT = Symbol('not an object');

describe('registerProvider: a preset is checked before it is registered', () => {
  const good = (): ProviderPreset => ({
    id: 'acme',
    label: 'Acme',
    docsUrl: 'https://acme.example/keys',
    baseUrl: 'https://api.acme.example/v1',
    authHeader: 'X-Acme-Key: {api_key}',
    key: { prefix: 'acme_', minBodyLength: 8, alphabet: 'a-z0-9' },
    fields: [
      { id: 'region', label: 'Region', kind: 'select', default: 'eu', options: [{ value: 'eu' }, { value: 'us' }] },
      { id: 'tenant', label: 'Tenant', rule: { pattern: /^t_\w+$/, message: 'A tenant is t_ and more.' } },
    ],
    check: { url: '{baseUrl}/{region}/whoami', headers: { 'X-Acme-Key': '{apiKey}', 'X-Tenant': '{tenant}' } },
  });
  const cases: Array<[string, (p: Record<string, any>) => unknown, RegExp]> = [
    ['not an object', () => NOT_AN_OBJECT, /a preset must be an object/],
    ['no id', (p) => delete p.id, /id must be a non-empty string/],
    ['an id with spaces', (p) => (p.id = 'acme ai'), /id may hold only letters, digits/],
    ['no label', (p) => (p.label = ''), /label must be a non-empty string/],
    ['a docsUrl that is not a URL', (p) => (p.docsUrl = 'javascript:alert(1)'), /docsUrl must be an http: or https: URL/],
    ['a field without a label', (p) => delete p.fields[1].label, /fields\[1\]\.label must be a non-empty string/],
    ['two fields with one id', (p) => (p.fields[1].id = 'region'), /two fields have the id "region"/],
    ['a field taking apiKey', (p) => (p.fields[1].id = 'apiKey'), /field "apiKey" takes an id the overlay already uses/],
    ['a select without options', (p) => (p.fields[0].options = []), /field "region" is a select without options/],
    ['a default not among the options', (p) => (p.fields[0].default = 'ap'), /its default is not one of its options/],
    ['an unknown kind', (p) => (p.fields[1].kind = 'password'), /kind must be "text", "url" or "select"/],
    ['a rule pattern with the g flag', (p) => (p.fields[1].rule.pattern = /t_/g), /fields\[1\]\.rule\.pattern must be a RegExp without the g or y flag/],
    ['a check without a url', (p) => delete p.check.url, /check\.url must be a non-empty string/],
    ['a placeholder naming no field', (p) => (p.check.url = '{baseUrl}/{zone}'), /the check uses \{zone\}/],
    ['{baseUrl} without a baseUrl', (p) => delete p.baseUrl, /the check uses \{baseUrl\}, but the preset has no baseUrl/],
    ['a bad alphabet', (p) => (p.key.alphabet = 'z-a'), /key\.alphabet "z-a" is not a character class body/],
    ['a key type without a prefix', (p) => (p.key.types = [{ id: 'live' }]), /key\.types\[0\]\.prefix must be a string/],
  ];
  for (const [what, spoil, message] of cases) {
    it(`throws a TypeError naming ${what}, and registers nothing`, () => {
      const preset = good() as unknown as Record<string, any>;
      const replaced = spoil(preset);
      const input = replaced === NOT_AN_OBJECT ? 'acme' : preset;
      CredentialOverlay.registerProvider(good());
      const before = getProvider('acme');
      let error: unknown;
      try {
        CredentialOverlay.registerProvider(input as ProviderPreset);
      } catch (e) {
        error = e;
      }
      expect(error).to.be.instanceOf(TypeError);
      expect((error as Error).message).to.match(/^registerProvider\(\): /);
      expect((error as Error).message).to.match(message);
      expect(getProvider('acme'), 'the earlier preset is still there').to.equal(before);
    });
  }

  it('registers a well-formed preset and renders it at once', async () => {
    const el = document.createElement('credential-overlay');
    el.provider = 'acme2';
    document.body.append(el);
    try {
      await el.show();
      expect(el.shadowRoot!.querySelector('#unavailable')).to.not.equal(null);
      CredentialOverlay.registerProvider({ ...good(), id: 'acme2', label: 'Acme Two' });
      await el.updateComplete;
      expect(el.shadowRoot!.querySelector('#unavailable')).to.equal(null);
      expect(el.shadowRoot!.querySelector('[part="provider"]')!.textContent).to.equal('Acme Two');
    } finally {
      el.remove();
    }
  });
});
