import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { AnswerForm } from "@/components/surveys/answer-form";
import { closingText } from "@/lib/surveys/labels";
import { requirePermission } from "@/lib/core/auth/session";
import { NotFound } from "@/lib/core/forms/errors";
import { idSchema } from "@/lib/core/ids";
import { formatDay } from "@/lib/core/dates";
import { getSetting } from "@/lib/core/settings/queries";
import { surveyForAnswer } from "@/lib/surveys/queries";

type Params = Promise<{ id: string }>;

const anonymity = (threshold: number) =>
  `We store your answers without your name; we only note that you answered so you can't answer twice. Results show only for groups of ${threshold} or more.`;

/** The member and the survey, once per request; null when there is no such survey. */
const load = cache(async (id: string) => {
  const viewer = await requirePermission("create:survey-response:any");
  if (!idSchema.safeParse(id).success) return { viewer, survey: null };
  try {
    return { viewer, survey: await surveyForAnswer(viewer, id) };
  } catch (error) {
    if (error instanceof NotFound) return { viewer, survey: null };
    throw error;
  }
});

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { survey } = await load((await params).id);
  return { title: survey?.title ?? "Survey not found" };
}

export default async function AnswerSurveyPage({ params }: { params: Params }) {
  const { viewer, survey } = await load((await params).id);
  if (!survey) notFound();
  const threshold = await getSetting("surveys.minResponses");

  return (
    <div className="max-w-3xl space-y-6">
      <div className="space-y-3">
        <h1 className="text-2xl font-semibold">{survey.title}</h1>
        {survey.intro ? <p className="whitespace-pre-line text-stone-800">{survey.intro}</p> : null}
        <p className="rounded-md border border-brand-200 bg-brand-50 px-3 py-2 text-sm text-stone-800">
          <strong>Anonymous.</strong> {anonymity(threshold)}
        </p>
      </div>
      <AnswerForm
        surveyId={survey.id}
        questions={survey.questions}
        answered={survey.answered}
        unavailable={
          survey.open
            ? null
            : survey.status === "scheduled"
              ? `This survey opens on ${formatDay(survey.opensAt, viewer.timeZone)}. Come back then to answer it.`
              : "This survey is closed: it no longer takes answers."
        }
        openUntil={closingText(survey.closesAt, viewer.timeZone)}
      />
    </div>
  );
}
