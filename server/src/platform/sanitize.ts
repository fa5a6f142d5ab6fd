// Rich text of articles, cleaned on the server with an allow-list before it is stored (sanitize-html).
// Kept: what Word and web pages paste that a reader needs — headings, paragraphs, lists, tables, images, links,
// emphasis. Dropped: every style, class and event attribute, script/style/iframe/object/embed/form/meta and
// their content, and every URL scheme but http(s)/mailto/tel on links. Images load only from our own uploaded
// files (/site/files/<id>) or https. Links get rel="noopener noreferrer".
import sanitizeHtml from 'sanitize-html';

/** Our own uploaded article files, as the editor and the public site address them. */
const OWN_FILE = /^\/(?:site\/files|api\/article-files)\/(\d{1,10})$/;
const DIGITS = /^\d{1,4}$/;

const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [
    'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'p', 'br', 'hr', 'blockquote', 'pre', 'code', 'div', 'span',
    'strong', 'b', 'em', 'i', 'u', 's', 'sub', 'sup', 'ul', 'ol', 'li',
    'table', 'caption', 'colgroup', 'col', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td',
    'a', 'img', 'figure', 'figcaption',
  ],
  allowedAttributes: {
    a: ['href', 'title', 'target', 'rel'],
    img: ['src', 'alt', 'title', 'width', 'height'],
    td: ['colspan', 'rowspan'], th: ['colspan', 'rowspan', 'scope'], col: ['span'], colgroup: ['span'], ol: ['start'],
  },
  allowedSchemes: ['http', 'https', 'mailto', 'tel'],
  allowedSchemesByTag: { img: ['https'] },
  allowedSchemesAppliedToAttributes: ['href', 'src', 'cite'],
  allowProtocolRelative: false,
  allowedStyles: {},
  disallowedTagsMode: 'discard',
  // Their text is never content: dropped with the tag.
  nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'title', 'head', 'xml', 'template', 'iframe', 'object', 'embed', 'svg', 'math', 'select', 'button'],
  transformTags: {
    a: (tagName, attribs) => {
      const out: Record<string, string> = { rel: 'noopener noreferrer' };
      const own = OWN_FILE.exec((attribs.href ?? '').trim());
      if (own) out.href = `/site/files/${own[1]}`;
      else if (attribs.href) out.href = attribs.href;
      if (attribs.title) out.title = attribs.title;
      if (attribs.target === '_blank') out.target = '_blank';
      return { tagName, attribs: out };
    },
    img: (tagName, attribs) => {
      const out: Record<string, string> = {};
      const src = (attribs.src ?? '').trim();
      const own = OWN_FILE.exec(src);
      if (own) out.src = `/site/files/${own[1]}`;
      else if (/^https:\/\/[^\s/]/i.test(src)) out.src = src;
      if (attribs.alt) out.alt = attribs.alt;
      if (attribs.title) out.title = attribs.title;
      if (DIGITS.test(attribs.width ?? '')) out.width = attribs.width;
      if (DIGITS.test(attribs.height ?? '')) out.height = attribs.height;
      return { tagName, attribs: out };
    },
    // Word writes headings and lists with its own classes: the structure stays, the classes go.
    b: 'strong', i: 'em',
  },
  // An image without an allowed source is dropped whole; so is a link whose href was removed, keeping its text.
  exclusiveFilter: (frame) => frame.tag === 'img' && !frame.attribs.src,
};

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;
/** Text without control characters (PostgreSQL refuses NUL; XML forbids the others), tabs and newlines kept. */
export const stripControl = (text: string) => text.replace(CONTROL, '');

/** The stored form of an article body. Relative image sources other than our files are removed. */
export function sanitizeRichText(html: string): string {
  const clean = sanitizeHtml(stripControl(html), OPTIONS);
  return clean.replace(/<p>(?:\s|&nbsp;)*<\/p>/g, '').trim();
}

/** Plain text of a body (for summaries and feeds), whitespace collapsed. */
export function plainText(html: string): string {
  return sanitizeHtml(html, { allowedTags: [], allowedAttributes: {}, nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'title'] })
    .replace(/&nbsp;/g, ' ').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ').trim();
}
