import Link from "next/link";
import type { MemberCard as Member } from "@/lib/members/member-card";
import { Avatar } from "@/components/ui/avatar";

const SKILLS_SHOWN = 4;

function SkillSummary({ label, skills }: { label: string; skills: Member["offered"] }) {
  if (!skills.length) return null;
  const shown = skills
    .slice(0, SKILLS_SHOWN)
    .map((s) => s.name)
    .join(", ");
  const more = skills.length - SKILLS_SHOWN;
  return (
    <p className="text-sm">
      <span className="font-medium text-stone-800">{label}:</span> {shown}
      {more > 0 ? <span className="text-stone-600"> and {more} more</span> : null}
    </p>
  );
}

/** One directory result: face, name (linking to the profile), title, team and a few skills. */
export function MemberCard({ member, note }: { member: Member; note?: string }) {
  const subtitle = [member.title, member.team?.name].filter(Boolean).join(" · ");
  return (
    <article className="flex h-full items-start gap-3 rounded-lg border border-stone-200 bg-white p-4">
      <Avatar name={member.name} avatarId={member.avatarId} size={48} />
      <div className="min-w-0 space-y-1">
        <h3 className="text-base font-semibold break-words">
          <Link href={`/members/${member.id}`}>{member.name}</Link>
        </h3>
        {subtitle ? <p className="text-sm text-stone-700">{subtitle}</p> : null}
        <SkillSummary label="Can teach" skills={member.offered} />
        <SkillSummary label="Wants to learn" skills={member.wanted} />
        {note ? <p className="pt-1 text-sm font-medium text-brand-800">{note}</p> : null}
      </div>
    </article>
  );
}
