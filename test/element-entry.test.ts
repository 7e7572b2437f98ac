import { expect } from '@open-wc/testing';
import { CredentialOverlay } from '../src/element.js';

describe('credential-overlay/element', () => {
  it('defines nothing until define() is called', () => {
    expect(customElements.get('credential-overlay')).to.equal(undefined);
    CredentialOverlay.define('my-overlay');
    expect(customElements.get('my-overlay')).to.equal(CredentialOverlay);
    expect(customElements.get('credential-overlay')).to.equal(undefined);
  });
});
