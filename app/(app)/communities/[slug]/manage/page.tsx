import type { Metadata } from "next";
import Link from "next/link";
import { forbidden, notFound } from "next/navigation";
import { ActionForm } from "@/components/communities/action-form";
import { CommunityForm } from "@/components/communities/community-form";
import { InviteForm } from "@/components/communities/invite-form";
import { requireUser } from "@/lib/core/auth/session";
import { mayManageCommunity } from "@/lib/communities/access";
import {
  archiveCommunityAction,
  cancelInvitationAction,
  decideRequestAction,
  removeMemberAction,
  setMemberRoleAction,
} from "@/lib/communities/actions";
import { COMMUNITY_ROLE_LABELS } from "@/lib/communities/labels";
import {
  communityForViewer,
  communityMembers,
  pendingMemberships,
} from "@/lib/communities/queries";

export const metadata: Metadata = { title: "Manage community" };

export default async function ManageCommunityPage({
  params,
}: {
  params: Promise<{ slug: string }>;
}) {
  const viewer = await requireUser();
  const community = await communityForViewer(viewer, (await params).slug);
  if (!community) notFound();
  if (!mayManageCommunity(viewer, community.standing)) forbidden();
  const [pending, members] = await Promise.all([
    pendingMemberships(community.id),
    communityMembers(community.id, 500),
  ]);
  const ids = { communityId: community.id };
  const archived = Boolean(community.archivedAt);

  return (
    <div className="space-y-8">
      <div className="space-y-2">
        <p className="text-sm">
          <Link href={`/communities/${community.slug}`}>Back to {community.name}</Link>
        </p>
        <h1 className="text-2xl font-semibold break-words">Manage {community.name}</h1>
        <p className="text-sm text-stone-700">
          Every decision here is recorded in the audit log, with your name.
        </p>
      </div>

      <section aria-labelledby="requests-title" className="space-y-3">
        <h2 id="requests-title" className="text-lg font-semibold">
          Requests to join
        </h2>
        {pending.requests.length ? (
          <ul className="space-y-3">
            {pending.requests.map((request) => (
              <li
                key={request.memberId}
                className="flex flex-wrap items-start gap-3 rounded-lg border border-stone-200 bg-white p-3"
              >
                <Link href={`/members/${request.memberId}`} className="self-center font-medium">
                  {request.member.name}
                </Link>
                <ActionForm
                  action={decideRequestAction}
                  fields={{ ...ids, memberId: request.memberId, decision: "approve" }}
                  label="Approve"
                  variant="primary"
                  accessibleLabel={`Approve ${request.member.name}`}
                />
                <ActionForm
                  action={decideRequestAction}
                  fields={{ ...ids, memberId: request.memberId, decision: "decline" }}
                  label="Decline"
                  accessibleLabel={`Decline ${request.member.name}`}
                />
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-sm text-stone-700">No one is waiting.</p>
        )}
      </section>

      <section aria-labelledby="invitations-title" className="space-y-3">
        <h2 id="invitations-title" className="text-lg font-semibold">
          Invitations
        </h2>
        {archived ? null : <InviteForm communityId={community.id} />}
        {pending.invitations.length ? (
          <ul className="space-y-2">
            {pending.invitations.map((invitation) => (
              <li key={invitation.memberId} className="flex flex-wrap items-start gap-3">
                <span className="self-center">
                  {invitation.member.name} (waiting for an answer)
                </span>
                <ActionForm
                  action={cancelInvitationAction}
                  fields={{ ...ids, memberId: invitation.memberId }}
                  label="Withdraw"
                  accessibleLabel={`Withdraw the invitation to ${invitation.member.name}`}
                />
              </li>
            ))}
          </ul>
        ) : null}
      </section>

      <section aria-labelledby="members-title" className="space-y-3">
        <h2 id="members-title" className="text-lg font-semibold">
          Members and leads
        </h2>
        <ul className="divide-y divide-stone-200 rounded-lg border border-stone-200 bg-white">
          {members.map((member) => (
            <li key={member.memberId} className="flex flex-wrap items-start gap-3 p-3">
              <span className="min-w-40 flex-1 self-center">
                <Link href={`/members/${member.memberId}`}>{member.name}</Link>
                <span className="text-sm text-stone-600">
                  {" "}
                  · {COMMUNITY_ROLE_LABELS[member.role]}
                </span>
              </span>
              {archived ? null : (
                <>
                  <ActionForm
                    action={setMemberRoleAction}
                    fields={{
                      ...ids,
                      memberId: member.memberId,
                      role: member.role === "LEAD" ? "MEMBER" : "LEAD",
                    }}
                    label={member.role === "LEAD" ? "Make member" : "Make lead"}
                    accessibleLabel={`${member.role === "LEAD" ? "Make an ordinary member:" : "Make a lead:"} ${member.name}`}
                  />
                  {member.memberId === viewer.id ? null : (
                    <ActionForm
                      action={removeMemberAction}
                      fields={{ ...ids, memberId: member.memberId }}
                      label="Remove"
                      variant="danger"
                      accessibleLabel={`Remove ${member.name}`}
                    />
                  )}
                </>
              )}
            </li>
          ))}
        </ul>
      </section>

      {archived ? null : (
        <>
          <section aria-labelledby="settings-title" className="space-y-3">
            <h2 id="settings-title" className="text-lg font-semibold">
              Settings
            </h2>
            <CommunityForm community={community} />
          </section>
          <section aria-labelledby="archive-title" className="space-y-3">
            <h2 id="archive-title" className="text-lg font-semibold">
              Archive
            </h2>
            <p className="text-sm text-stone-700">
              An archived community keeps its content and members but takes no new members and
              leaves the directory. Nothing is deleted.
            </p>
            <ActionForm
              action={archiveCommunityAction}
              fields={ids}
              label="Archive this community"
              variant="danger"
            />
          </section>
        </>
      )}
    </div>
  );
}
