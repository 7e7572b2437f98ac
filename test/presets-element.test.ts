// The overlay with other presets (contract sections 3, 4 and 11): their own fields rendered
// and validated, URL rules and notes, values, and an unknown provider that is registered later.
import { expect, html } from '@open-wc/testing';
import { CredentialOverlay, type CredentialSavedEvent } from '../src/index.js';
import '../src/providers/azure-openai.js';
import '../src/providers/openai-compatible.js';
import { button, description, errorOf, field, fill, openOverlay, paste, record } from './helpers.js';
import { testKeys } from './test-keys.mjs';

const notes = (el: CredentialOverlay) => [...el.shadowRoot!.querySelectorAll('[part="note"]')].map((n) => n.textContent!.trim());
const alertText = (el: CredentialOverlay) => el.shadowRoot!.querySelector('[role="alert"]')!.textContent!.trim();

/** Collects console warnings while `run` runs. */
async function warnings(run: () => Promise<void>): Promise<string[]> {
  const seen: string[] = [];
  const warn = console.warn;
  console.warn = (...args: unknown[]) => void seen.push(args.join(' '));
  try {
    await run();
  } finally {
    console.warn = warn;
  }
  return seen;
}

describe('Azure OpenAI preset in the overlay', () => {
  const azure = () => openOverlay(html`<credential-overlay provider="azure-openai"></credential-overlay>`);

  it('renders Endpoint, Deployment and API version, named by their labels, with a part each', async () => {
    const el = await azure();
    expect(el.shadowRoot!.querySelector('[part="provider"]')!.textContent).to.equal('Azure OpenAI');
    for (const [label, part] of [['Endpoint', 'endpoint-input'], ['Deployment', 'deployment-input'], ['API version', 'apiVersion-input']]) {
      expect(field(el, label).getAttribute('part')!.split(' ')).to.include(part);
    }
    expect(field(el, 'Endpoint').required).to.equal(true);
    expect(field(el, 'API version').value).to.equal('2024-10-21');
    expect(el.shadowRoot!.querySelector('[part="help"]')!.textContent).to.include('api-key: {api_key}');
    expect(description(el, field(el, 'Deployment'))).to.include('The name you gave the model');
  });

  it('refuses dangerous or unusable endpoints with a specific message each', async () => {
    const el = await azure();
    const endpoint = field(el, 'Endpoint');
    const cases: Array<[string, RegExp]> = [
      ['', /^Enter the Endpoint\.$/],
      ['my-resource.openai.azure.com', /^Endpoint must be a full web address/],
      ['javascript:alert(1)', /^Endpoint must start with https:\/\//],
      ['file:///etc/passwd', /^Endpoint must start with https:\/\//],
      ['https://user:pw@x.openai.azure.com', /^Remove the user name and password from Endpoint/],
      ['http://example.com', /^Endpoint uses http:\/\/ to example\.com, a public address/],
    ];
    const saved = record(el, 'credential-saved');
    fill(el, { key: testKeys['azure-openai'].VALID });
    paste(field(el, 'Deployment'), 'gpt-4o');
    for (const [value, message] of cases) {
      paste(endpoint, value);
      button(el, 'Save').click();
      await el.updateComplete;
      expect(errorOf(el, endpoint), value).to.match(message);
      expect(endpoint.getAttribute('aria-invalid')).to.equal('true');
    }
    expect(saved).to.have.length(0);
  });

  it('refuses a deployment name with spaces; notes another host without blocking; reports every field', async () => {
    const el = await azure();
    const saved = record<CredentialSavedEvent>(el, 'credential-saved');
    fill(el, { key: testKeys['azure-openai'].VALID });
    paste(field(el, 'Endpoint'), 'https://gateway.example.com/azure');
    paste(field(el, 'Deployment'), 'my deployment');
    button(el, 'Save').click();
    await el.updateComplete;
    expect(errorOf(el, field(el, 'Deployment'))).to.match(/no spaces/);
    expect(saved).to.have.length(0);
    paste(field(el, 'Deployment'), 'gpt-4o-prod');
    el.addEventListener('credential-saved', (e) => e.preventDefault(), { once: true });
    button(el, 'Save').click();
    await el.updateComplete;
    expect(saved).to.have.length(1);
    expect(notes(el).join(' ')).to.match(/This is not an Azure resource address/);
    expect(saved[0].detail.fields).to.deep.equal({ endpoint: 'https://gateway.example.com/azure', deployment: 'gpt-4o-prod', apiVersion: '2024-10-21' });
    expect(saved[0].detail).to.include({ provider: 'azure-openai', keyType: 'resource', organization: '', project: '' });
  });

  it('takes an Azure key of another shape, with a note', async () => {
    const el = await azure();
    const saved = record<CredentialSavedEvent>(el, 'credential-saved');
    fill(el, { key: 'AbCdEfGh12345678AbCdEfGh1234567' });
    paste(field(el, 'Endpoint'), 'https://my-resource.openai.azure.com');
    paste(field(el, 'Deployment'), 'gpt-4o');
    el.addEventListener('credential-saved', (e) => e.preventDefault(), { once: true });
    button(el, 'Save').click();
    await el.updateComplete;
    expect(saved).to.have.length(1);
    expect(notes(el).join(' ')).to.match(/does not look like the keys Azure OpenAI issues today/);
  });
});

describe('OpenAI-compatible preset in the overlay', () => {
  it('notes an unencrypted private-network Base URL, but not localhost; the key is optional', async () => {
    const el = await openOverlay(html`<credential-overlay provider="openai-compatible"></credential-overlay>`);
    const saved = record<CredentialSavedEvent>(el, 'credential-saved');
    el.addEventListener('credential-saved', (e) => e.preventDefault());
    expect((field(el, 'API Key Value') as HTMLInputElement).required).to.equal(false);
    paste(field(el, 'Credential Name'), 'Lab server');
    paste(field(el, 'Base URL'), 'http://192.168.1.10:8000/v1');
    button(el, 'Save').click();
    await el.updateComplete;
    expect(notes(el)).to.deep.equal(['Base URL uses http://: the key will travel unencrypted to this server on your network.']);
    expect(saved[0].detail).to.include({ apiKey: '', keyChanged: true, keyHint: '', keyType: 'none' });
    paste(field(el, 'Base URL'), 'http://localhost:11434/v1');
    button(el, 'Save').click();
    await el.updateComplete;
    expect(notes(el)).to.deep.equal([]);
    expect(saved[1].detail.fields).to.deep.equal({ baseUrl: 'http://localhost:11434/v1' });
  });
});

describe('a host preset with a select field, and values', () => {
  before(() => {
    CredentialOverlay.registerProvider({
      id: 'acme-select',
      label: 'Acme',
      docsUrl: 'https://acme.example/keys',
      authHeader: 'X-Acme-Key: {api_key}',
      fields: [
        { id: 'region', label: 'Region', kind: 'select', default: 'eu', options: [{ value: 'eu', label: 'Europe' }, { value: 'us', label: 'United States' }] },
        { id: 'team', label: 'Team', advanced: true },
      ],
    });
  });

  it('prefills from values, and reports the choice', async () => {
    const el = await openOverlay(html`<credential-overlay provider="acme-select" .values=${{ region: 'us', team: 'core' }}></credential-overlay>`);
    const select = el.shadowRoot!.querySelector<HTMLSelectElement>('[part~="region-input"]')!;
    expect(select.labels![0].textContent).to.equal('Region');
    expect([...select.options].map((o) => o.textContent)).to.deep.equal(['Europe', 'United States']);
    expect(select.value).to.equal('us');
    const saved = record<CredentialSavedEvent>(el, 'credential-saved');
    fill(el, { key: 'acme-any-key-1234567890' });
    button(el, 'Save').click();
    expect(saved[0].detail.fields).to.deep.equal({ region: 'us', team: 'core' });
  });

  it('ignores a value that is not one of the options, and unknown ids, each with one warning; never a key', async () => {
    let el!: CredentialOverlay;
    const seen = await warnings(async () => {
      el = await openOverlay(html`<credential-overlay provider="acme-select" .values=${{ region: 'mars', colour: 'red', apiKey: 'sk-proj-x' }}></credential-overlay>`);
    });
    expect(el.shadowRoot!.querySelector<HTMLSelectElement>('[part~="region-input"]')!.value).to.equal('eu');
    expect(seen.filter((w) => w.includes('values.region'))).to.have.length(1);
    expect(seen.filter((w) => w.includes('values.colour'))).to.have.length(1);
    expect(seen.filter((w) => w.includes('values.apiKey'))).to.have.length(1);
    expect(seen.join(' ')).not.to.include('sk-proj-x');
    expect(field(el, 'API Key Value').value).to.equal('');
  });
});

describe('an unknown provider', () => {
  it('shows a message, warns once, saves and sends nothing; and renders the preset once it is registered, keeping what was typed', async () => {
    const calls: string[] = [];
    const fetch = window.fetch;
    window.fetch = ((input: RequestInfo | URL, init?: RequestInit) => (calls.push(String(input)), fetch(input, init))) as typeof window.fetch;
    let el!: CredentialOverlay;
    try {
      const seen = await warnings(async () => {
        el = await openOverlay(html`<credential-overlay provider="groq" verify></credential-overlay>`);
        el.requestUpdate();
        await el.updateComplete;
      });
      expect(seen.filter((w) => w.includes('"groq"'))).to.have.length(1);
      const message = el.shadowRoot!.getElementById('unavailable')!;
      expect(message.textContent!.trim()).to.equal('The provider “groq” is not available on this page, so nothing can be saved. Reload the page, or ask its owner to add it.');
      expect(el.shadowRoot!.querySelector('dialog')!.getAttribute('aria-describedby')).to.equal('unavailable');
      const saved = record(el, 'credential-saved');
      fill(el, { name: 'Groq prod', key: testKeys.groq.VALID });
      button(el, 'Save').click();
      await el.updateComplete;
      expect(saved).to.have.length(0);
      expect(calls).to.deep.equal([]);
      expect(el.shadowRoot!.querySelector('[part="provider"]')!.textContent).to.equal('groq');
    } finally {
      window.fetch = fetch;
    }
    // A lazily imported preset entry registers it while the overlay is open.
    await import('../src/providers/groq.js');
    await el.updateComplete;
    expect(el.shadowRoot!.getElementById('unavailable')).to.equal(null);
    expect(el.shadowRoot!.querySelector('[part="provider"]')!.textContent).to.equal('Groq');
    expect(field(el, 'Credential Name').value).to.equal('Groq prod');
    expect(field(el, 'API Key Value').value).to.equal(testKeys.groq.VALID);
    expect(alertText(el)).to.equal('');
  });

  it('is never replaced by another preset: a typo saves nothing', async () => {
    const el = await openOverlay(html`<credential-overlay provider="antropic"></credential-overlay>`);
    const saved = record(el, 'credential-saved');
    fill(el, { key: 'sk-ant-api03-AbCdEfGhIjKlMnOpQrStUvWxYz012345' });
    button(el, 'Save').click();
    expect(saved).to.have.length(0);
    expect(el.shadowRoot!.getElementById('unavailable')!.textContent).to.include('“antropic”');
  });
});

describe('changing provider while open', () => {
  it('keeps the name, description and key', async () => {
    const el = await openOverlay();
    fill(el, { name: 'Mine', description: 'notes', key: 'sk-proj-abcdefghijklmnopqrstuvwxyz' });
    el.provider = 'azure-openai';
    await el.updateComplete;
    expect(field(el, 'Endpoint')).to.not.equal(undefined);
    expect([field(el, 'Credential Name').value, field(el, 'Credential Description').value, field(el, 'API Key Value').value]).to.deep.equal([
      'Mine',
      'notes',
      'sk-proj-abcdefghijklmnopqrstuvwxyz',
    ]);
    expect(field(el, 'API version').value).to.equal('2024-10-21');
  });
});
