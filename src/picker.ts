/**
 * `credential-overlay/picker`: defines `<credential-picker>` (and, through the default entry,
 * `<credential-overlay>`), and exports the class and its types.
 */
import { CredentialPicker } from './credential-picker.js';
import './index.js';

export * from './credential-picker.js';
export { pickerEn, type CredentialPickerStrings } from './picker-strings.js';

// No error when this class (or another copy of it) already holds the tag.
if (!customElements.get('credential-picker')) CredentialPicker.define();

declare global {
  interface HTMLElementTagNameMap {
    'credential-picker': CredentialPicker;
  }
}
