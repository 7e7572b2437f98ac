import { expect, html } from '@open-wc/testing';
import type { CredentialOverlay, CredentialSavedEvent } from '../src/index.js';
import { accessibilityTree, type AXNode, button, description, dialog, engine, expectFocus, field, fill, findAccessibilityNode, openOverlay, paste, record, sendKeys } from './helpers.js';
import { keys } from './keys.js';

const find = (tree: AXNode | null | undefined, test: (n: AXNode) => boolean) => findAccessibilityNode(tree, test);

/** What the accessibility-tree assertions compare against, in this engine. */
const treeSource = engine === 'chromium' ? "Chromium's accessibility tree" : 'names computed from the DOM by the test helper';

describe('opening', () => {
  it(`shows a modal dialog named by the heading, with the provider and every control (${treeSource})`, async () => {
    const el = await openOverlay();
    expect(dialog(el).matches(':modal')).to.equal(true);
    expect(el.hasAttribute('open')).to.equal(true);
    const tree = await accessibilityTree();
    const modal = find(tree, (n) => n.role === 'dialog');
    expect(modal?.name).to.equal('Add New Credential');
    const names = (role: string) => {
      const out: string[] = [];
      find(modal, (n) => {
        if (n.role === role) out.push(n.name);
        return false;
      });
      return out;
    };
    expect(names('textbox')).to.include.members(['Credential Name', 'Credential Description', 'API Key Value']);
    expect(names('button')).to.include.members(['Close', 'Show API key', 'Cancel', 'Save']);
    expect(names('StaticText').join(' ')).to.include('OpenAI');
  });

  it('focuses Credential Name', async () => {
    const el = await openOverlay();
    expectFocus(field(el, 'Credential Name'));
  });

  it('explains how the key is sent and links to where to find it', async () => {
    const el = await openOverlay();
    const help = description(el, field(el, 'API Key Value'));
    expect(help).to.include('Authorization: Bearer {api_key}');
    const link = el.shadowRoot!.querySelector('a')!;
    expect(link.href).to.equal('https://platform.openai.com/api-keys');
    expect(link.target).to.equal('_blank');
    expect(link.rel).to.include('noopener');
  });

  it('masks the key field and keeps it away from spell check and password managers', async () => {
    const el = await openOverlay();
    const key = field(el, 'API Key Value') as HTMLInputElement;
    expect(key.type).to.equal('password');
    expect(key.required).to.equal(true);
    expect(key.hasAttribute('maxlength')).to.equal(false);
    const attrs = Object.fromEntries([...key.attributes].map((a) => [a.name, a.value]));
    expect(attrs).to.include({
      autocomplete: 'off',
      spellcheck: 'false',
      autocapitalize: 'off',
      autocorrect: 'off',
      'data-1p-ignore': '',
      'data-lpignore': 'true',
      'data-bwignore': '',
      'data-form-type': 'other',
    });
  });

  it('opens from the open attribute in markup', async () => {
    const el = await openOverlay(html`<credential-overlay open></credential-overlay>`, false);
    expect(dialog(el).open).to.equal(true);
  });

  it('opens when connected if open was set while disconnected', async () => {
    const el = document.createElement('credential-overlay');
    el.open = true;
    document.body.append(el);
    await el.updateComplete;
    await el.updateComplete;
    expect(dialog(el).open).to.equal(true);
    el.remove();
  });

  it(`takes the heading and initial values from attributes, as text (${treeSource})`, async () => {
    const el = await openOverlay(html`<credential-overlay heading="Edit <b>key</b>" credential-name=" Prod "
      credential-description="<img src=x>"></credential-overlay>`);
    const tree = await accessibilityTree();
    expect(find(tree, (n) => n.role === 'dialog')?.name).to.equal('Edit <b>key</b>');
    expect(field(el, 'Credential Name').value).to.equal(' Prod ');
    expect(field(el, 'Credential Description').value).to.equal('<img src=x>');
    expect(el.shadowRoot!.querySelector('b, img')).to.equal(null);
  });

  it('ignores a docs-url that is not https, with one warning', async () => {
    const warn = console.warn;
    const warnings: unknown[][] = [];
    console.warn = (...args: unknown[]) => warnings.push(args);
    try {
      const el = await openOverlay(html`<credential-overlay docs-url="javascript:alert(1)"></credential-overlay>`);
      expect(el.shadowRoot!.querySelector('a')!.getAttribute('href')).to.equal('https://platform.openai.com/api-keys');
      expect(warnings).to.have.length(1);
      el.docsUrl = 'http://localhost:8080/keys';
      await el.updateComplete;
      expect(el.shadowRoot!.querySelector('a')!.getAttribute('href')).to.equal('http://localhost:8080/keys');
    } finally {
      console.warn = warn;
    }
  });

  it('does not close when the backdrop is clicked', async () => {
    const el = await openOverlay();
    const { sendMouse } = await import('@web/test-runner-commands');
    await sendMouse({ type: 'click', position: [3, 3] });
    expect(dialog(el).open).to.equal(true);
  });
});

