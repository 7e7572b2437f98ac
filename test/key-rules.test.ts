import { expect } from '@open-wc/testing';
import { checkKey, checkText, isPlaceholder, normalizeKey } from '../src/key-rules.js';
import { openai } from '../src/presets/openai.js';
import { err, filler, keys, ok } from './keys.js';

const check = (raw: string) => checkKey(raw, openai);

describe('key rules: every real key shape is accepted', () => {
  const cases: Array<[string, string, string, string]> = [
    ['legacy (sk- + 48 alphanumerics)', keys.legacy, 'legacy', 'sk-'],
    ['project (sk-proj-, 164)', keys.project, 'project', 'sk-proj-'],
    ['service account (sk-svcacct-, 167)', keys.serviceAccount, 'service-account', 'sk-svcacct-'],
    ['admin (sk-admin-, 133)', keys.admin, 'admin', 'sk-admin-'],
    ['user (sk-None-, 164)', keys.user, 'user', 'sk-None-'],
    ['_ and - anywhere after the prefix', `sk-proj-_-${filler(60)}-_T3BlbkFJ_${filler(60)}-`, 'project', 'sk-proj-'],
    ['sk- + 48 with _ is not legacy', `sk-${filler(20)}_T3BlbkFJ${filler(19)}`, 'unknown', 'sk-'],
    ['shortest accepted: 20 after sk-', `sk-${filler(20)}`, 'unknown', 'sk-'],
    ['longest accepted: 512', `sk-proj-${filler(496)}T3BlbkFJ`, 'project', 'sk-proj-'],
  ];
  for (const [name, key, keyType, hintPrefix] of cases) {
    it(name, () => {
      const r = ok(check(key));
      expect(r.apiKey).to.equal(key);
      expect(r.keyType).to.equal(keyType);
      expect(r.keyHint).to.equal(`${hintPrefix}…${key.slice(-4)}`);
    });
  }

  it('gives the contract example hints', () => {
    expect(ok(check(`sk-proj-${filler(40)}x9Qz`)).keyHint).to.equal('sk-proj-…x9Qz');
    expect(ok(check(`sk-${filler(44)}AbCd`)).keyHint).to.equal('sk-…AbCd');
  });

  it('notes an admin key and an unusual shape without blocking them', () => {
    expect(ok(check(keys.admin)).notes).to.have.length(1);
    expect(ok(check(keys.admin)).notes[0]).to.match(/admin key/);
    expect(ok(check(`sk-proj-${filler(60)}`)).notes[0]).to.match(/does not look like the keys OpenAI issues/);
    expect(ok(check(keys.project)).notes).to.deep.equal([]);
    expect(ok(check(keys.legacy)).notes).to.deep.equal([]);
  });
});

describe('key rules: normalization', () => {
  const k = keys.project;
  const cases: Array<[string, string]> = [
    ['spaces around', `  ${k}  `],
    ['line breaks around', `\r\n${k}\n`],
    ['tabs around', `\t${k}\t`],
    ['no-break and zero-width characters around', `\u00A0\u200B${k}\u200D\u00A0`],
    ['byte order mark and word joiner', `\uFEFF${k}\u2060`],
    ['double quotes', `"${k}"`],
    ['single quotes', `'${k}'`],
    ['backticks', `\`${k}\``],
    ['angle brackets', `<${k}>`],
    ['${…}', `\${${k}}`],
    ['export NAME=', `export OPENAI_API_KEY=${k}`],
    ['NAME=', `OPENAI_API_KEY=${k}`],
    ['NAME: (YAML)', `OPENAI_API_KEY: ${k}`],
    ['NAME="…"', `OPENAI_API_KEY="${k}"`],
    ["export NAME='…' with a trailing newline", `export OPENAI_API_KEY='${k}'\n`],
    ['Authorization: Bearer', `Authorization: Bearer ${k}`],
    ['authorization header in lower case', `authorization: bearer ${k}`],
    ['Bearer in any case', `BEARER ${k}`],
    ['Bearer with several spaces', `Bearer    ${k}`],
    ['a quoted header line', `"Authorization: Bearer ${k}"`],
    ['a header line with a quoted value', `Authorization: Bearer "${k}"`],
    ['everything at once', ` \u00A0"Authorization:  Bearer  ${k} "\n`],
  ];
  for (const [name, raw] of cases) {
    it(name, () => {
      expect(normalizeKey(raw, openai.key)).to.equal(k);
      expect(ok(check(raw)).apiKey).to.equal(k);
    });
  }

  it('unwraps only once', () => {
    expect(normalizeKey(`"'${k}'"`, openai.key)).to.equal(`'${k}'`);
  });

  it('leaves a key with nothing to strip alone', () => {
    expect(normalizeKey(k, openai.key)).to.equal(k);
  });
});

