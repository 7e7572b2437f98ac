// Slots and parts (contract section 9): a host's logo, help text and buttons take part in the
// dialog and its Tab cycle; every input has a part of its own.
import { expect, html } from '@open-wc/testing';
import type { CredentialOverlay } from '../src/index.js';
import { button, expectFocus, field, openOverlay, sendKeys, shiftTab } from './helpers.js';

const slotted = () =>
  openOverlay(html`<credential-overlay>
    <a slot="header" href="#acme" id="logo">Acme</a>
    <p slot="help" id="help">Ask your admin for the team key. <a href="#faq" id="faq">FAQ</a></p>
    <button slot="footer-start" id="test-connection" type="button">Test connection</button>
  </credential-overlay>`);

const visible = (e: Element) => e.getClientRects().length > 0;

describe('slots', () => {
  it('shows the header, help and footer-start content in the dialog', async () => {
    const el = await slotted();
    const slot = (name: string) => el.shadowRoot!.querySelector<HTMLSlotElement>(`slot[name="${name}"]`)!;
    expect(slot('header').assignedElements().map((e) => e.id)).to.deep.equal(['logo']);
    expect(slot('footer-start').assignedElements().map((e) => e.id)).to.deep.equal(['test-connection']);
    expect(slot('help').assignedElements().map((e) => e.id)).to.deep.equal(['help']);
    for (const id of ['logo', 'help', 'test-connection']) expect(visible(el.querySelector(`#${id}`)!), id).to.equal(true);
  });

  it("replaces the key's help text with the help slot", async () => {
    const el = await slotted();
    const fallback = [...el.shadowRoot!.querySelectorAll('slot[name="help"] p')];
    expect(fallback.length).to.be.greaterThan(0);
    for (const p of fallback) expect(visible(p)).to.equal(false);
    const plain = await openOverlay();
    const own = [...plain.shadowRoot!.querySelectorAll('slot[name="help"] p')];
    expect(own.some(visible)).to.equal(true);
  });

  it('puts slotted controls in the Tab cycle, both ways', async () => {
    const el = await slotted();
    const logo = el.querySelector<HTMLElement>('#logo')!;
    const faq = el.querySelector<HTMLElement>('#faq')!;
    const test = el.querySelector<HTMLElement>('#test-connection')!;
    // Forward from Cancel: Save, then round to the first control, the slotted logo.
    button(el, 'Cancel').focus();
    await sendKeys({ press: 'Tab' });
    expectFocus(button(el, 'Save'));
    await sendKeys({ press: 'Tab' });
    expectFocus(logo);
    await shiftTab();
    expectFocus(button(el, 'Save'));
    await shiftTab();
    expectFocus(button(el, 'Cancel'));
    await shiftTab();
    expectFocus(test);
    // The slotted help link sits between the key field's reveal button and the Advanced toggle.
    button(el, 'Show API key').focus();
    await sendKeys({ press: 'Tab' });
    expectFocus(faq);
  });
});

describe('parts', () => {
  it('gives every input a part of its own, besides "input"', async () => {
    const el: CredentialOverlay = await openOverlay();
    el.shadowRoot!.querySelector('details')!.open = true;
    const partOf = (label: string) => field(el, label).getAttribute('part')!.split(' ');
    expect(partOf('Credential Name')).to.have.members(['input', 'name-input']);
    expect(partOf('Credential Description')).to.have.members(['input', 'description-input']);
    expect(partOf('API Key Value')).to.have.members(['input', 'key-input']);
    expect(partOf('Organization ID')).to.have.members(['input', 'organization-input']);
    expect(partOf('Project ID')).to.have.members(['input', 'project-input']);
  });
});
