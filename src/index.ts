/** `credential-overlay`: defines `<credential-overlay>` and exports the class and its types. */
import { CredentialOverlay } from './credential-overlay.js';

export * from './element.js';

// No error when this class (or another copy of it) already holds the tag.
if (!customElements.get('credential-overlay')) CredentialOverlay.define();

declare global {
  interface HTMLElementTagNameMap {
    'credential-overlay': CredentialOverlay;
  }
}
