import { expect } from '@open-wc/testing';
import { CredentialOverlay } from '../src/index.js';

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
    el.show();
    await el.updateComplete;
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

  it('registers provider presets as data', () => {
    expect(() => CredentialOverlay.registerProvider({} as never)).to.throw(TypeError);
  });
});
