// The same "Add New Credential" dialog built with Shoelace 2, for `npm run bench`: sl-dialog,
// sl-input (name), sl-textarea (description), sl-input type=password password-toggle,
// Save and Cancel sl-buttons. It validates with the same pure rules as <credential-overlay>
// (checkKey, required name, length limits), shows errors as help text with
// setCustomValidity, focuses the first invalid field, emits `credential-saved` and clears.
import '@shoelace-style/shoelace/dist/components/dialog/dialog.js';
import '@shoelace-style/shoelace/dist/components/input/input.js';
import '@shoelace-style/shoelace/dist/components/textarea/textarea.js';
import '@shoelace-style/shoelace/dist/components/button/button.js';
import { en, openai } from '../dist/element.js';
import { checkKey } from '../dist/key-rules.js';

const template = `
  <sl-dialog label="Add New Credential" class="credential-dialog">
    <form novalidate>
      <sl-input name="name" label="Credential Name" required autocomplete="off" autofocus></sl-input>
      <sl-textarea name="description" label="Credential Description" rows="2"></sl-textarea>
      <sl-input name="apiKey" label="API Key Value" type="password" password-toggle required
        autocomplete="off" spellcheck="false" autocapitalize="off" autocorrect="off"
        help-text="OpenAI receives this key with every request, in the header Authorization: Bearer {api_key}"></sl-input>
    </form>
    <sl-button slot="footer" class="cancel">Cancel</sl-button>
    <sl-button slot="footer" variant="primary" class="save">Save</sl-button>
  </sl-dialog>`;

/** Builds the dialog in `container` and returns its parts and `open()`/`close()`. */
export function createShoelaceDialog(container) {
  container.insertAdjacentHTML('beforeend', template);
  const dialog = container.lastElementChild;
  const [name, description, apiKey] = dialog.querySelectorAll('sl-input, sl-textarea');
  const save = dialog.querySelector('.save');
  const cancel = dialog.querySelector('.cancel');
  const help = apiKey.getAttribute('help-text');

  const setError = (control, message, fallbackHelp = '') => {
    control.setCustomValidity(message ?? '');
    control.helpText = message ?? fallbackHelp;
  };

  const clear = () => {
    for (const c of [name, description, apiKey]) {
      c.value = '';
      setError(c, undefined, c === apiKey ? help : '');
    }
    apiKey.passwordVisible = false;
  };

  const doSave = () => {
    const n = name.value.trim();
    const d = description.value.trim();
    const errors = new Map();
    if (!n) errors.set(name, en.nameRequired);
    else if (n.length > 100) errors.set(name, en.tooLong({ field: en.nameLabel, length: n.length, max: 100 }));
    if (d.length > 1000) errors.set(description, en.tooLong({ field: en.descriptionLabel, length: d.length, max: 1000 }));
    const key = checkKey(apiKey.value, openai, en);
    if (!key.ok) errors.set(apiKey, key.message);
    for (const c of [name, description, apiKey]) setError(c, errors.get(c), c === apiKey ? help : '');
    if (errors.size) {
      errors.keys().next().value.focus();
      return;
    }
    const detail = Object.freeze({
      provider: 'openai', name: n, description: d, apiKey: key.apiKey, keyType: key.keyType,
      keyHint: key.keyHint, verified: false, organization: '', project: '',
    });
    const event = new CustomEvent('credential-saved', { detail, bubbles: true, composed: true, cancelable: true });
    if (dialog.dispatchEvent(event)) {
      dialog.hide();
    }
  };

  save.addEventListener('click', doSave);
  cancel.addEventListener('click', () => dialog.hide());
  dialog.addEventListener('keydown', (e) => e.key === 'Enter' && e.target.localName === 'sl-input' && doSave());
  // Clicking the backdrop must not lose typed data.
  dialog.addEventListener('sl-request-close', (e) => e.detail.source === 'overlay' && e.preventDefault());
  dialog.addEventListener('sl-after-hide', (e) => e.target === dialog && clear());

  return { dialog, name, description, apiKey, save, cancel, helpText: help };
}
