import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { Notice } from "@/components/posts/notice";
import { Person, RecognitionCardView } from "@/components/recognition/recognition-card";
import { requirePermission } from "@/lib/core/auth/session";
import { firstValues, type SearchParams } from "@/lib/core/pagination/search-params";
import { getRecognition } from "@/lib/recognition/queries";
import { listActiveValues } from "@/lib/recognition/values/queries";

type Params = Promise<{ id: string }>;

const load = cache(async (id: string) => {
  const viewer = await requirePermission("read:recognition:any");
  return { viewer, card: await getRecognition(id, viewer) };
});

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { card } = await load((await params).id);
  return { title: card ? `Recognition from ${card.giver.name}` : "Recognition not found" };
}

export default async function RecognitionPage({
  params,
  searchParams,
}: {
  params: Params;
  searchParams: Promise<SearchParams>;
}) {
  const { viewer, card } = await load((await params).id);
  if (!card) notFound();
  const query = firstValues(await searchParams);
  const values = card.viewer.canEdit ? await listActiveValues() : [];

  return (
    <div className="max-w-3xl space-y-6">
      {query.given === "1" ? <Notice>Thank you! Your recognition is on the wall.</Notice> : null}
      <p className="text-sm">
        <Link href="/recognition">← The recognition wall</Link>
      </p>
      <h1 className="text-2xl font-semibold">Recognition</h1>
      {card.hidden ? (
        <p className="rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-900">
          Hidden by a moderator: only admins can see this recognition.
        </p>
      ) : null}
      <RecognitionCardView
        card={card}
        timeZone={viewer.timeZone}
        values={values}
        headingLevel={2}
      />
      {card.team && card.recipients.length ? (
        <section aria-labelledby="recipients-heading" className="space-y-2">
          <h2 id="recipients-heading" className="text-lg font-semibold">
            Members of {card.team.name} thanked
          </h2>
          <ul className="flex flex-wrap gap-x-4 gap-y-1">
            {card.recipients.map((person) => (
              <li key={person.id}>
                <Person person={person} face={24} />
              </li>
            ))}
            {card.moreRecipients ? <li>and others</li> : null}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
