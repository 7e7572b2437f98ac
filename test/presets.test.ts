// Every preset's key rules as tables (contract sections 7 and 11): real shapes accepted with
// their type and hint, pasted variable names stripped, each rejection with its message, notes
// that never block, and other providers' keys named in every preset.
import { expect } from '@open-wc/testing';
import { checkKey } from '../src/key-rules.js';
import { maskSecrets } from '../src/mask.js';
import { presets } from '../src/presets/all.js';
import { knownKeys } from '../src/presets/known-keys.js';
import { registerProvider, getProvider } from '../src/presets/registry.js';
import { presetProblem } from '../src/presets/validate.js';
import type { ProviderPreset } from '../src/presets/types.js';
import { err, filler, ok } from './keys.js';

const byId = (id: string) => presets.find((p) => p.id === id)!;
const HEX = '0123456789abcdef';

/** Real shapes per preset: [what, key, keyType, hint prefix]. */
const shapes: Record<string, Array<[string, string, string, string]>> = {
  anthropic: [
    ['api key (108)', `sk-ant-api03-${filler(93, `${filler(62)}_-`)}AA`, 'api', 'sk-ant-api03-'],
    ['admin key', `sk-ant-admin01-${filler(93)}AA`, 'admin', 'sk-ant-admin01-'],
  ],
  'azure-openai': [
    ['32 lower-case hex', filler(32, HEX), 'resource', ''],
    ['32 upper-case hex', filler(32, HEX.toUpperCase()), 'resource', ''],
    ['84 letters and digits', filler(84), 'resource', ''],
  ],
  'openai-compatible': [
    ['a LiteLLM key (sk-)', `sk-${filler(22)}`, 'bearer', ''],
    ['any token', 'ollama', 'bearer', ''],
  ],
  gemini: [
    ['standard AIza + 35', `AIzaSy${filler(33, `${filler(40)}_-`)}`, 'standard', 'AIza'],
    ['auth key AQ.', `AQ.Ab8RN6${filler(44)}`, 'auth', 'AQ.'],
  ],
  mistral: [['32 letters and digits', filler(32), 'api', '']],
  groq: [['gsk_ + 52', `gsk_${filler(52)}`, 'api', 'gsk_']],
  openrouter: [['sk-or-v1- + 64 hex', `sk-or-v1-${filler(64, HEX)}`, 'api', 'sk-or-v1-']],
  deepseek: [['sk- + 32 hex', `sk-${filler(32, HEX)}`, 'api', 'sk-']],
  xai: [['xai- + 80', `xai-${filler(80)}`, 'api', 'xai-']],
  cohere: [['40 letters and digits', filler(40), 'api', '']],
};

/** Each preset's variable names, and a key of its that a `NAME=` paste must give back. */
const env: Record<string, string[]> = {
  anthropic: ['ANTHROPIC_API_KEY'],
  'azure-openai': ['AZURE_OPENAI_API_KEY', 'AZURE_OPENAI_KEY'],
  gemini: ['GEMINI_API_KEY', 'GOOGLE_API_KEY'],
  mistral: ['MISTRAL_API_KEY'],
  groq: ['GROQ_API_KEY'],
  openrouter: ['OPENROUTER_API_KEY'],
  deepseek: ['DEEPSEEK_API_KEY'],
  xai: ['XAI_API_KEY'],
  cohere: ['CO_API_KEY', 'COHERE_API_KEY'],
  'openai-compatible': ['OPENAI_API_KEY', 'LITELLM_API_KEY'],
};

describe('presets: real key shapes are accepted', () => {
  for (const [id, cases] of Object.entries(shapes)) {
    for (const [what, key, type, prefix] of cases) {
      it(`${id}: ${what}`, () => {
        const r = ok(checkKey(key, byId(id)));
        expect(r.apiKey).to.equal(key);
        expect(r.keyType).to.equal(type);
        expect(r.keyHint).to.equal(`${prefix}…${key.length - prefix.length >= 8 ? key.slice(-4) : ''}`);
        if (id !== 'anthropic' || type !== 'admin') expect(r.notes, 'no note for a real shape').to.deep.equal([]);
      });
    }
  }

  for (const [id, names] of Object.entries(env)) {
    it(`${id}: strips ${names.join(', ')} from a pasted line`, () => {
      const key = shapes[id][0][1];
      for (const name of names) {
        expect(ok(checkKey(`export ${name}="${key}"`, byId(id))).apiKey).to.equal(key);
        expect(ok(checkKey(`${name}: ${key}`, byId(id))).apiKey).to.equal(key);
      }
    });
  }

  it('shows none of a short key in its hint', () => {
    expect(ok(checkKey('ollama', byId('openai-compatible'))).keyHint).to.equal('…');
  });
});

