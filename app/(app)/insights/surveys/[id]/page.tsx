import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache, type ReactNode } from "react";
import { closingText, responsesText } from "@/lib/surveys/labels";
import { mayCloseSurvey, mayRunSurveyAgain } from "@/lib/surveys/access";
import { nextRoundOf, roundNumbers, roundTitle } from "@/lib/surveys/rounds";
import { StatementResult, StatementsSummary } from "@/components/surveys/statement-result";
import { StatusBadge } from "@/components/surveys/status-badge";
import { CloseSurveyButton, RunAgainForm } from "@/components/surveys/survey-actions";
import { Button, buttonClasses } from "@/components/ui/button";
import { SelectField } from "@/components/ui/field";
import { requirePermission } from "@/lib/core/auth/session";
import { NotFound } from "@/lib/core/forms/errors";
import { firstValues, type SearchParams } from "@/lib/core/pagination/search-params";
import { formatDay, parseDateInput, toDateInput } from "@/lib/core/dates";
import { zonedDate } from "@/lib/core/zoned-time";
import { surveyResults, type SurveyResults } from "@/lib/surveys/queries";
import { isSurveyTheme, THEME_LABELS } from "@/lib/surveys/template";
import { formId } from "@/lib/core/forms/text";
import { formatNumber, plural } from "@/lib/core/format";

type Params = Promise<{ id: string }>;

const teamSchema = formId();

/** The viewer and the results for one group, once per request; null for an unknown survey. */
const load = cache(async (id: string, team: string | null) => {
  const viewer = await requirePermission("read:survey-results:any");
  try {
    const results = await surveyResults(viewer, id, team);
    const [rounds, nextRoundId] = await Promise.all([
      roundNumbers([results.survey.id]),
      nextRoundOf(results.survey.id),
    ]);
    return { viewer, results, round: rounds.get(results.survey.id) ?? 1, nextRoundId };
  } catch (error) {
    if (error instanceof NotFound) return { viewer, results: null, round: 1, nextRoundId: null };
    throw error;
  }
});

async function teamOf(searchParams: Promise<SearchParams>): Promise<string | null> {
  const parsed = teamSchema.safeParse(firstValues(await searchParams).team);
  return parsed.success ? parsed.data : null;
}

export async function generateMetadata({
  params,
  searchParams,
}: {
  params: Params;
  searchParams: Promise<SearchParams>;
}): Promise<Metadata> {
  const { results, round } = await load((await params).id, await teamOf(searchParams));
  if (!results) return { title: "Survey not found" };
  return { title: `${roundTitle(results.survey.title, round, false)} · Pulse surveys` };
}

/** Today and two weeks later in the leader's zone: the next round's default window. */
function nextWindow(timeZone: string) {
  const opensOn = zonedDate(new Date(), timeZone);
  const closesOn = toDateInput(new Date(parseDateInput(opensOn)!.getTime() + 14 * 86_400_000));
  return { opensOn, closesOn };
}

function Facts({
  results,
  round,
  nextRoundId,
  timeZone,
}: {
  results: SurveyResults;
  round: number;
  nextRoundId: string | null;
  timeZone: string;
}) {
  const { survey } = results;
  const row = (term: string, detail: ReactNode) => (
    <div className="sm:flex sm:gap-2">
      <dt className="font-medium text-stone-800">{term}</dt>
      <dd className="text-stone-700">{detail}</dd>
    </div>
  );
  return (
    <dl className="space-y-1 text-sm">
      {row("Status:", <StatusBadge status={survey.status} />)}
      {row("Opens:", formatDay(survey.opensAt, timeZone))}
      {survey.closedAt
        ? row("Closed:", `${formatDay(survey.closedAt, timeZone)}, before its planned close`)
        : row(
            survey.status === "closed" ? "Closed:" : "Closes:",
            closingText(survey.closesAt, timeZone),
          )}
      {survey.previousRoundId
        ? row(
            "Previous round:",
            <Link href={`/insights/surveys/${encodeURIComponent(survey.previousRoundId)}`}>
              {roundTitle(survey.previousTitle ?? survey.title, round - 1, true)}
            </Link>,
          )
        : null}
      {nextRoundId
        ? row(
            "Next round:",
            <Link href={`/insights/surveys/${encodeURIComponent(nextRoundId)}`}>
              {roundTitle(survey.title, round + 1, false)}
            </Link>,
          )
        : null}
    </dl>
  );
}

