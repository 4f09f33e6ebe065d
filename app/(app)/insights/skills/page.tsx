import type { Metadata } from "next";
import { SkillGapDetail } from "@/components/insights/skills-gap-detail";
import {
  SkillsGapSortLinks,
  SkillsGapTable,
  SkillsGapTeamForm,
} from "@/components/insights/skills-gap-table";
import { requirePermission } from "@/lib/core/auth/session";
import { db } from "@/lib/core/db/client";
import { firstValues, type SearchParams } from "@/lib/core/pagination/search-params";
import { loadSkillsGap, skillsGapParamsSchema } from "@/lib/insights/skills-gap";

export const metadata: Metadata = { title: "Skills gap" };

export default async function SkillsGapPage({
  searchParams,
}: {
  searchParams: Promise<SearchParams>;
}) {
  const viewer = await requirePermission("read:insights:any");
  const params = skillsGapParamsSchema.parse(firstValues(await searchParams));
  const gap = await loadSkillsGap(db, viewer, params);

  return (
    <div className="space-y-8">
      <div className="max-w-3xl space-y-2">
        <h1 className="text-2xl font-semibold">Skills gap</h1>
        <p className="text-stone-700">
          Per skill, how many members want to learn it against how many can teach it or have shown
          it, and what is waiting on it. Open a skill to propose a session or ask for mentoring in
          one click.
        </p>
        <p className="text-sm text-stone-700">
          Both open a form filled in for you, and nothing is sent until you submit it. Suggested
          hosts are named in the proposal as a suggestion only; &ldquo;Ask for mentoring&rdquo;
          opens the request form with the skill in its note, for you or for a colleague you share
          the link with.
        </p>
      </div>

      <SkillsGapTeamForm gap={gap} />

      <section aria-labelledby="skills-summary-heading" className="space-y-3">
        <h2 id="skills-summary-heading" className="text-xl font-semibold">
          Summary
        </h2>
        <SkillsGapSortLinks gap={gap} />
        <SkillsGapTable gap={gap} />
      </section>

      <section aria-labelledby="skills-measure-heading" className="max-w-3xl space-y-2">
        <h2 id="skills-measure-heading" className="text-xl font-semibold">
          What is counted
        </h2>
        <ul className="list-disc space-y-1 pl-5 text-stone-700">
          <li>
            <strong>Want to learn</strong> and <strong>can teach</strong>: active members who list
            the skill on their profile.
          </li>
          <li>
            <strong>Have shown it</strong>: members with an accepted answer in a discussion tagged
            with the skill, a published knowledge post tagged with it, or a session they hosted
            whose notes or pre-reading post is tagged with it. A skill matches the tag with the same
            name. Topic proposals carry no tags, so they are not counted.
          </li>
          <li>
            <strong>Open questions</strong>: questions tagged with the skill without an accepted
            answer. <strong>Open requests</strong>: open knowledge requests tagged with it.
          </li>
          <li>
            <strong>Gap score</strong> = members who want to learn it − members who can teach it or
            have shown it (each member counted once) + open questions + open requests. The higher
            the score, the more people are waiting on too few who know it; a negative score means
            more people know it than want it.
          </li>
          <li>
            With a team chosen, only that team&apos;s members count, and only the questions and
            requests they asked.
          </li>
          <li>
            Private communities&apos; content counts only where you may read it (as everywhere else
            in the app).
          </li>
          <li>
            <strong>Over time</strong>: per quarter, the members who showed the skill in it, the
            questions still without an accepted answer at its end (an answer counts from when it was
            written), the sessions on it, and the mentoring pairings started between a member who
            wants it and one who teaches it. Profiles record no dates, so &ldquo;want to
            learn&rdquo; and &ldquo;can teach&rdquo; are today&apos;s figures only.
          </li>
        </ul>
      </section>

      <section aria-labelledby="skills-detail-heading" className="space-y-3">
        <h2 id="skills-detail-heading" className="text-xl font-semibold">
          Each skill
        </h2>
        {gap.skills.length ? (
          <div className="space-y-2">
            {gap.skills.map((row) => (
              <SkillGapDetail key={row.id} row={row} quarters={gap.quarters[row.id] ?? []} />
            ))}
          </div>
        ) : (
          <p className="text-stone-700">Nothing to show yet.</p>
        )}
      </section>
    </div>
  );
}
