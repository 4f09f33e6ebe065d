/** What a piece of content is (Question, How-to, Reply …), as a small label. */
export function ContentBadge({ children }: { children: string }) {
  return (
    <span className="inline-block rounded bg-brand-50 px-2 py-0.5 text-xs font-semibold text-brand-800">
      {children}
    </span>
  );
}
