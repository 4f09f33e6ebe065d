import type { Metadata } from "next";
import Link from "next/link";
import { daysSince, formatDay } from "@/lib/mentorship/labels";
import { NewPairingForm } from "@/components/mentorship/admin/new-pairing-form";
import { requirePermission } from "@/lib/core/auth/session";
import { firstValues, type SearchParams } from "@/lib/core/pagination/search-params";
import { addMonths, toDateInput, utcToday } from "@/lib/core/dates";
import { pairingPrefill } from "@/lib/mentorship/prefill";

export const metadata: Metadata = { title: "New pairing · Admin" };

/** How long a pairing is expected to last unless the admin says otherwise. */
const DEFAULT_LENGTH_MONTHS = 3;

/**
 * /admin/mentorship/new?mentor=<id>&mentee=<id>&request=<id> starts a pairing with those
 * members chosen (the suggestions page links here).
 */
export default async function NewPairingPage({
  searchParams,
}: {
  searchParams: Promise<SearchParams>;
}) {
  const viewer = await requirePermission("create:pairing:any");
  const query = firstValues(await searchParams);
  const prefill = await pairingPrefill(viewer, query);
  const today = utcToday();
  const { mentee, request } = prefill;

  return (
    <div className="space-y-6">
      <div className="space-y-2">
        <p className="text-sm">
          <Link href="/admin/mentorship">← Mentoring</Link>
        </p>
        <h1 className="text-2xl font-semibold">New pairing</h1>
        <p className="max-w-2xl text-stone-700">
          Pair a mentor with a mentee. Both are told, and their private space opens with the goals
          below.
          {mentee ? null : (
            <>
              {" "}
              To see who fits a mentee best, open{" "}
              <Link href="/admin/mentorship?tab=waiting">the mentees waiting</Link> and their
              suggestions.
            </>
          )}
        </p>
        {mentee && request ? (
          <p className="max-w-2xl text-sm text-stone-700">
            This answers {mentee.name}&apos;s request for a mentor of{" "}
            <time dateTime={request.createdAt.toISOString()}>{formatDay(request.createdAt)}</time> (
            {daysSince(request.createdAt)} waiting).
            {request.note ? (
              <>
                {" "}
                Their note: <q className="whitespace-pre-line">{request.note}</q>
              </>
            ) : null}
          </p>
        ) : null}
        {mentee ? (
          <p className="text-sm">
            <Link href={`/admin/mentorship/suggestions/${mentee.id}`}>
              See suggested mentors for {mentee.name}
            </Link>
          </p>
        ) : null}
      </div>
      <NewPairingForm
        initial={{
          mentor: prefill.mentor ? { id: prefill.mentor.id, label: prefill.mentor.name } : null,
          mentee: mentee ? { id: mentee.id, label: mentee.name } : null,
          goals: prefill.goals,
          startsOn: toDateInput(today),
          expectedEndOn: toDateInput(addMonths(today, DEFAULT_LENGTH_MONTHS)),
          requestId: request?.id ?? "",
        }}
      />
    </div>
  );
}