describe('presets: rejections, each with its message', () => {
  const cases: Array<[string, string, string, string, RegExp]> = [
    ['anthropic', 'empty', '', 'empty', /^Paste your Anthropic API key\.$/],
    ['mistral', 'a space inside', `${filler(10)} ${filler(21)}`, 'character-inside', /contains a space at position 11\./],
    ['cohere', 'too long', filler(513), 'too-long', /513 characters long; an API key has at most 512/],
    ['mistral', 'an OpenAI key', `sk-proj-${filler(40)}`, 'other-provider', /^This looks like a key from OpenAI \(sk-proj-\)\. Paste your Mistral AI key/],
    ['cohere', 'a Groq key', `gsk_${filler(52)}`, 'other-provider', /from Groq \(gsk_\)/],
    ['azure-openai', 'a Gemini key', `AIza${filler(35)}`, 'other-provider', /from Google \(AIza\)/],
    ['groq', 'an xAI key', `xai-${filler(80)}`, 'other-provider', /from xAI \(xai-\)/],
    ['deepseek', 'an Anthropic key', `sk-ant-api03-${filler(40)}`, 'other-provider', /from Anthropic \(sk-ant-\)/],
    ['openrouter', 'an OpenAI project key', `sk-proj-${filler(40)}`, 'other-provider', /from OpenAI \(sk-proj-\)/],
    ['gemini', 'a ChatGPT session token', `sess-${filler(40)}`, 'other-provider', /a ChatGPT session token \(sess-\), not an API key/],
    ['groq', 'without its prefix', filler(56), 'wrong-prefix', /^Groq API keys start with gsk_\./],
    ['xai', 'upper-case prefix', `XAI-${filler(80)}`, 'wrong-prefix', /start with xai-/],
    ['mistral', 'a character outside its alphabet', `${filler(20)}_${filler(11)}`, 'bad-character', /contains “_” at position 21; Mistral AI keys use only letters and digits\./],
    ['cohere', 'a dash', `${filler(20)}-${filler(19)}`, 'bad-character', /Cohere keys use only letters and digits\./],
    ['groq', 'a dash (gsk_ keys have none)', `gsk_${filler(20)}-${filler(31)}`, 'bad-character', /Groq keys use only letters, digits and _\./],
    ['gemini', 'a slash', `AIza${filler(20)}/${filler(14)}`, 'bad-character', /Google Gemini keys use only letters, digits, _, \. and -\./],
    ['xai', 'pasted twice', `xai-${filler(40)}xai-${filler(40)}`, 'repeated', /second copy starts at position 45/],
    ['mistral', 'cut off', filler(12), 'too-short', /^This key is too short: 12 characters, at least 20 expected\. Was it cut off when copying\?$/],
    ['groq', 'cut off after its prefix', `gsk_${filler(8)}`, 'too-short', /8 characters after gsk_, at least 20/],
  ];
  for (const [id, what, key, code, message] of cases) {
    it(`${id}: ${what}`, () => {
      const r = err(checkKey(key, byId(id)));
      expect(r.code).to.equal(code);
      expect(r.message).to.match(message);
    });
  }

  it('openai-compatible: an empty key is allowed by the form (the key is optional), but never a key with inner spaces', () => {
    expect(byId('openai-compatible').key?.required).to.equal(false);
    expect(err(checkKey('abc def', byId('openai-compatible'))).code).to.equal('character-inside');
  });
});