/** How many have answered in the group, and why its results are hidden if they are. */
function Threshold({ results }: { results: SurveyResults }) {
  const { threshold, group, responseCount, shown, survey, answered } = results;
  if (survey.status !== "closed") {
    return (
      <p className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-amber-950">
        {formatNumber(answered)} {answered === 1 ? "person has" : "people have"} answered so far.
        Results appear when the survey closes, if at least {threshold} people answered: until then
        the answers stay sealed, so that no one&apos;s can be picked out by watching the results
        change.
      </p>
    );
  }
  if (group.teamId === null) {
    const count = responseCount ?? 0;
    return shown ? (
      <p className="text-stone-800">
        <strong>{responsesText(count)}</strong> from the whole organisation.
      </p>
    ) : (
      <p className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-amber-950">
        Results appear once {threshold} people have answered; {formatNumber(count)} so far.
      </p>
    );
  }
  return shown ? (
    <p className="text-stone-800">
      <strong>{responsesText(responseCount ?? 0)}</strong> from {group.teamName}.
    </p>
  ) : (
    <p className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-amber-950">
      {group.teamName}: fewer than {threshold} responses that can be shown. A team&apos;s results
      appear once it has at least {threshold}, so that no one&apos;s answers can be singled out.
    </p>
  );
}

function TeamSelector({ results }: { results: SurveyResults }) {
  const { survey, threshold, group, teams } = results;
  const options = [
    { value: "", label: "Whole organisation" },
    ...teams.map((team) => ({
      value: team.teamId,
      label: team.shown
        ? `${team.teamName} (shown, ${responsesText(team.responseCount ?? 0)})`
        : `${team.teamName} (fewer than ${threshold} responses)`,
    })),
  ];
  return (
    <form
      method="get"
      action={`/insights/surveys/${encodeURIComponent(survey.id)}`}
      aria-label="Choose a group"
      className="flex flex-wrap items-end gap-3 rounded-lg border border-stone-200 bg-white p-4"
    >
      <div className="min-w-0 flex-1 sm:max-w-md">
        <SelectField
          name="team"
          label="Results for"
          hint={`A team shows once it has ${threshold} or more responses.`}
          defaultValue={group.teamId ?? ""}
          options={options}
        />
      </div>
      <div className="pb-6">
        <Button type="submit" variant="secondary">
          Show
        </Button>
      </div>
    </form>
  );
}

function withThemeLabel(statement: SurveyResults["statements"][number]) {
  const theme = statement.theme;
  return { ...statement, themeLabel: isSurveyTheme(theme) ? THEME_LABELS[theme] : null };
}

/** The free-text answers, each question folded behind its text and count. */
function TextAnswers({ results }: { results: SurveyResults }) {
  if (!results.shown || !results.textQuestions.length) return null;
  return (
    <section aria-labelledby="text-heading" className="space-y-4">
      <h2 id="text-heading" className="text-lg font-semibold">
        In their own words
      </h2>
      <p className="text-sm text-stone-600">
        Listed in alphabetical order, never in the order they were given.
      </p>
      <div className="space-y-2">
        {results.textQuestions.map((question) => (
          <details key={question.id} className="fold">
            <summary className="fold-summary">
              {question.text}{" "}
              <span className="font-normal text-stone-700">
                ({plural(question.answers.length, "answer", "answers")})
              </span>
            </summary>
            <div className="fold-body">
              {question.answers.length ? (
                <ul
                  className="reading-width list-disc space-y-2 pl-5 text-sm"
                  aria-label={`Answers to: ${question.text}`}
                >
                  {question.answers.map((answer, index) => (
                    <li key={index} className="whitespace-pre-line">
                      {answer}
                    </li>
                  ))}
                </ul>
              ) : (
                <p className="text-sm text-stone-700">Nobody answered this question.</p>
              )}
            </div>
          </details>
        ))}
      </div>
    </section>
  );
}

