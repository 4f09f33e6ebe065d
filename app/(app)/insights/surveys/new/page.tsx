import type { Metadata } from "next";
import Link from "next/link";
import { z } from "zod";
import { SurveyForm, type SurveyFormValues } from "@/components/surveys/survey-form";
import { requirePermission } from "@/lib/core/auth/session";
import { listQueryOrNotFound } from "@/lib/core/pagination/page-or-not-found";
import type { SearchParams } from "@/lib/core/pagination/search-params";
import { parseDateInput, toDateInput } from "@/lib/core/dates";
import { zonedDate } from "@/lib/core/zoned-time";
import { templateFormValues } from "@/lib/surveys/template";

export const metadata: Metadata = { title: "New pulse survey · Insights" };

const paramsSchema = z.object({ template: z.enum(["learning-culture"]).optional() });

/** Today and two weeks later, as date inputs in the leader's time zone. */
function defaultWindow(timeZone: string): { opensOn: string; closesOn: string } {
  const opensOn = zonedDate(new Date(), timeZone);
  const closesOn = toDateInput(new Date(parseDateInput(opensOn)!.getTime() + 14 * 86_400_000));
  return { opensOn, closesOn };
}

export default async function NewSurveyPage({
  searchParams,
}: {
  searchParams: Promise<SearchParams>;
}) {
  const viewer = await requirePermission("create:survey:any");
  const { params } = await listQueryOrNotFound(searchParams, paramsSchema);
  const fromTemplate = params.template === "learning-culture";
  const initial: SurveyFormValues = {
    ...(fromTemplate
      ? templateFormValues()
      : { title: "", intro: "", statements: "", questions: "" }),
    ...defaultWindow(viewer.timeZone),
  };

  return (
    <div className="space-y-6">
      <div className="space-y-2">
        <p className="text-sm">
          <Link href="/insights/surveys">← Pulse surveys</Link>
        </p>
        <h1 className="text-2xl font-semibold">
          {fromTemplate ? "New learning-culture pulse" : "New pulse survey"}
        </h1>
        <p className="max-w-3xl text-stone-700">
          {fromTemplate ? (
            <>
              Filled in from the learning-culture template: two statements each on psychological
              safety, knowledge sharing, learning from each other, leaders modelling learning, time
              to learn and belonging. Change anything you like, or{" "}
              <Link href="/insights/surveys/new">start from scratch</Link>.
            </>
          ) : (
            <>
              Write your own statements, or{" "}
              <Link href="/insights/surveys/new?template=learning-culture">
                start from the learning-culture template
              </Link>
              .
            </>
          )}{" "}
          Members answer anonymously; results show once the survey closes, and only for groups with
          enough responses.
        </p>
      </div>
      <SurveyForm
        key={fromTemplate ? "template" : "blank"}
        initial={initial}
        timeZone={viewer.timeZone}
      />
    </div>
  );
}
