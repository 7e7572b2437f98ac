// The API reference page: renders the package's custom-elements.json (made from the sources
// by the analyzer, see demo/manifest-plugin.ts) as tables. Text nodes only, no innerHTML:
// `code` spans in descriptions become <code>.
import manifest from 'virtual:custom-elements.json';
import { html, nothing, render, type TemplateResult } from 'lit';

interface Typed {
  name: string;
  description?: string;
  type?: { text: string };
  default?: string;
}
interface Member extends Typed {
  kind: 'field' | 'method';
  static?: boolean;
  privacy?: string;
  attribute?: string;
  readonly?: boolean;
  parameters?: Typed[];
  return?: { type?: { text: string } };
}
interface Declaration {
  kind: string;
  name: string;
  tagName?: string;
  customElement?: boolean;
  description?: string;
  members?: Member[];
  attributes?: (Typed & { fieldName?: string })[];
  events?: Typed[];
  slots?: Typed[];
  cssParts?: Typed[];
  cssProperties?: Typed[];
}
interface Module {
  path: string;
  declarations?: Declaration[];
  exports?: { kind: string; name: string; declaration: { name: string; module?: string } }[];
}

/** `a` and `b` in text become <code>a</code> and <code>b</code>. */
const prose = (text = ''): TemplateResult[] =>
  text.split(/(`[^`]+`)/).map((part) => (part.startsWith('`') && part.endsWith('`') ? html`<code>${part.slice(1, -1)}</code>` : html`${part}`));

const code = (text?: string) => (text ? html`<code>${text}</code>` : nothing);

function table(caption: string, head: string[], rows: unknown[][]): TemplateResult | typeof nothing {
  if (!rows.length) return nothing;
  const id = caption.toLowerCase().replace(/\W+/g, '-');
  return html`
    <h3 id=${id}>${caption}</h3>
    <div class="table" role="region" aria-labelledby=${id} tabindex="0">
      <table>
        <thead><tr>${head.map((h) => html`<th scope="col">${h}</th>`)}</tr></thead>
        <tbody>${rows.map(([first, ...rest]) => html`<tr><th scope="row">${first}</th>${rest.map((c) => html`<td>${c}</td>`)}</tr>`)}</tbody>
      </table>
    </div>`;
}

const modules = (manifest as { modules: Module[] }).modules;
/** The package entry that defines a tag, from the definitions the manifest records. */
function entryOf(tag: string): string {
  const mod = modules.find((m) => m.exports?.some((e) => e.kind === 'custom-element-definition' && e.name === tag && m.path.match(/dist\/(index|picker)\.js$/)));
  const file = mod?.path.match(/dist\/(\w+)\.js$/)?.[1];
  return file === 'index' ? 'credential-overlay' : `credential-overlay/${file ?? ''}`;
}

function element(d: Declaration): TemplateResult {
  const publicMembers = (d.members ?? []).filter((m) => m.privacy !== 'private' && m.privacy !== 'protected' && !m.name.startsWith('#'));
  const fields = publicMembers.filter((m) => m.kind === 'field' && !m.static);
  const methods = publicMembers.filter((m) => m.kind === 'method');
  const attributeOf = new Map((d.attributes ?? []).map((a) => [a.fieldName, a.name]));
  return html`
    <section aria-labelledby=${d.tagName}>
      <h2 id=${d.tagName}><code>&lt;${d.tagName}&gt;</code></h2>
      <p>Class <code>${d.name}</code>, defined by <code>import '${entryOf(d.tagName!)}'</code>.</p>
      <p>${prose(d.description)}</p>
      ${table(`${d.tagName}: attributes and properties`, ['property', 'attribute', 'type', 'default', 'description'],
        fields.map((f) => [code(f.name), code(attributeOf.get(f.name) ?? f.attribute), code(f.type?.text), code(f.default), prose(f.description)]))}
      ${table(`${d.tagName}: methods`, ['method', 'signature', 'description'],
        methods.map((m) => [
          code(`${m.static ? `${d.name}.` : ''}${m.name}()`),
          code(`(${(m.parameters ?? []).map((p) => `${p.name}${p.type ? `: ${p.type.text}` : ''}${p.default ? ` = ${p.default}` : ''}`).join(', ')}) => ${m.return?.type?.text ?? 'void'}`),
          prose(m.description),
        ]))}
      ${table(`${d.tagName}: events`, ['event', 'type', 'description'], (d.events ?? []).map((e) => [code(e.name), code(e.type?.text), prose(e.description)]))}
      ${table(`${d.tagName}: slots`, ['slot', 'description'], (d.slots ?? []).map((s) => [code(s.name || '(default)'), prose(s.description)]))}
      ${table(`${d.tagName}: CSS parts`, ['part', 'description'], (d.cssParts ?? []).map((p) => [code(`::part(${p.name})`), prose(p.description)]))}
      ${table(`${d.tagName}: CSS custom properties`, ['property', 'description'], (d.cssProperties ?? []).map((p) => [code(p.name), prose(p.description)]))}
    </section>`;
}

const elements = modules.flatMap((m) => m.declarations ?? []).filter((d) => d.customElement && d.tagName);
render(
  html`<ul>${elements.map((d) => html`<li><a href="#${d.tagName}"><code>&lt;${d.tagName}&gt;</code></a></li>`)}</ul>`,
  document.querySelector<HTMLElement>('#toc')!,
);
const main = document.querySelector('main')!;
main.textContent = '';
render(html`${elements.map(element)}`, main);
main.removeAttribute('aria-busy');