describe('key rules: rejections, each with a specific message', () => {
  const k = keys.project;
  const cases: Array<[string, string, string, RegExp]> = [
    ['empty', '', 'empty', /^Paste your OpenAI API key\.$/],
    ['whitespace only', ' \n\t\u00A0\u200B ', 'empty', /^Paste your OpenAI API key\.$/],
    ['empty quotes', '""', 'empty', /Paste your OpenAI API key/],
    ['only "Bearer "', 'Bearer ', 'empty', /Paste your OpenAI API key/],
    ['only the variable name', 'OPENAI_API_KEY=', 'empty', /Paste your OpenAI API key/],
    ['a space inside', `${k.slice(0, 20)} ${k.slice(20)}`, 'character-inside', /contains a space at position 21\./],
    ['a tab inside', `${k.slice(0, 9)}\t${k.slice(9)}`, 'character-inside', /contains a tab at position 10/],
    ['a line break inside', `${k.slice(0, 30)}\n${k.slice(30)}`, 'character-inside', /a line break at position 31/],
    ['a no-break space inside', `${k.slice(0, 30)}\u00A0${k.slice(30)}`, 'character-inside', /a space character \(U\+00A0\)/],
    ['a zero-width space inside', `${k.slice(0, 12)}\u200B${k.slice(12)}`, 'character-inside', /an invisible character \(U\+200B\) at position 13/],
    ['a right-to-left override inside', `${k.slice(0, 12)}\u202E${k.slice(12)}`, 'character-inside', /an invisible character \(U\+202E\)/],
    ['a NUL inside', `${k.slice(0, 5)}\u0000${k.slice(5)}`, 'character-inside', /a control character \(U\+0000\) at position 6/],
    ['a DEL inside', `${k.slice(0, 5)}\u007F${k.slice(5)}`, 'character-inside', /a control character \(U\+007F\)/],
    ['a Cyrillic homoglyph', `\u0455k-proj-${k.slice(8)}`, 'character-inside', /the non-ASCII character “ѕ” \(U\+0455\) at position 1\./],
    ['an emoji', `${k.slice(0, 40)}🔑${k.slice(40)}`, 'character-inside', /“🔑” \(U\+1F511\) at position 41/],
    ['a key pasted twice with a space', `${k} ${k}`, 'character-inside', /a space at position 165/],
    ['513 characters', `sk-proj-${filler(505)}`, 'too-long', /513 characters long; an API key has at most 512/],
    ['a 1 MB paste', `sk-${filler(1024 * 1024 - 3)}`, 'too-long', /1048576 characters long/],
    // A megabyte of spaces inside: trimming must stay linear (a regex trim took hours here).
    ['a 1 MB run of spaces inside', `sk-${' '.repeat(1024 * 1024)}x`, 'character-inside', /a space at position 4\./],
    ['Anthropic', `sk-ant-api03-${filler(90)}`, 'other-provider', /^This looks like a key from Anthropic \(sk-ant-\)\. Paste your OpenAI key; it starts with sk-\.$/],
    ['OpenRouter', `sk-or-v1-${filler(64)}`, 'other-provider', /from OpenRouter \(sk-or-\)/],
    ['Groq', `gsk_${filler(52)}`, 'other-provider', /from Groq \(gsk_\)/],
    ['Google', `AIza${filler(35)}`, 'other-provider', /from Google \(AIza\)/],
    ['xAI', `xai-${filler(80)}`, 'other-provider', /from xAI \(xai-\)/],
    ['Perplexity', `pplx-${filler(48)}`, 'other-provider', /from Perplexity \(pplx-\)/],
    ['Hugging Face', `hf_${filler(34)}`, 'other-provider', /from Hugging Face \(hf_\)/],
    ['a ChatGPT session token', `sess-${filler(40)}`, 'other-provider', /a ChatGPT session token \(sess-\), not an API key/],
    ['another provider, quoted after Bearer', `Bearer "sk-ant-${filler(40)}"`, 'other-provider', /Anthropic/],
    ['not starting with sk-', `pk-${filler(40)}`, 'wrong-prefix', /^OpenAI API keys start with sk-\./],
    ['upper-case SK-', `SK-${filler(40)}`, 'wrong-prefix', /start with sk-/],
    ['doubly quoted', `"'${k}'"`, 'wrong-prefix', /start with sk-/],
    ['a dot inside', `sk-proj-${filler(20)}.${filler(20)}`, 'bad-character', /contains “\.” at position 29; OpenAI keys use only letters, digits, _ and -/],
    ['a quote left at the end', `${k}"`, 'bad-character', /contains “"” at position 165/],
    ['a slash', `sk-${filler(30)}/${filler(10)}`, 'bad-character', /“\/”/],
    ['19 characters after sk-', `sk-${filler(19)}`, 'too-short', /too short: 19 characters after sk-, at least 20 expected\. Was it cut off when copying\?/],
    ['only the prefix', 'sk-', 'too-short', /0 characters after sk-/],
    ['a cut-off project key', 'sk-proj-abc', 'too-short', /8 characters after sk-/],
  ];
  for (const [name, raw, code, message] of cases) {
    it(name, () => {
      const r = err(check(raw));
      expect(r.code).to.equal(code);
      expect(r.message).to.match(message);
    });
  }

  it('reports only the first failing check, in the contract order', () => {
    expect(err(check(`sk-ant- ${filler(600)}`)).code).to.equal('character-inside');
    expect(err(check(`sk-ant-${filler(600)}`)).code).to.equal('too-long');
    expect(err(check('sk-ant-x.y')).code).to.equal('other-provider');
    expect(err(check('pk-x.y')).code).to.equal('wrong-prefix');
    expect(err(check('sk-x.y')).code).to.equal('bad-character');
  });

  it('never puts the key itself into a message', () => {
    for (const raw of [`${k} x`, `${k}.`, `${k}\u200B${k}`]) {
      expect(err(check(raw)).message).not.to.include(k.slice(12, 40));
    }
  });
});

describe('key rules: placeholders copied from documentation (OpenAI preset)', () => {
  const MESSAGE = 'This looks like a placeholder from documentation, not a real key.';
  const x = (n: number, c = 'x') => c.repeat(n);
  // From API docs, READMEs, .env templates and secret scanners' fixtures (gitleaks, trufflehog).
  const cases: Array<[string, string]> = [
    ['a project key of x (docs)', `sk-proj-${x(24)}`],
    ['a long project key of x', `sk-proj-${x(156)}`],
    ['a legacy key of 48 x', `sk-${x(48)}`],
    ['a legacy key of 48 X', `sk-${x(48, 'X')}`],
    ['a legacy key of zeros', `sk-${x(48, '0')}`],
    ['x with the marker', `sk-proj-${x(20)}T3BlbkFJ${x(20)}`],
    ['a key masked by a dashboard', `sk-proj-${x(36, '*')}AbCd`],
    ['sk-...YOUR_API_KEY...', 'sk-...YOUR_API_KEY...'],
    ['YOUR_OPENAI_API_KEY', 'YOUR_OPENAI_API_KEY'],
    ['<YOUR_API_KEY>', '<YOUR_API_KEY>'],
    ['${YOUR_API_KEY}', '${YOUR_API_KEY}'],
    ['a .env template line', 'OPENAI_API_KEY=your_openai_api_key_here'],
    ['an Authorization header template', 'Authorization: Bearer YOUR_API_KEY'],
    ['your-openai-api-key-here', 'your-openai-api-key-here'],
    ['sk-your-key-here', 'sk-your-key-here'],
    ['sk-proj-your-actual-key-here', 'sk-proj-your-actual-key-here'],
    ['sk-YOUR_KEY', 'sk-YOUR_KEY'],
    ['sk-yourkeyhere…', 'sk-yourkeyhere1234567890'],
    ['sk-proj-YourApiKey…', 'sk-proj-YourApiKeyGoesHere0123456789'],
    ['sk-proj-YOURAPIKEY', 'sk-proj-YOURAPIKEY'],
    ['REPLACE_ME', 'REPLACE_ME'],
    ['sk-replace-with-your-key', 'sk-replace-with-your-key'],
    ['sk-proj-EXAMPLE…', 'sk-proj-EXAMPLEKEY1234567890abcdefghij'],
    ['sk-example-key', 'sk-example-key'],
    ['sk-placeholder', 'sk-placeholder'],
    ['PLACEHOLDER', 'PLACEHOLDER'],
    ['INSERT_API_KEY_HERE', 'INSERT_API_KEY_HERE'],
    ['<insert-key-here>', '<insert-key-here>'],
    ['sk-Insert-Key', 'sk-Insert-Key'],
  ];
  for (const [name, raw] of cases) {
    it(name, () => {
      const r = err(check(raw));
      expect(r.code).to.equal('placeholder');
      expect(r.message).to.equal(MESSAGE);
    });
  }

  it('comes after the checks before it, and before every check after it (contract order)', () => {
    // Before: nothing left, a space or non-ASCII inside, too long, another provider's key.
    expect(err(check('<>')).code).to.equal('empty');
    expect(err(check('sk-<your key>')).code).to.equal('character-inside');
    expect(err(check(`sk-ant-api03-${x(10, 'X')}…`)).code).to.equal('character-inside');
    expect(err(check(`sk-proj-${x(520)}`)).code).to.equal('too-long');
    expect(err(check('sk-ant-YOUR_KEY_HERE')).code, 'Anthropic named first').to.equal('other-provider');
    expect(err(check('sk-ant-YOUR_KEY_HERE')).message).to.match(/from Anthropic \(sk-ant-\)/);
    expect(err(check(`gsk_${x(52)}`)).code).to.equal('other-provider');
    // After: the prefix, the characters, pasted twice, too short.
    expect(err(check('YOUR_API_KEY')).code, 'not wrong-prefix').to.equal('placeholder');
    expect(err(check('sk-YOUR.KEY')).code, 'not bad-character').to.equal('placeholder');
    expect(err(check(`sk-${x(40)}sk-${x(40)}`)).code, 'not repeated').to.equal('placeholder');
    expect(err(check('sk-YOUR-KEY')).code, 'not too-short').to.equal('placeholder');
    // A shape that is only a note (DeepSeek's sk- + 32 hex) does not stop it.
    expect(err(check(`sk-${x(32, '0')}`)).code).to.equal('placeholder');
  });

  it('takes 11 equal characters in a row, refuses 12', () => {
    const body = filler(40);
    expect(ok(check(`sk-proj-${body}${x(11, 'a')}${body}`)).apiKey).to.have.length(8 + 91);
    expect(err(check(`sk-proj-${body}${x(12, 'a')}${body}`)).code).to.equal('placeholder');
    expect(err(check(`sk-proj-${body}${x(12, '_')}${body}`)).code).to.equal('placeholder');
  });

  it('takes the words inside random text, in a mix of cases, and YOUR within a longer word', () => {
    const a = filler(40);
    const b = filler(40, undefined, 3);
    for (const word of ['your', 'YOUR', 'Your', 'yOuR', 'yourself', 'Yours', 'Examp1e', 'Insrt', 'rEpLaCe', 'ExAmPlE', 'PLACE', 'HOLDER']) {
      // Between letters and digits, as it turns up in a random key.
      expect(isPlaceholder(`sk-proj-${a}Q${word}7${b}`), word).to.equal(false);
      ok(check(`sk-proj-${a}Q${word}7${b}T3BlbkFJ`));
    }
    // YOUR where it is not a word: between key characters, not followed by KEY, API, ….
    for (const key of [`sk-proj-${a}yours${b}`, `sk-proj-${a}9YOUR9${b}`, `sk-proj-${a}ayourb${b}`, `sk-proj-${a}Yourt${b}`]) ok(check(key));
  });

  it('refuses none of the real key shapes', () => {
    for (const key of Object.values(keys)) expect(isPlaceholder(key), key).to.equal(false);
  });
});

describe('text rules', () => {
  const name = { field: 'Credential Name', max: 100, required: true };
  const description = { field: 'Credential Description', max: 1000, required: false };

  it('requires a name after trimming', () => {
    expect(checkText('', name)).to.equal('Enter a name for this credential.');
    expect(checkText(' \n ', name)).to.equal('Enter a name for this credential.');
    expect(checkText(' Prod ', name)).to.equal(undefined);
  });

  it('counts characters, not code units, and never cuts', () => {
    expect(checkText('a'.repeat(100), name)).to.equal(undefined);
    expect(checkText('🔑'.repeat(100), name)).to.equal(undefined);
    expect(checkText('a'.repeat(101), name)).to.equal(
      'Credential Name is 101 characters long. Shorten it to 100 characters or fewer.',
    );
    expect(checkText('x'.repeat(10_000), name)).to.match(/10000 characters long/);
  });

  it('allows an empty description up to 1,000 characters', () => {
    expect(checkText('', description)).to.equal(undefined);
    expect(checkText('d'.repeat(1000), description)).to.equal(undefined);
    expect(checkText('d'.repeat(1001), description)).to.match(/Credential Description is 1001 characters long/);
  });
});
