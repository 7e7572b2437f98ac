import { expect } from '@open-wc/testing';
import { dialog, emulateMediaFeatures, hostCss, openOverlay, toRgba } from './helpers.js';

const part = (el: Element, name: string) => el.shadowRoot!.querySelector(`[part~="${name}"]`)!;
const rgb = (color: string) => toRgba(color).slice(0, 3).join(',');

describe('theming', () => {
  afterEach(() => emulateMediaFeatures());

  it('is light on a page that declares no color-scheme, even when the OS is dark', async function () {
    await emulateMediaFeatures(this, { name: 'prefers-color-scheme', value: 'dark' });
    const el = await openOverlay();
    expect(rgb(getComputedStyle(dialog(el)).backgroundColor)).to.equal('255,255,255');
  });

  it("follows the OS on a page with color-scheme: light dark", async function () {
    const remove = hostCss(':root { color-scheme: light dark; }');
    try {
      await emulateMediaFeatures(this, { name: 'prefers-color-scheme', value: 'dark' });
      const el = await openOverlay();
      expect(rgb(getComputedStyle(dialog(el)).backgroundColor)).to.equal('27,31,39');
      await emulateMediaFeatures(this, { name: 'prefers-color-scheme', value: 'light' });
      expect(rgb(getComputedStyle(dialog(el)).backgroundColor)).to.equal('255,255,255');
    } finally {
      remove();
    }
  });

  it('lets the host force dark or light with color-scheme', async function () {
    await emulateMediaFeatures(this, { name: 'prefers-color-scheme', value: 'light' });
    let remove = hostCss('credential-overlay { color-scheme: dark; }');
    const el = await openOverlay();
    expect(rgb(getComputedStyle(dialog(el)).backgroundColor)).to.equal('27,31,39');
    remove();
    await emulateMediaFeatures(this, { name: 'prefers-color-scheme', value: 'dark' });
    remove = hostCss('credential-overlay { color-scheme: light; }');
    expect(rgb(getComputedStyle(dialog(el)).backgroundColor)).to.equal('255,255,255');
    remove();
  });

  it('takes colours, radii, fonts, spacing and width from custom properties', async () => {
    const remove = hostCss(`credential-overlay {
      --credential-overlay-accent: rgb(10, 120, 100);
      --credential-overlay-accent-text: rgb(250, 250, 240);
      --credential-overlay-background: rgb(250, 248, 240);
      --credential-overlay-text: rgb(20, 20, 30);
      --credential-overlay-radius: 3px;
      --credential-overlay-control-radius: 0px;
      --credential-overlay-font: Georgia, serif;
      --credential-overlay-spacing: 40px;
      --credential-overlay-width: 400px;
    }`);
    const el = await openOverlay();
    const d = getComputedStyle(dialog(el));
    expect(rgb(d.backgroundColor)).to.equal('250,248,240');
    expect(rgb(d.color)).to.equal('20,20,30');
    expect(d.borderRadius).to.equal('3px');
    expect(d.fontFamily).to.include('Georgia');
    expect(d.width).to.equal('400px');
    const save = getComputedStyle(part(el, 'save-button'));
    expect(rgb(save.backgroundColor)).to.equal('10,120,100');
    expect(rgb(save.color)).to.equal('250,250,240');
    expect(save.borderRadius).to.equal('0px');
    expect(getComputedStyle(part(el, 'body')).paddingInlineStart).to.equal('40px');
    remove();
  });

  it('exposes its pieces to ::part()', async () => {
    const remove = hostCss(`
      credential-overlay::part(save-button) { text-transform: uppercase; }
      credential-overlay::part(heading) { letter-spacing: 2px; }
      credential-overlay::part(input) { background-color: rgb(255, 255, 200); }`);
    const el = await openOverlay();
    expect(getComputedStyle(part(el, 'save-button')).textTransform).to.equal('uppercase');
    expect(getComputedStyle(part(el, 'heading')).letterSpacing).to.equal('2px');
    expect(rgb(getComputedStyle(el.shadowRoot!.querySelector('#api-key')!).backgroundColor)).to.equal('255,255,200');
    remove();
  });
});
