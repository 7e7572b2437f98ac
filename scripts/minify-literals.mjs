// Build-time minification of Lit's tagged template literals: `css`…`` through esbuild's
// CSS minifier, `html`…`` and `svg`…`` by removing comments and source indentation.
// Vite plugin for the library build (`apply: 'build'`); the dev server and the tests see
// the sources unchanged. No dependency beyond vite (parser) and esbuild (CSS minifier).
//
// What the HTML pass does, and what it never touches:
// - removes `<!-- … -->` comments that hold no binding;
// - inside a tag, collapses whitespace between attributes to one space (none before `>`);
// - in text, removes whitespace that contains a line break when it sits between two tags
//   (`>` … `<`: source indentation, as in JSX), and collapses it to one space anywhere else
//   (next to text or a binding, where a space can be visible);
// - whitespace without a line break is kept as written ("Find your key" + icon stays so);
// - never touches attribute names or values, bindings (`.prop=`, `?bool=`, `@event=`), the
//   space before `/>` (an unquoted binding would swallow the `/`), escapes, or the content
//   of <pre>, <textarea>, <script>, <style> and <title>.
import { parseAst } from 'vite';
import { transform as esbuildTransform } from 'esbuild';

const LIT_MODULES = /^(lit|lit-html|lit-element|@lit\/reactive-element)(\/|$)/;
const RAW_TEXT = new Set(['pre', 'textarea', 'script', 'style', 'title']);
const WS = /[ \t\n\r\f]/;

/** Local names bound to Lit's `html`, `svg` and `css` tags by the module's imports. */
function litTags(ast) {
  const tags = new Map();
  for (const node of ast.body) {
    if (node.type !== 'ImportDeclaration' || !LIT_MODULES.test(node.source.value)) continue;
    for (const s of node.specifiers) {
      const imported = s.type === 'ImportSpecifier' ? (s.imported.name ?? s.imported.value) : undefined;
      if (imported === 'html' || imported === 'svg') tags.set(s.local.name, 'html');
      else if (imported === 'css') tags.set(s.local.name, 'css');
    }
  }
  return tags;
}

function walk(node, visit) {
  if (!node || typeof node.type !== 'string') return;
  visit(node);
  for (const key in node) {
    const value = node[key];
    if (Array.isArray(value)) for (const child of value) walk(child, visit);
    else if (value && typeof value === 'object') walk(value, visit);
  }
}

/**
 * Minifies the raw strings of one `html`/`svg` template. `strings` are the raw quasis; an
 * expression sits between each two. Returns new raw strings, as many.
 */
export function minifyHtmlStrings(strings) {
  // Pass 1: drop comments that lie within one string (a comment holding a binding is kept).
  const noComments = [];
  let state = 'text'; // text | tag | dq | sq | raw | comment
  let rawEnd = '';
  for (const s of strings) {
    let out = '';
    let i = 0;
    while (i < s.length) {
      const c = s[i];
      if (state === 'comment') {
        const end = s.indexOf('-->', i);
        if (end < 0) { out += s.slice(i); i = s.length; break; }
        out += s.slice(i, end + 3); i = end + 3; state = 'text'; continue;
      }
      if (state === 'text' && s.startsWith('<!--', i)) {
        const end = s.indexOf('-->', i + 4);
        if (end >= 0) { i = end + 3; continue; } // whole comment in this string: drop it
        out += s.slice(i); state = 'comment'; i = s.length; break;
      }
      ({ state, rawEnd } = step(state, rawEnd, s, i));
      out += c; i++;
    }
    noComments.push(out);
  }

  // Pass 2: whitespace.
  const result = [];
  state = 'text';
  rawEnd = '';
  for (let n = 0; n < noComments.length; n++) {
    const s = noComments[n];
    let out = '';
    let i = 0;
    while (i < s.length) {
      const c = s[i];
      if ((state === 'text' || state === 'tag') && WS.test(c) && s[i - 1] !== '\\') {
        let j = i;
        while (j < s.length && WS.test(s[j])) j++;
        const run = s.slice(i, j);
        // What is on either side: a character, or a binding (start/end of a string but the
        // template's first/last), or the template's edge.
        const before = i > 0 ? out[out.length - 1] ?? s[i - 1] : n > 0 ? 'binding' : 'edge';
        const after = j < s.length ? s[j] : n < noComments.length - 1 ? 'binding' : 'edge';
        if (state === 'tag') {
          out += after === '>' ? '' : ' ';
        } else if (!/[\n\r]/.test(run)) {
          out += run;
        } else if ((before === '>' || before === 'edge') && (after === '<' || after === 'edge')) {
          out += '';
        } else {
          out += ' ';
        }
        i = j;
        continue;
      }
      ({ state, rawEnd } = step(state, rawEnd, s, i));
      out += c; i++;
    }
    result.push(out);
  }
  return result;
}

/** The HTML tokenizer state after the character at `s[i]`. */
function step(state, rawEnd, s, i) {
  const c = s[i];
  switch (state) {
    case 'text':
      if (c === '<' && /[a-zA-Z/]/.test(s[i + 1] ?? '')) {
        const name = /^<([a-zA-Z][\w-]*)/.exec(s.slice(i))?.[1]?.toLowerCase();
        return { state: 'tag', rawEnd: name && RAW_TEXT.has(name) ? `</${name}` : '' };
      }
      if (c === '<' && i === s.length - 1) return { state: 'tag', rawEnd: '' }; // `<${tag}` (static html)
      return { state, rawEnd };
    case 'tag':
      if (c === '"') return { state: 'dq', rawEnd };
      if (c === "'") return { state: 'sq', rawEnd };
      if (c === '>') return { state: rawEnd ? 'raw' : 'text', rawEnd };
      return { state, rawEnd };
    case 'dq':
      return { state: c === '"' ? 'tag' : state, rawEnd };
    case 'sq':
      return { state: c === "'" ? 'tag' : state, rawEnd };
    case 'raw':
      if (c === '<' && s.slice(i, i + rawEnd.length).toLowerCase() === rawEnd) return { state: 'tag', rawEnd: '' };
      return { state, rawEnd };
    default:
      return { state, rawEnd };
  }
}

