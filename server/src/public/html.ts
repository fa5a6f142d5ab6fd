// A tiny tagged template for server-rendered pages: everything interpolated is HTML-escaped unless it is marked
// trusted (sanitized article bodies, other html`` fragments). Arrays are joined; null, undefined and false vanish.
export class Html {
  constructor(readonly value: string) {}
  toString() { return this.value; }
}

const ESC: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
// Characters XML 1.0 forbids (control characters other than tab, newline, carriage return; lone surrogates).
// eslint-disable-next-line no-control-regex
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Escapes text for HTML and XML content and attribute values (quoted). */
export function escapeHtml(text: string): string {
  return text.replace(NOT_XML, '').replace(/[&<>"']/g, (c) => ESC[c]);
}

/** Marks HTML as safe to insert as is: only for sanitized bodies (platform/sanitize.ts) and our own markup. */
export const trusted = (markup: string) => new Html(markup);

function part(v: unknown): string {
  if (v instanceof Html) return v.value;
  if (Array.isArray(v)) return v.map(part).join('');
  if (v === null || v === undefined || v === false) return '';
  return escapeHtml(String(v));
}

export function html(strings: TemplateStringsArray, ...values: unknown[]): Html {
  let out = strings[0];
  for (let i = 0; i < values.length; i++) out += part(values[i]) + strings[i + 1];
  return new Html(out);
}
