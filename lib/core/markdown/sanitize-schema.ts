// The allow-list for rendered markdown: GitHub's schema (no scripts, no event handlers, no
// style attributes, no iframes or SVG), narrowed to http(s)/mailto links.
import { defaultSchema } from "rehype-sanitize";
import type { Options as SanitizeSchema } from "rehype-sanitize";

export const markdownSanitizeSchema: SanitizeSchema = {
  ...defaultSchema,
  protocols: {
    ...defaultSchema.protocols,
    href: ["http", "https", "mailto"],
    src: ["http", "https"],
    cite: ["http", "https"],
    longDesc: ["http", "https"],
  },
  // remark-rehype already prefixes the only ids markdown can make (GFM footnotes) with
  // "user-content-"; prefixing again would break the footnote links.
  clobberPrefix: "",
};
