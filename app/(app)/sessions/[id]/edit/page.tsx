import type { Metadata } from "next";
import Link from "next/link";
import { forbidden, notFound } from "next/navigation";
import { CancelSessionForm, CompleteSessionForm } from "@/components/sessions/manage-session";
import { SessionForm } from "@/components/sessions/session-form";
import { requirePermission } from "@/lib/core/auth/session";
import { idSchema } from "@/lib/core/ids";
import {
  managesSession,
  mayCancelSession,
  mayChangeSession,
  mayCompleteSession,
} from "@/lib/sessions/access";
import { getSessionForEdit } from "@/lib/sessions/queries";
import { db } from "@/lib/core/db/client";
import { postingCommunities } from "@/lib/communities/visibility";
import { utcToZonedInput } from "@/lib/core/zoned-time";

export const metadata: Metadata = { title: "Edit session" };

export default async function EditSessionPage({ params }: { params: Promise<{ id: string }> }) {
  const viewer = await requirePermission("read:session:any");
  const { id } = await params;
  const session = idSchema.safeParse(id).success ? await getSessionForEdit(id, viewer) : null;
  if (!session) notFound();
  const hosts = session.hosts.map((host) => host.user);
  const managed = { ...session, hostIds: hosts.map((host) => host.id) };
  if (!managesSession(viewer, managed.hostIds)) forbidden();
  const now = new Date();
  const tz = viewer.timeZone;
  const communities = await postingCommunities(db, viewer.id);
  // Offered only when the current community is among the choices: a form without the field
  // keeps the session where it is.
  const movable = !session.communityId || communities.some(({ id }) => id === session.communityId);

  return (
    <div className="space-y-8">
      <div className="space-y-2">
        <p>
          <Link href={`/sessions/${session.id}`}>← Back to the session</Link>
        </p>
        <h1 className="text-2xl font-semibold">Edit “{session.title}”</h1>
        {session.status === "CANCELLED" ? (
          <p className="text-stone-700">This session was cancelled and can no longer be changed.</p>
        ) : (
          <p className="text-stone-700">
            Everyone going or waiting is told when the time or place changes.
          </p>
        )}
      </div>
      {mayChangeSession(viewer, managed) ? (
        <>
          <SessionForm
            timeZone={tz}
            communities={movable ? communities : []}
            initial={{
              communityId: session.communityId,
              id: session.id,
              title: session.title,
              format: session.format,
              description: session.description,
              startsAt: utcToZonedInput(session.startsAt, tz),
              endsAt: utcToZonedInput(session.endsAt, tz),
              location: session.location ?? "",
              meetingUrl: session.meetingUrl ?? "",
              capacity: session.capacity === null ? "" : String(session.capacity),
              goals: session.goals,
              scope: session.scope,
              openQuestions: session.openQuestions,
              hosts: hosts.map((host) => ({ id: host.id, label: host.name, detail: host.title })),
              preReading: session.preReading.map(({ post }) => ({
                id: post.id,
                label: post.title,
              })),
            }}
          />
          {mayCompleteSession(viewer, managed, now) ? (
            <section aria-labelledby="complete-heading" className="max-w-3xl space-y-2">
              <h2 id="complete-heading" className="text-lg font-semibold">
                Completed?
              </h2>
              <CompleteSessionForm sessionId={session.id} />
            </section>
          ) : null}
          {mayCancelSession(viewer, managed, now) ? (
            <section
              aria-labelledby="cancel-heading"
              className="max-w-3xl space-y-3 rounded-lg border border-red-200 bg-red-50/40 p-4"
            >
              <h2 id="cancel-heading" className="text-lg font-semibold">
                Cancel the session
              </h2>
              <CancelSessionForm sessionId={session.id} />
            </section>
          ) : null}
        </>
      ) : null}
    </div>
  );
}