export default async function SurveyResultsPage({
  params,
  searchParams,
}: {
  params: Params;
  searchParams: Promise<SearchParams>;
}) {
  const { viewer, results, round, nextRoundId } = await load(
    (await params).id,
    await teamOf(searchParams),
  );
  if (!results) notFound();
  const { survey } = results;
  const path = `/insights/surveys/${encodeURIComponent(survey.id)}`;
  const canClose = mayCloseSurvey(viewer, survey);
  const canRunAgain = mayRunSurveyAgain(viewer, {
    status: survey.status,
    hasNextRound: nextRoundId !== null,
  });

  return (
    <div className="space-y-8">
      <div className="space-y-3">
        <p className="text-sm">
          <Link href="/insights/surveys">← Pulse surveys</Link>
        </p>
        <h1 className="text-2xl font-semibold">
          {roundTitle(survey.title, round, nextRoundId !== null)}
        </h1>
        <Facts
          results={results}
          round={round}
          nextRoundId={nextRoundId}
          timeZone={viewer.timeZone}
        />
        {survey.intro ? (
          <details className="text-sm">
            <summary className="cursor-pointer text-brand-800">What members were told</summary>
            <p className="mt-2 whitespace-pre-line text-stone-700">{survey.intro}</p>
          </details>
        ) : null}
        <div className="flex flex-wrap gap-3">
          <a href={`${path}/results.csv`} className={buttonClasses("secondary")} download>
            Download CSV
          </a>
          {survey.status === "open" ? (
            <Link
              href={`/surveys/${encodeURIComponent(survey.id)}`}
              className={buttonClasses("ghost")}
            >
              See the answer form
            </Link>
          ) : null}
        </div>
      </div>

      {survey.status === "closed" ? <TeamSelector results={results} /> : null}

      <section aria-labelledby="statements-heading" className="space-y-4">
        <h2 id="statements-heading" className="text-lg font-semibold">
          Results{results.group.teamName ? ` for ${results.group.teamName}` : ""}
        </h2>
        <Threshold results={results} />
        {results.shown ? (
          <>
            <p className="text-sm text-stone-600">
              Each statement was answered from 1 (strongly disagree) to 5 (strongly agree).
              {survey.previousRoundId
                ? " Changes compare the average with the previous round, where that round's group also had enough responses."
                : null}
            </p>
            <StatementsSummary
              statements={results.statements.map(withThemeLabel)}
              compared={survey.previousRoundId !== null}
            />
            <h3 id="detail-heading" className="font-semibold">
              Statement by statement
            </h3>
            <p className="text-sm text-stone-600">
              Open a statement to see how many chose each answer.
            </p>
            <div className="max-w-4xl space-y-2">
              {results.statements.map((statement, index) => (
                <StatementResult
                  key={statement.id}
                  position={index + 1}
                  statement={withThemeLabel(statement)}
                />
              ))}
            </div>
          </>
        ) : null}
      </section>

      <TextAnswers results={results} />

      {canClose || canRunAgain ? (
        <section
          aria-labelledby="manage-heading"
          className="space-y-4 rounded-lg border border-stone-200 bg-white p-5"
        >
          <h2 id="manage-heading" className="text-lg font-semibold">
            Manage this survey
          </h2>
          {canClose ? (
            <div className="space-y-2">
              <p className="text-sm text-stone-700">
                Closing stops new answers now, before the planned closing day, and opens the
                results.
              </p>
              <CloseSurveyButton surveyId={survey.id} />
            </div>
          ) : null}
          {canRunAgain ? (
            <div className="space-y-2">
              <h3 className="font-semibold">Run again</h3>
              <p className="text-sm text-stone-700">
                A next round with the same statements and questions, so that you can see what
                changed. Dates are in your time zone, {viewer.timeZone}.
              </p>
              <RunAgainForm surveyId={survey.id} {...nextWindow(viewer.timeZone)} />
            </div>
          ) : null}
        </section>
      ) : null}
    </div>
  );
}
