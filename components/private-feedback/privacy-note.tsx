/**
 * Says plainly who can read private feedback, wherever it is written or read. `who` names
 * the two people: "you and Ada Lovelace", "you and the member you send it to".
 */
export function PrivacyNote({ who }: { who: string }) {
  return (
    <p className="rounded-md border border-brand-200 bg-brand-50 px-3 py-2 text-sm text-stone-800">
      <span className="font-semibold">Private: </span>
      only {who} can ever read it. It never appears in feeds, search, profiles or counts, and admins
      cannot see it either.
    </p>
  );
}