describe('validation', () => {
  it('shows each error next to its field, marks it invalid, focuses the first and announces', async () => {
    const el = await openOverlay();
    const saved = record(el, 'credential-saved');
    paste(field(el, 'API Key Value'), `sk-ant-api03-${'a'.repeat(40)}`);
    button(el, 'Save').click();
    await el.updateComplete;

    expect(saved).to.have.length(0);
    const name = field(el, 'Credential Name');
    const key = field(el, 'API Key Value');
    expect(name.getAttribute('aria-invalid')).to.equal('true');
    expect(description(el, name)).to.equal('Enter a name for this credential.');
    expect(key.getAttribute('aria-invalid')).to.equal('true');
    expect(description(el, key)).to.match(/^This looks like a key from Anthropic \(sk-ant-\)/);
    expect(field(el, 'Credential Description').hasAttribute('aria-invalid')).to.equal(false);
    expectFocus(name);
    expect(el.shadowRoot!.querySelector('[role="status"]')!.textContent).to.equal(
      'Could not save: 2 fields need attention.',
    );
    // Nothing the user typed is cleared by an error.
    expect(key.value).to.equal(`sk-ant-api03-${'a'.repeat(40)}`);
  });

  it('never cuts a value over its limit', async () => {
    const el = await openOverlay();
    const long = 'n'.repeat(101);
    fill(el, { name: long, description: 'd'.repeat(1001), key: keys.project });
    button(el, 'Save').click();
    await el.updateComplete;
    expect(description(el, field(el, 'Credential Name'))).to.equal(
      'Credential Name is 101 characters long. Shorten it to 100 characters or fewer.',
    );
    expect(description(el, field(el, 'Credential Description'))).to.match(/1001 characters long/);
    expect(field(el, 'Credential Name').value).to.equal(long);
  });

  it('checks an edited field on blur, leaves an untouched one alone, and clears a fixed error', async () => {
    const el = await openOverlay();
    const name = field(el, 'Credential Name');
    const key = field(el, 'API Key Value');
    field(el, 'Credential Description').focus(); // blur Name untouched
    await el.updateComplete;
    expect(name.hasAttribute('aria-invalid')).to.equal(false);

    paste(key, 'sk-short');
    name.focus();
    await el.updateComplete;
    expect(description(el, key)).to.match(/too short: 5 characters after sk-/);

    paste(key, keys.project);
    await el.updateComplete;
    expect(key.hasAttribute('aria-invalid')).to.equal(false);
  });

  it('notes an admin key without blocking it', async () => {
    const el = await openOverlay();
    const key = field(el, 'API Key Value');
    paste(key, keys.admin);
    field(el, 'Credential Name').focus();
    await el.updateComplete;
    expect(description(el, key)).to.match(/admin key/);
    expect(key.hasAttribute('aria-invalid')).to.equal(false);
  });
});

