import type { Metadata } from "next";
import Link from "next/link";
import { GiveRecognitionForm } from "@/components/recognition/give-form";
import { can, requirePermission } from "@/lib/core/auth/session";
import { firstValues, type SearchParams } from "@/lib/core/pagination/search-params";
import { teamOptions, thankableMember } from "@/lib/recognition/queries";
import { listActiveValues } from "@/lib/recognition/values/queries";

export const metadata: Metadata = { title: "Thank someone" };

/**
 * /recognition/new?to=<member id>&link=/discussions/… starts a thank-you to that member for
 * that page (the "Thank" links elsewhere use it).
 */
export default async function NewRecognitionPage({
  searchParams,
}: {
  searchParams: Promise<SearchParams>;
}) {
  const viewer = await requirePermission("create:recognition:any");
  const query = firstValues(await searchParams);
  const [values, teams, recipient] = await Promise.all([
    listActiveValues(),
    teamOptions(),
    query.to ? thankableMember(query.to, viewer) : null,
  ]);

  return (
    <div className="max-w-3xl space-y-6">
      <div className="space-y-2">
        <h1 className="text-2xl font-semibold">Thank someone</h1>
        <p className="text-stone-700">
          Recognition is public: it shows on the <Link href="/recognition">wall</Link> and on
          profiles, and the people you thank are told.
        </p>
      </div>
      {values.length ? (
        <GiveRecognitionForm
          values={values}
          teams={teams}
          initialRecipients={recipient ? [{ id: recipient.id, label: recipient.name }] : []}
          initialLink={(query.link ?? "").slice(0, 300)}
          canGiveAsLeader={can(viewer, "create:leader-recognition:any")}
        />
      ) : (
        <p className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900">
          No company values are set up yet, so recognition can&apos;t be given. An admin can add
          them.
        </p>
      )}
    </div>
  );
}
