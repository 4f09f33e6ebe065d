/** A tag page's URL; slugs may hold "#", "+" or "." (C#, C++, Node.js). */
export function tagHref(slug: string): string {
  return `/tags/${encodeURIComponent(slug)}`;
}
