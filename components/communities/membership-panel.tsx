// What the viewer can do with the community they are looking at: join, ask, answer an
// invitation, follow, leave. Server-rendered; each button is its own small form.
import { ActionForm } from "./action-form";
import { LeaveForm } from "./leave-form";
import { selfServiceFor, type Standing } from "@/lib/communities/access";
import {
  answerInvitationAction,
  joinCommunityAction,
  requestToJoinAction,
  setFollowingAction,
  withdrawRequestAction,
} from "@/lib/communities/actions";
import type { CommunityAccess } from "@/lib/generated/prisma/enums";

export function MembershipPanel({
  communityId,
  access,
  standing,
  viewerId,
  lastLead,
  members,
}: {
  communityId: string;
  access: CommunityAccess;
  standing: (Standing & { following: boolean }) | null;
  viewerId: string;
  lastLead: boolean;
  members: { memberId: string; name: string }[];
}) {
  const can = selfServiceFor(access, standing);
  const fields = { communityId };
  const successors = lastLead
    ? members.filter((m) => m.memberId !== viewerId).map((m) => ({ id: m.memberId, name: m.name }))
    : null;
  return (
    <div className="flex flex-wrap items-start gap-3">
      {can.join ? (
        <ActionForm action={joinCommunityAction} fields={fields} label="Join" variant="primary" />
      ) : null}
      {can.request ? (
        <ActionForm
          action={requestToJoinAction}
          fields={fields}
          label="Ask to join"
          variant="primary"
        />
      ) : null}
      {can.withdrawRequest ? (
        <>
          <p className="self-center text-sm text-stone-700">
            You asked to join; a lead will decide.
          </p>
          <ActionForm action={withdrawRequestAction} fields={fields} label="Withdraw request" />
        </>
      ) : null}
      {can.answerInvitation ? (
        <>
          <ActionForm
            action={answerInvitationAction}
            fields={{ ...fields, answer: "accept" }}
            label="Accept invitation"
            variant="primary"
          />
          <ActionForm
            action={answerInvitationAction}
            fields={{ ...fields, answer: "decline" }}
            label="Decline"
          />
        </>
      ) : null}
      {can.follow ? (
        <ActionForm
          action={setFollowingAction}
          fields={{ ...fields, following: standing?.following ? "false" : "true" }}
          label={standing?.following ? "Stop following" : "Follow"}
          accessibleLabel={
            standing?.following
              ? "Stop following: its news leaves your digest"
              : "Follow: its news goes into your digest"
          }
        />
      ) : null}
      {can.leave ? (
        <details className="rounded-md border border-stone-200 bg-white px-3 py-2">
          <summary className="cursor-pointer text-sm font-medium">Leave this community</summary>
          <div className="mt-3">
            <LeaveForm communityId={communityId} successors={successors} />
          </div>
        </details>
      ) : null}
    </div>
  );
}