describe('presets: a placeholder copied from documentation is refused in every preset', () => {
  const x = (n: number, c = 'x') => c.repeat(n);
  /** [the preset whose prefix it carries, or "" for none; the placeholder]: docs, .env templates, scanners' fixtures. */
  const placeholders: Array<[string, string]> = [
    ['openai', `sk-proj-${x(24)}`],
    ['openai', `sk-${x(48)}`],
    ['openai', 'sk-...YOUR_API_KEY...'],
    ['openai', 'sk-proj-your-actual-key-here'],
    ['anthropic', `sk-ant-api03-${x(32)}`],
    ['anthropic', `sk-ant-api03-${x(93, 'X')}AA`],
    ['anthropic', 'sk-ant-YOUR-KEY-HERE'],
    ['groq', 'gsk_your_key_here'],
    ['groq', `gsk_${x(48)}`], // gitleaks' Groq false positive
    ['gemini', `AIza${x(35, 'a')}`], // gitleaks' low-entropy Google key
    ['gemini', 'AIzaSyEXAMPLE-KEY_abcdefghijklmnopqrstu'],
    ['gemini', `AIzaSy${x(33, 'X')}`],
    ['xai', 'xai-YOUR_XAI_API_KEY'],
    ['xai', `xai-${x(80)}`],
    ['openrouter', `sk-or-v1-${x(64, '0')}`],
    ['openrouter', 'sk-or-v1-your-key'],
    ['deepseek', `sk-${x(32)}`],
    ['deepseek', `sk-${x(32, 'f')}`],
    ['azure-openai', x(32, '0')],
    ['azure-openai', 'your-azure-openai-key'],
    ['mistral', 'YOUR_MISTRAL_API_KEY'],
    ['mistral', x(32)],
    ['cohere', '<<YOUR_COHERE_API_KEY>>'],
    ['cohere', 'CO_API_KEY=your-cohere-key'],
    ['openai-compatible', 'your-api-key'],
    ['huggingface', `hf_${x(34)}`],
    ['', 'AKIAIOSFODNN7EXAMPLE'], // AWS's documented example key
    ['', 'INSERT_API_KEY_HERE'],
    ['', 'REPLACE_WITH_YOUR_KEY'],
    ['', 'PLACEHOLDER'],
    ['', 'YourApiKey'],
  ];
  for (const preset of presets) {
    it(preset.id, () => {
      for (const [owner, raw] of placeholders) {
        const r = err(checkKey(raw, preset));
        // Another provider's recognizable prefix is named first (contract order), unless that is only a note here.
        if (owner === preset.id || owner === '' || preset.key?.foreignIsNote) expect(r.code, `${preset.id}: ${raw}`).to.equal('placeholder');
        else expect(r.code, `${preset.id}: ${raw}`).to.be.oneOf(['placeholder', 'other-provider']);
        if (r.code === 'placeholder') expect(r.message).to.equal('This looks like a placeholder from documentation, not a real key.');
      }
    });
  }
});

describe('presets: notes that never block', () => {
  const cases: Array<[string, string, string, RegExp]> = [
    ['azure-openai', 'another shape', filler(40), /does not look like the keys Azure OpenAI issues today/],
    ['openai', 'a DeepSeek shape (sk- + 32 hex)', `sk-${filler(32, HEX)}`, /^This key looks like one from DeepSeek \(sk-\)\. If it is your OpenAI key, you can save it\.$/],
    ['deepseek', 'an OpenAI legacy shape (sk- + 48)', `sk-${filler(48)}`, /looks like one from OpenAI \(sk-\)/],
    ['openai-compatible', 'an OpenAI project key', `sk-proj-${filler(40)}`, /looks like one from OpenAI \(sk-proj-\)/],
    ['openai-compatible', 'an OpenRouter key', `sk-or-v1-${filler(64, HEX)}`, /OpenRouter \(sk-or-\)/],
    ['mistral', 'AIza + 28 letters and digits (also a Mistral shape)', `AIza${filler(28)}`, /looks like one from Google \(AIza\)/],
    ['deepseek', 'not 32 hex', `sk-${filler(40)}`, /does not look like the keys DeepSeek issues today/],
  ];
  for (const [id, what, key, note] of cases) {
    it(`${id}: ${what}`, () => {
      const r = ok(checkKey(key, byId(id)));
      expect(r.apiKey).to.equal(key);
      expect(r.notes.join(' ')).to.match(note);
    });
  }
});

