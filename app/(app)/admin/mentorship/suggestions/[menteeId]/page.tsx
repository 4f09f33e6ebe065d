import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { daysSince, formatDay } from "@/lib/mentorship/labels";
import { SuggestionList } from "@/components/mentorship/admin/suggestion-list";
import { requirePermission } from "@/lib/core/auth/session";
import { NotFound } from "@/lib/core/forms/errors";
import { idSchema } from "@/lib/core/ids";
import { mentorSuggestions } from "@/lib/mentorship/suggestions";

type Params = Promise<{ menteeId: string }>;

const load = cache(async (menteeId: string) => {
  const viewer = await requirePermission("read:mentorship-programme:any");
  if (!idSchema.safeParse(menteeId).success) return null;
  try {
    return await mentorSuggestions(viewer, menteeId);
  } catch (error) {
    if (error instanceof NotFound) return null;
    throw error;
  }
});

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const found = await load((await params).menteeId);
  return { title: found ? `Mentors for ${found.mentee.name} · Admin` : "Member not found" };
}

function Fact({ term, children }: { term: string; children: React.ReactNode }) {
  return (
    <div className="space-y-0.5">
      <dt className="text-sm font-medium text-stone-700">{term}</dt>
      <dd>{children}</dd>
    </div>
  );
}

export default async function MentorSuggestionsPage({ params }: { params: Params }) {
  const found = await load((await params).menteeId);
  if (!found) notFound();
  const { mentee, suggestions } = found;

  return (
    <div className="space-y-6">
      <div className="space-y-2">
        <p className="text-sm">
          <Link href="/admin/mentorship?tab=waiting">← Mentees waiting</Link>
        </p>
        <h1 className="text-2xl font-semibold">Mentors for {mentee.name}</h1>
        <p className="text-stone-700">
          Mentors open to mentoring with a free place, best match first. Each score is explained
          part by part.
        </p>
      </div>

      <section
        aria-labelledby="mentee-heading"
        className="space-y-3 rounded-lg border border-stone-200 bg-white p-4"
      >
        <h2 id="mentee-heading" className="text-lg font-semibold">
          About <Link href={`/members/${mentee.id}`}>{mentee.name}</Link>
        </h2>
        <dl className="grid gap-3 sm:grid-cols-2">
          <Fact term="Team">{mentee.teamName ?? "No team"}</Fact>
          <Fact term="Waiting since">
            {mentee.waitingSince ? (
              <>
                <time dateTime={mentee.waitingSince.toISOString()}>
                  {formatDay(mentee.waitingSince)}
                </time>{" "}
                <span className="text-stone-600">({daysSince(mentee.waitingSince)})</span>
              </>
            ) : (
              <span className="text-stone-600">Has not asked for a mentor</span>
            )}
          </Fact>
          <Fact term="Wants to learn">
            {mentee.wants.length ? (
              <ul className="flex flex-wrap gap-1 text-sm">
                {mentee.wants.map((skill) => (
                  <li key={skill} className="rounded bg-stone-100 px-2 py-0.5">
                    {skill}
                  </li>
                ))}
              </ul>
            ) : (
              <span className="text-stone-600">No skills listed on their profile</span>
            )}
          </Fact>
          <Fact term="Goals">
            {mentee.goals ? (
              <span className="whitespace-pre-line">{mentee.goals}</span>
            ) : (
              <span className="text-stone-600">None written yet</span>
            )}
          </Fact>
        </dl>
      </section>

      {suggestions.length ? (
        <SuggestionList
          suggestions={suggestions}
          mentee={{ id: mentee.id, name: mentee.name, requestId: mentee.requestId }}
        />
      ) : (
        <div className="space-y-2 rounded-lg border border-stone-200 bg-white p-4">
          <h2 className="text-lg font-semibold">No mentor matches yet</h2>
          <p className="text-stone-700">
            {mentee.wants.length
              ? `Nobody who is open to mentoring and has a free place offers the skills ${mentee.name} wants, or has shown them in the community.`
              : `Nobody who is open to mentoring has a free place.`}{" "}
            Ask members to say on their profile that they are open to mentoring (and to list the
            skills they can teach), or a mentor to take on one more mentee.
          </p>
          <p>
            <Link
              href={`/admin/mentorship/new?mentee=${encodeURIComponent(mentee.id)}${
                mentee.requestId ? `&request=${encodeURIComponent(mentee.requestId)}` : ""
              }`}
            >
              Create a pairing by hand
            </Link>
          </p>
        </div>
      )}
    </div>
  );
}
