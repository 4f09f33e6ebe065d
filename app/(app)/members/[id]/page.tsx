import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { can, requirePermission } from "@/lib/core/auth/session";
import { mayEditProfile } from "@/lib/members/access";
import { getMemberProfile } from "@/lib/members/queries";
import { localTime } from "@/lib/members/time-zones";
import { getMentorshipProfile } from "@/lib/mentorship/preferences";
import { maySendPrivateFeedback } from "@/lib/private-feedback/access";
import { mayRecognise } from "@/lib/recognition/access";
import { profileRecognition } from "@/lib/recognition/queries";
import { Markdown } from "@/components/markdown";
import { SkillLinks } from "@/components/members/skill-links";
import { MemberMentoringSection } from "@/components/mentorship/member-mentoring";
import { ProfileRecognitionSection } from "@/components/recognition/profile-recognition";
import { Avatar } from "@/components/ui/avatar";
import { buttonClasses } from "@/components/ui/button";
import { ProfileActivity } from "@/components/members/profile-activity";
import { MemberCommunities } from "@/components/communities/member-communities";
import { communitiesOfMember } from "@/lib/communities/queries";

type Params = Promise<{ id: string }>;

/** The viewer and the member, once per request (the page and its metadata both need them). */
const load = cache(async (id: string) => {
  const viewer = await requirePermission("read:member:any");
  return { viewer, member: await getMemberProfile(viewer, id) };
});

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { member } = await load((await params).id);
  return { title: member?.name ?? "Member not found" };
}

function SkillSection({
  id,
  title,
  skills,
  kind,
  empty,
}: {
  id: string;
  title: string;
  skills: { name: string; slug: string }[];
  kind: "offered" | "wanted";
  empty: string;
}) {
  return (
    <section aria-labelledby={id} className="rounded-lg border border-stone-200 bg-white p-5">
      <h2 id={id} className="mb-3 text-lg font-semibold">
        {title}
      </h2>
      {skills.length ? (
        <SkillLinks skills={skills} kind={kind} />
      ) : (
        <p className="text-sm text-stone-600">{empty}</p>
      )}
    </section>
  );
}

export default async function MemberPage({ params }: { params: Params }) {
  const { viewer, member } = await load((await params).id);
  if (!member) notFound();
  const isOwn = member.id === viewer.id;
  const [recognition, mentoring, communities] = await Promise.all([
    can(viewer, "read:recognition:any") ? profileRecognition(member.id, viewer) : null,
    member.deactivated ? null : getMentorshipProfile(member.id),
    communitiesOfMember(viewer, member.id),
  ]);

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div className="flex min-w-0 items-center gap-4">
          <Avatar name={member.name} avatarId={member.avatarId} size={96} />
          <div className="min-w-0 space-y-1">
            <h1 className="text-2xl font-semibold break-words">{member.name}</h1>
            {member.title ? <p className="text-stone-700">{member.title}</p> : null}
            {member.deactivated ? (
              <p className="inline-block rounded-md border border-amber-300 bg-amber-50 px-2 py-1 text-sm text-amber-900">
                Deactivated: only admins can see this profile.
              </p>
            ) : null}
          </div>
        </div>
        {mayEditProfile(viewer, member) ? (
          <Link href="/profile" className={buttonClasses("secondary")}>
            Edit profile
          </Link>
        ) : maySendPrivateFeedback(viewer, { id: member.id, active: !member.deactivated }) ? (
          <Link href={`/feedback/new?to=${member.id}`} className={buttonClasses("secondary")}>
            Send private feedback
          </Link>
        ) : null}
      </div>

      <dl className="grid grid-cols-[auto_1fr] gap-x-6 gap-y-2 rounded-lg border border-stone-200 bg-white p-5 text-sm">
        <dt className="font-medium">Team</dt>
        <dd>
          {member.team ? (
            <Link href={`/members?${new URLSearchParams({ team: member.team.slug })}`}>
              {member.team.name}
            </Link>
          ) : (
            "No team given"
          )}
        </dd>
        <dt className="font-medium">Time zone</dt>
        <dd>
          {member.timeZone.replaceAll("_", " ")} (local time {localTime(member.timeZone)})
        </dd>
      </dl>

      <section
        aria-labelledby="about-heading"
        className="rounded-lg border border-stone-200 bg-white p-5"
      >
        <h2 id="about-heading" className="mb-2 text-lg font-semibold">
          About
        </h2>
        {member.bio ? (
          <Markdown source={member.bio} />
        ) : (
          <p className="text-sm text-stone-600">No bio yet.</p>
        )}
      </section>

      <div className="grid gap-6 md:grid-cols-2">
        <SkillSection
          id="offered-heading"
          title="Can teach"
          skills={member.offered}
          kind="offered"
          empty="No skills listed yet."
        />
        <SkillSection
          id="wanted-heading"
          title="Wants to learn"
          skills={member.wanted}
          kind="wanted"
          empty="Nothing listed yet."
        />
      </div>

      <MemberCommunities communities={communities} />

      {mentoring ? <MemberMentoringSection facts={mentoring} isOwn={isOwn} /> : null}

      {recognition ? (
        <ProfileRecognitionSection
          member={member}
          recognition={recognition}
          canThank={mayRecognise(viewer, { id: member.id, active: !member.deactivated })}
        />
      ) : null}
      <ProfileActivity memberId={member.id} viewer={viewer} />
    </div>
  );
}