describe('saving', () => {
  it('emits credential-saved with every detail field, then closes and clears', async () => {
    const opener = document.createElement('button');
    document.body.append(opener);
    opener.focus();
    const el = await openOverlay();
    const events = record<CredentialSavedEvent>(el, 'credential-saved');
    let openDuringDispatch = false;
    el.addEventListener('credential-saved', () => (openDuringDispatch = dialog(el).open));
    fill(el, { name: '  Prod key  ', description: '  nightly job ', key: `  Bearer ${keys.project}\n` });
    button(el, 'Save').click();

    expect(events).to.have.length(1);
    const [event] = events;
    expect(openDuringDispatch).to.equal(true);
    expect(event.bubbles && event.composed && event.cancelable).to.equal(true);
    const { waitUntil, ...rest } = event.detail;
    expect(typeof waitUntil).to.equal('function');
    expect(rest).to.deep.equal({
      id: '',
      provider: 'openai',
      name: 'Prod key',
      description: 'nightly job',
      apiKey: keys.project,
      keyType: 'project',
      keyHint: `sk-proj-…${keys.project.slice(-4)}`,
      verified: false,
      check: null,
      keySource: 'typed',
      organization: '',
      project: '',
      fields: { organization: '', project: '' },
      mode: 'add',
      keyChanged: true,
      changed: ['name', 'description', 'apiKey'],
    });
    expect(Object.isFrozen(event.detail)).to.equal(true);

    expect(dialog(el).open).to.equal(false);
    expect(el.open).to.equal(false);
    await el.updateComplete;
    expect(el.hasAttribute('open')).to.equal(false);
    expectFocus(opener);
    el.show();
    await el.updateComplete;
    for (const label of ['Credential Name', 'Credential Description', 'API Key Value']) {
      expect(field(el, label).value, label).to.equal('');
    }
    opener.remove();
  });

  it('gives an empty description as ""', async () => {
    const el = await openOverlay();
    const events = record<CredentialSavedEvent>(el, 'credential-saved');
    fill(el, { key: keys.legacy });
    button(el, 'Save').click();
    expect(events[0].detail.description).to.equal('');
    expect(events[0].detail.keyType).to.equal('legacy');
  });

  it('saves on Enter in a single-line field, not in the description', async () => {
    const el = await openOverlay();
    const events = record(el, 'credential-saved');
    fill(el, { key: keys.project });
    field(el, 'Credential Description').focus();
    await sendKeys({ press: 'Enter' });
    expect(events).to.have.length(0);
    expect(field(el, 'Credential Description').value).to.equal('\n');
    field(el, 'Credential Name').focus();
    await sendKeys({ press: 'Enter' });
    expect(events).to.have.length(1);
  });

  for (const [how, act] of [
    ['a double click', async (el: CredentialOverlay) => {
      const save = button(el, 'Save');
      save.click();
      save.click();
    }],
    ['Enter plus click', async (el: CredentialOverlay) => {
      const save = button(el, 'Save');
      field(el, 'API Key Value').focus();
      await sendKeys({ press: 'Enter' });
      save.click();
    }],
    ['repeated Enter', async (el: CredentialOverlay) => {
      field(el, 'API Key Value').focus();
      await sendKeys({ press: 'Enter' });
      await sendKeys({ press: 'Enter' });
      await sendKeys({ press: 'Enter' });
    }],
  ] as const) {
    it(`emits exactly once for ${how}`, async () => {
      const el = await openOverlay();
      const events = record(el, 'credential-saved');
      const cancels = record(el, 'credential-cancel');
      fill(el, { key: keys.project });
      await act(el);
      await el.updateComplete;
      expect(events).to.have.length(1);
      expect(cancels).to.have.length(0);
    });
  }
});
