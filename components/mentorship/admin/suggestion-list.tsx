import Link from "next/link";
import { buttonClasses } from "@/components/ui/button";
import { NEAR_TIE_POINTS, type MentorSuggestion } from "@/lib/mentorship/matching";
import { formatNumber, plural } from "@/lib/core/format";

export function newPairingHref(mentorId: string, menteeId: string, requestId: string | null) {
  const query = new URLSearchParams({ mentor: mentorId, mentee: menteeId });
  if (requestId) query.set("request", requestId);
  return `/admin/mentorship/new?${query.toString()}`;
}

function Suggestion({
  suggestion,
  rank,
  mentee,
}: {
  suggestion: MentorSuggestion;
  rank: number;
  mentee: { id: string; name: string; requestId: string | null };
}) {
  const headingId = `mentor-${suggestion.mentorId}`;
  const about = [suggestion.title, suggestion.teamName].filter(Boolean).join(" · ");
  return (
    <li
      aria-labelledby={headingId}
      className="space-y-3 rounded-lg border border-stone-200 bg-white p-4"
    >
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0 space-y-1">
          <h2 id={headingId} className="text-lg font-semibold">
            <span className="text-stone-600">{rank}. </span>
            <Link href={`/members/${suggestion.mentorId}`}>{suggestion.name}</Link>
          </h2>
          {about ? <p className="text-sm text-stone-700">{about}</p> : null}
          <p className="flex flex-wrap gap-2 text-sm">
            <span className="rounded bg-brand-50 px-2 py-0.5 font-medium text-brand-800">
              Score {formatNumber(suggestion.score)}
            </span>
            {suggestion.nearTop ? (
              <span className="rounded bg-amber-50 px-2 py-0.5 text-amber-900 ring-1 ring-amber-200">
                Near the top
              </span>
            ) : null}
          </p>
        </div>
        <Link
          href={newPairingHref(suggestion.mentorId, mentee.id, mentee.requestId)}
          className={buttonClasses("primary")}
        >
          Pair with {mentee.name}
          <span className="sr-only"> (mentor: {suggestion.name})</span>
        </Link>
      </div>
      <div className="space-y-1">
        <h3 className="text-sm font-medium text-stone-800">Why {suggestion.name}</h3>
        {suggestion.parts.length ? (
          <ul className="list-disc space-y-1 pl-5 text-sm text-stone-800">
            {suggestion.parts.map((part) => (
              <li key={`${part.kind}-${part.text}`}>
                {part.text}{" "}
                <span className="whitespace-nowrap text-stone-600">
                  ({part.points > 0 ? "+" : ""}
                  {plural(part.points, "point", "points")})
                </span>
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-sm text-stone-700">Open to mentoring, with a free place.</p>
        )}
      </div>
    </li>
  );
}

/** Mentors for one mentee, best first, each with its score explained part by part. */
export function SuggestionList({
  suggestions,
  mentee,
}: {
  suggestions: MentorSuggestion[];
  mentee: { id: string; name: string; requestId: string | null };
}) {
  const nearTop = suggestions.filter((s) => s.nearTop).length;
  return (
    <div className="space-y-4">
      {nearTop > 1 ? (
        <p className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900">
          The {nearTop} mentors marked &ldquo;Near the top&rdquo; scored within{" "}
          {plural(NEAR_TIE_POINTS, "point", "points")} of the best match. Their order among
          themselves varies from mentee to mentee, so that the same mentor is not always suggested
          first; any of them is a good choice.
        </p>
      ) : null}
      <ol
        aria-label={`Suggested mentors for ${mentee.name}, best match first`}
        className="space-y-3"
      >
        {suggestions.map((suggestion, index) => (
          <Suggestion
            key={suggestion.mentorId}
            suggestion={suggestion}
            rank={index + 1}
            mentee={mentee}
          />
        ))}
      </ol>
    </div>
  );
}
