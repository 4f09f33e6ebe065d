import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { Markdown } from "@/components/markdown";
import { safeMarkdownUrl } from "./safe-url";

const render = (source: string) => renderToStaticMarkup(createElement(Markdown, { source }));

/** Every real tag in the output (escaped text such as &lt;script&gt; is not a tag). */
const tagsIn = (html: string) => html.match(/<[a-z][^>]*>/gi) ?? [];

const XSS_CORPUS = [
  "<script>alert(1)</script>",
  "Hello <script src=https://evil.example/x.js></script> world",
  '<img src=x onerror="alert(1)">',
  "<img src=x onerror=alert(1)//",
  "[click](javascript:alert(1))",
  "[click](JaVaScRiPt:alert(1))",
  "[click](  javascript:alert(1)  )",
  "[click](java&#x09;script:alert(1))",
  "[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
  "[click](vbscript:msgbox(1))",
  "![pic](javascript:alert(1))",
  "![pic](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)",
  "[ref]\n\n[ref]: javascript:alert(1)",
  "<javascript:alert(1)>",
  "<svg onload=alert(1)><circle r=5 /></svg>",
  "<svg><script>alert(1)</script></svg>",
  '<iframe src="https://evil.example"></iframe>',
  "<iframe srcdoc='<script>alert(1)</script>'>",
  "<div><p>unclosed <b onclick=alert(1)>bold",
  '<a href="javascript:alert(1)">x</a',
  '<p style="position:fixed;top:0;left:0;width:100%;height:100%">overlay</p>',
  '<span style="background:url(javascript:alert(1))">x</span>',
  "<object data=x.swf></object><embed src=x.swf>",
  "<form action=https://evil.example><input name=password></form>",
  "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
  "<<script>script>alert(1)<</script>/script>",
  "<!--<img src=x onerror=alert(1)>-->",
  '<details open ontoggle="alert(1)"><summary>x</summary></details>',
  '[a](https://ok.example "title" onclick=alert(1))',
];

describe("<Markdown> sanitising", () => {
  it.each(XSS_CORPUS)("renders %j without anything executable", (source) => {
    const html = render(source);
    const tags = tagsIn(html);
    for (const tag of tags) {
      expect(tag).not.toMatch(
        /^<(script|iframe|svg|math|object|embed|style|form|input|link|meta|base)\b/i,
      );
      expect(tag).not.toMatch(/\son[a-z]+\s*=/i);
      expect(tag).not.toMatch(/\sstyle\s*=/i);
      expect(tag).not.toMatch(/\s(srcdoc|action|formaction)\s*=/i);
      expect(tag).not.toMatch(/(javascript|data|vbscript)\s*:/i);
    }
    expect(html).not.toMatch(/<script/i);
  });

  it("shows raw HTML as text instead of rendering it", () => {
    const html = render("Use <b>bold</b> sparingly");
    expect(html).toContain("&lt;b&gt;bold&lt;/b&gt;");
    expect(tagsIn(html).some((t) => t.startsWith("<b>"))).toBe(false);
  });

  it("keeps ordinary markdown: emphasis, lists, code, tables", () => {
    const html = render(
      "**Strong** and _em_\n\n- one\n- two\n\n`code`\n\n| a | b |\n|---|---|\n| 1 | 2 |",
    );
    expect(html).toContain("<strong>Strong</strong>");
    expect(html).toContain("<em>em</em>");
    expect(html).toContain("<li>one</li>");
    expect(html).toContain("<code>code</code>");
    expect(html).toContain("<table>");
    expect(html).toMatch(/^<div class="prose-content/);
  });

  it("gives http(s) and mailto links rel=nofollow noopener noreferrer", () => {
    const html = render(
      "[site](https://example.com/a?b=1) [mail](mailto:a@example.com) https://auto.example.com",
    );
    expect(html).toContain(
      '<a href="https://example.com/a?b=1" rel="nofollow noopener noreferrer">site</a>',
    );
    expect(html).toContain(
      '<a href="mailto:a@example.com" rel="nofollow noopener noreferrer">mail</a>',
    );
    expect(html).toContain(
      '<a href="https://auto.example.com" rel="nofollow noopener noreferrer">',
    );
  });

  it("keeps the text of a link whose URL is dropped", () => {
    const html = render("[click me](javascript:alert(1))");
    expect(html).toContain("click me");
    expect(html).not.toContain("<a");
  });

  it("moves the writer's headings below the page's own h1 and h2", () => {
    const html = render("# Title\n\n## Section");
    expect(html).not.toMatch(/<h[12][ >]/);
    expect(html).toMatch(/<h3[^>]*>Title<\/h3>/);
    expect(html).toMatch(/<h4[^>]*>Section<\/h4>/);
  });
});

describe("safeMarkdownUrl", () => {
  it.each([
    ["https://example.com", "https://example.com"],
    ["http://example.com/x", "http://example.com/x"],
    ["mailto:someone@example.com", "mailto:someone@example.com"],
    ["#user-content-fn-1", "#user-content-fn-1"],
    ["javascript:alert(1)", ""],
    [" JAVASCRIPT:alert(1)", ""],
    ["data:text/html,hi", ""],
    ["vbscript:x", ""],
    ["/relative/path", ""],
    ["/members/cm1abc", "/members/cm1abc"],
    ["/discussions/cm1abc#reply-cm2", "/discussions/cm1abc#reply-cm2"],
    ["/members/../api/auth/signout", ""],
    ["/members/x?callbackUrl=//evil.example", ""],
    ["/admin/members", ""],
    ["//evil.example", ""],
    ["file:///etc/passwd", ""],
  ])("%j becomes %j", (input, expected) => {
    expect(safeMarkdownUrl(input)).toBe(expected);
  });
});