/** Minifies the raw strings of one `css` template with esbuild; expressions become placeholders. */
export async function minifyCssStrings(strings) {
  const marker = (n) => `--lit-expr-${n}-`;
  // A placeholder that survives as an identifier wherever an expression can stand.
  const source = strings.reduce((acc, s, n) => acc + (n ? `${marker(n - 1)}` : '') + s, '');
  if (/--lit-expr-\d+-/.test(strings.join(''))) return strings;
  const { code } = await esbuildTransform(source, { loader: 'css', minify: true, logLevel: 'silent' });
  const out = code.trim();
  const parts = out.split(/--lit-expr-\d+-/);
  if (parts.length !== strings.length) return strings; // a placeholder moved or vanished: leave as is
  // esbuild writes CSS escapes and no backticks or `${`; keep raw-string safety anyway.
  if (parts.some((p) => p.includes('`') || p.includes('${') || /\\(?![0-9a-fA-F])/.test(p))) return strings;
  return parts;
}

/** Rewrites the Lit templates of one JS module: `{ code, edits }`, or `null` when nothing changed. */
export async function minifyLiterals(code) {
  if (!/\b(html|svg|css)\b/.test(code) || !/['"](lit|lit-html|lit-element)/.test(code)) return null;
  const ast = parseAst(code);
  const tags = litTags(ast);
  if (!tags.size) return null;
  const edits = [];
  const jobs = [];
  walk(ast, (node) => {
    if (node.type !== 'TaggedTemplateExpression' || node.tag.type !== 'Identifier') return;
    const kind = tags.get(node.tag.name);
    if (!kind) return;
    const quasis = node.quasi.quasis;
    const raws = quasis.map((q) => q.value.raw);
    // Offsets must point at the raw text (UTF-16), or the template is left alone.
    if (quasis.some((q, n) => code.slice(q.start, q.end) !== raws[n])) return;
    jobs.push(
      (async () => {
        const next = kind === 'css' ? await minifyCssStrings(raws) : minifyHtmlStrings(raws);
        quasis.forEach((q, n) => next[n] !== raws[n] && edits.push({ start: q.start, end: q.end, text: next[n] }));
      })(),
    );
  });
  await Promise.all(jobs);
  if (!edits.length) return null;
  edits.sort((a, b) => a.start - b.start);
  let out = '';
  let at = 0;
  for (const e of edits) {
    out += code.slice(at, e.start) + e.text;
    at = e.end;
  }
  return { code: out + code.slice(at), edits };
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
function vlq(n) {
  let v = n < 0 ? (-n << 1) | 1 : n << 1;
  let s = '';
  do {
    let digit = v & 31;
    v >>>= 5;
    if (v) digit |= 32;
    s += B64[digit];
  } while (v);
  return s;
}

/**
 * A source map from the edited code back to `code`: a segment at every line start and word
 * boundary of copied text, and at the start of each rewritten string.
 */
export function editMap(code, edits, source) {
  const lines = [[]];
  let outCol = 0;
  let line = 0;
  let col = 0;
  const seg = () => lines[lines.length - 1].push([outCol, line, col]);
  const advance = (ch) => (ch === '\n' ? (line++, (col = 0)) : col++);
  const emit = (ch) => (ch === '\n' ? (lines.push([]), (outCol = 0)) : outCol++);
  let at = 0;
  const copy = (end) => {
    for (let i = at, prev = ''; i < end; i++) {
      const ch = code[i];
      const kind = /\w/.test(ch) ? 'w' : /\s/.test(ch) ? 's' : ch;
      if (outCol === 0 || kind !== prev || kind.length === 1 && kind !== 'w' && kind !== 's') seg();
      prev = kind;
      emit(ch);
      advance(ch);
    }
  };
  for (const e of edits) {
    copy(e.start);
    seg();
    for (const ch of e.text) {
      emit(ch);
      if (ch === '\n') seg();
    }
    for (let i = e.start; i < e.end; i++) advance(code[i]);
    at = e.end;
  }
  copy(code.length);
  let last = [0, 0, 0];
  const mappings = lines
    .map((segs) => {
      let prevCol = 0;
      return segs
        .map(([c, l, sc]) => {
          const s = vlq(c - prevCol) + vlq(0) + vlq(l - last[1]) + vlq(sc - last[2]);
          prevCol = c;
          last = [c, l, sc];
          return s;
        })
        .join(',');
    })
    .join(';');
  return { version: 3, sources: [source], sourcesContent: [code], names: [], mappings };
}

/** Vite plugin: minifies Lit templates of this project's sources (not node_modules) at build time. */
export default function minifyLiteralsPlugin({ include = /\/src\/.*\.[cm]?[jt]sx?$/ } = {}) {
  return {
    name: 'credential-overlay:minify-literals',
    apply: 'build',
    enforce: 'post', // after TypeScript is stripped: the parser sees plain JS
    async transform(code, id) {
      if (id.includes('/node_modules/') || !include.test(id.split('?')[0])) return null;
      const out = await minifyLiterals(code);
      return out === null ? null : { code: out.code, map: editMap(code, out.edits, id) };
    },
  };
}
