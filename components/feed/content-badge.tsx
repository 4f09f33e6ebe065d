/** What a piece of content is (Question, How-to, Reply …), as a small label. */
export function ContentBadge({ children }: { children: string }) {
  return <span className="badge badge-brand">{children}</span>;
}
