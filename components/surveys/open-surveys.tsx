// The home page's card: open pulse surveys the member has not answered yet (none: no card).
import Link from "next/link";
import type { OpenSurvey } from "@/lib/surveys/queries";
import { closingText } from "@/lib/surveys/labels";

export function OpenSurveys({ surveys, timeZone }: { surveys: OpenSurvey[]; timeZone: string }) {
  if (!surveys.length) return null;
  return (
    <section
      aria-labelledby="open-surveys-heading"
      className="space-y-3 rounded-lg border border-brand-200 bg-brand-50 p-5"
    >
      <h2 id="open-surveys-heading" className="text-lg font-semibold">
        Open surveys
      </h2>
      <p className="text-sm text-stone-700">
        A few minutes, anonymous: your answers help shape how we learn together.
      </p>
      <ul className="space-y-2">
        {surveys.map((survey) => (
          <li key={survey.id} className="flex flex-wrap items-baseline gap-x-2">
            <Link href={`/surveys/${encodeURIComponent(survey.id)}`} className="font-medium">
              {survey.title}
            </Link>
            <span className="text-sm text-stone-700">
              open until {closingText(survey.closesAt, timeZone)}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