describe("presets: every preset names every built-in provider's key", () => {
  const samples: Record<string, string> = {
    'sk-ant-': `sk-ant-api03-${filler(90)}`,
    'sk-or-': `sk-or-v1-${filler(64, HEX)}`,
    'sk-proj-': `sk-proj-${filler(100)}`,
    'sk-svcacct-': `sk-svcacct-${filler(100)}`,
    'sk-admin-': `sk-admin-${filler(100)}`,
    'sk-None-': `sk-None-${filler(100)}`,
    gsk_: `gsk_${filler(52)}`,
    AIza: `AIza${filler(35)}`,
    'AQ.': `AQ.${filler(50)}`,
    'xai-': `xai-${filler(80)}`,
  };
  const owner = new Map(knownKeys.map((k) => [k.prefix, k]));
  for (const preset of presets) {
    it(preset.id, () => {
      for (const [prefix, key] of Object.entries(samples)) {
        const rule = owner.get(prefix)!;
        if (rule.provider === preset.id || (preset.id === 'openai' && prefix.startsWith('sk-') && rule.provider === 'openai')) continue;
        const r = checkKey(key, preset);
        const text = r.ok ? r.notes.join(' ') : r.message;
        if (preset.key?.foreignIsNote) expect(r.ok, `${preset.id} notes ${prefix}`).to.equal(true);
        else expect(r.ok, `${preset.id} refuses ${prefix}`).to.equal(false);
        expect(text, `${preset.id} names ${rule.name} for ${prefix}`).to.include(rule.name);
      }
    });
  }
});

describe('presets: masking in provider messages', () => {
  it("masks the exact key, whatever its shape, and the preset's own shapes", () => {
    const mistral = byId('mistral');
    const key = filler(32);
    expect(maskSecrets(`Key ${key} is revoked`, { key, rules: mistral.key })).to.equal('Key … is revoked');
    expect(maskSecrets(`Other key ${filler(32, HEX)} is revoked`, { rules: mistral.key })).to.equal('Other key … is revoked');
    expect(maskSecrets('Token "ollama" refused', { key: 'ollama' })).to.equal('Token "…" refused');
    expect(maskSecrets(`groq said gsk_${filler(52)}`, { rules: byId('groq').key })).to.equal('groq said gsk_…');
  });
});

describe('presets: every built-in preset is well formed data', () => {
  for (const preset of presets) {
    it(preset.id, () => {
      expect(presetProblem(preset)).to.equal(undefined);
      // Plain data: nothing a server could not import (no functions anywhere).
      const functions: string[] = [];
      const walk = (v: unknown, path: string) => {
        if (typeof v === 'function') functions.push(path);
        else if (v && typeof v === 'object' && !(v instanceof RegExp)) for (const [k, x] of Object.entries(v)) walk(x, `${path}.${k}`);
      };
      walk(preset as ProviderPreset, preset.id);
      expect(functions).to.deep.equal([]);
    });
  }
});

describe('presets: a field id the form already uses', () => {
  // Contract section 11 and "Bad input gets" of issue 23: a field id that is a built-in id
  // (`name`, `description`, `apiKey`) or `form` (the form-level error's id) would collide.
  const preset = (id: string): ProviderPreset => ({
    id: `taken-${id}`,
    label: 'Taken',
    docsUrl: 'https://taken.example/keys',
    authHeader: 'Authorization: Bearer {api_key}',
    fields: [
      { id: 'region', label: 'Region' },
      { id, label: 'Anything' },
    ],
  });
  for (const id of ['name', 'description', 'apiKey', 'form']) {
    it(`registerProvider throws a TypeError naming "${id}", and registers nothing`, () => {
      let error: unknown;
      try {
        registerProvider(preset(id));
      } catch (e) {
        error = e;
      }
      expect(error).to.be.instanceOf(TypeError);
      expect((error as Error).message).to.match(new RegExp(`^registerProvider\\(\\): preset "taken-${id}": field "${id}" `));
      expect(getProvider(`taken-${id}`)).to.equal(undefined);
    });
  }

  it('takes an id that only resembles one (Form, names, apiKeys)', () => {
    for (const id of ['Form', 'names', 'apiKeys', 'formId']) expect(presetProblem(preset(id)), id).to.equal(undefined);
  });
});
