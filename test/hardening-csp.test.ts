/**
 * Issue 5, part 2: the whole flow under `Content-Security-Policy: default-src 'self';
 * style-src 'self'; require-trusted-types-for 'script'; trusted-types lit-html;
 * connect-src 'self'` (contract section 8). The runner's own page needs inline scripts, so
 * the element runs in an iframe of /csp/page.html (test/fixtures/csp-middleware.mjs).
 */
import { expect, waitUntil } from '@open-wc/testing';
import type { CredentialOverlay, CredentialSavedEvent } from '../src/index.js';
import { button, dialog, field, record } from './helpers.js';
import { filler } from './keys.js';

const POLICY = "default-src 'self'; style-src 'self'; require-trusted-types-for 'script'; trusted-types lit-html; connect-src 'self'";

interface CspPage {
  violations: Array<{ directive: string; blocked: string; sample: string; source: string }>;
  errors: string[];
  loadError?: string;
  ready: boolean;
}
type FrameWindow = Window & typeof globalThis & { cspPage?: CspPage; litIssuedWarnings?: Set<string>; litHtmlVersions?: string[] };

async function loadCspPage() {
  const iframe = Object.assign(document.createElement('iframe'), { src: '/csp/page.html', width: '900', height: '700' });
  document.body.append(iframe);
  const win = iframe.contentWindow as FrameWindow;
  await waitUntil(() => win.cspPage?.ready, 'the CSP page loads', { timeout: 8000 });
  const el = win.document.querySelector('credential-overlay') as CredentialOverlay;
  await el.updateComplete;
  return { iframe, win, el };
}

/** A paste inside the iframe, with its own realm's InputEvent. */
function pasteIn(win: FrameWindow, control: HTMLInputElement | HTMLTextAreaElement, value: string) {
  control.focus();
  control.value = value;
  control.dispatchEvent(new win.InputEvent('input', { bubbles: true, composed: true, inputType: 'insertFromPaste' }));
}

describe('strict CSP and Trusted Types (iframe on /csp/page.html)', () => {
  let iframe: HTMLIFrameElement | undefined;
  afterEach(() => iframe?.remove());

  it('is served with the policy of the contract', async () => {
    const response = await fetch('/csp/page.html');
    expect(response.headers.get('content-security-policy')).to.equal(POLICY);
  });

  it('opens, validates, reveals, checks live against the mock and saves, with no violation', async () => {
    const page = await loadCspPage();
    iframe = page.iframe;
    const { win, el } = page;
    expect(win.cspPage!.loadError, 'the module loads').to.equal(undefined);
    expect(win.trustedTypes !== undefined, 'Trusted Types are available').to.equal(true);
    // Lit's development build is what the test server serves (nodeResolve picks the
    // "development" export condition): it is what runs here.
    expect(win.litIssuedWarnings instanceof win.Set, "Lit's dev build ran").to.equal(true);
    expect(win.litHtmlVersions).to.have.length(1);

    el.setAttribute('base-url', `${location.origin}/mock/openai/v1`);
    expect(await el.show(), 'show() resolves true').to.equal(true);
    await el.updateComplete;
    expect(dialog(el).open).to.equal(true);

    // Styles arrived through adoptedStyleSheets despite style-src 'self'.
    const dlg = dialog(el);
    expect(win.getComputedStyle(dlg).borderTopLeftRadius).to.equal('14px');
    expect(win.getComputedStyle(button(el, 'Save')).cursor).to.equal('pointer');
    // The shared scroll lock is a constructed sheet too.
    expect(win.getComputedStyle(win.document.documentElement).overflow).to.equal('hidden');

    // A failed Save renders the error templates (SVG icons included).
    button(el, 'Save').click();
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('#name-error')!.textContent!.trim()).to.equal('Enter a name for this credential.');
    expect(el.shadowRoot!.querySelector('#api-key-error svg')).to.not.equal(null);

    const key = `sk-proj-VALID${filler(40)}T3BlbkFJ${filler(40)}`;
    pasteIn(win, field(el, 'Credential Name'), 'Under CSP');
    pasteIn(win, field(el, 'Credential Description'), '<img src=x onerror="parent.__cspPwned = 1">');
    pasteIn(win, field(el, 'API Key Value'), key);
    button(el, 'Show API key').click();
    await el.updateComplete;
    expect((field(el, 'API Key Value') as HTMLInputElement).type).to.equal('text');

    const saved = record<CredentialSavedEvent>(el, 'credential-saved');
    button(el, 'Save').click();
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[part="progress"]')!.textContent).to.include('Checking the key with OpenAI');
    await waitUntil(() => saved.length > 0 || !el.shadowRoot!.querySelector('[aria-busy="true"]'), 'the check ends', { timeout: 4000 });
    expect(saved.map((e) => [e.detail.apiKey === key, e.detail.verified, e.detail.description])).to.deep.equal([
      [true, true, '<img src=x onerror="parent.__cspPwned = 1">'],
    ]);
    await el.updateComplete;
    expect(dialog(el).open).to.equal(false);
    expect((field(el, 'API Key Value') as HTMLInputElement).value).to.equal('');
    expect(win.getComputedStyle(win.document.documentElement).overflow).to.equal('visible');
    expect((window as unknown as { __cspPwned?: number }).__cspPwned).to.equal(undefined);

    expect(win.cspPage!.violations, 'securitypolicyviolation events').to.deep.equal([]);
    expect(win.cspPage!.errors, 'errors in the page').to.deep.equal([]);

    // Controls: the policy is really enforced, and the listener really sees violations.
    let threw = false;
    try {
      win.document.createElement('div').innerHTML = '<b>raw</b>';
    } catch (error) {
      threw = (error as Error).name === 'TypeError';
    }
    expect(threw, 'a raw innerHTML assignment is refused').to.equal(true);
    win.document.body.setAttribute('style', 'color: red');
    await waitUntil(() => win.cspPage!.violations.length >= 2, 'the control violations are reported');
    expect(win.cspPage!.violations.map((v) => v.directive).sort()).to.deep.equal(['require-trusted-types-for', 'style-src-attr']);
  });
});
