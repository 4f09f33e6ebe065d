import Link from "next/link";
import { MENTORSHIP_LIMITS } from "@/lib/mentorship/limits";
import { AddLinkForm, RemoveLinkButton } from "./link-forms";

export interface StudyLink {
  id: string;
  type: "post" | "session";
  href: string;
  title: string;
  note: string;
  addedByName: string | null;
}

const TYPE_LABELS: Record<StudyLink["type"], string> = {
  post: "Knowledge post",
  session: "Session",
};

/** Knowledge posts and sessions the pair want to study, with why; the pair add and remove. */
export function LinkList({
  pairingId,
  links,
  editable,
}: {
  pairingId: string;
  links: StudyLink[];
  editable: boolean;
}) {
  return (
    <div className="space-y-4">
      {links.length ? (
        <ul className="space-y-3" aria-label="Worth studying">
          {links.map((link) => (
            <li key={link.id} className="space-y-1 rounded-md border border-stone-200 bg-white p-3">
              <p className="text-sm text-stone-600">{TYPE_LABELS[link.type]}</p>
              <p className="font-medium break-words">
                <Link href={link.href}>{link.title}</Link>
              </p>
              {link.note ? (
                <p className="break-words whitespace-pre-line text-stone-800">{link.note}</p>
              ) : null}
              <div className="flex flex-wrap items-center justify-between gap-2">
                <p className="text-sm text-stone-600">
                  Added by {link.addedByName ?? "a former member"}
                </p>
                {editable ? <RemoveLinkButton linkId={link.id} title={link.title} /> : null}
              </div>
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-stone-700">
          Nothing here yet.
          {editable ? " Add knowledge posts and sessions that would help, with a note on why." : ""}
        </p>
      )}
      {!editable ? null : links.length < MENTORSHIP_LIMITS.linksPerPairing ? (
        <AddLinkForm pairingId={pairingId} />
      ) : (
        <p className="text-sm text-stone-700">
          A mentorship holds at most {MENTORSHIP_LIMITS.linksPerPairing} links: remove one to add
          another.
        </p>
      )}
    </div>
  );
}
