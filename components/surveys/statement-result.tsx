// One statement's results: how many chose each score (bars with their numbers, then the same
// as a table), the average, and the change since the previous round; and the summary table
// of every statement that leads the results page.
import { ScrollableTable } from "@/components/ui/scrollable-table";
import { DataTable } from "@/components/ui/data-table";
import {
  averageMeaning,
  describeChange,
  formatAverage,
  percent,
  SCALE,
} from "@/lib/surveys/labels";
import { formatNumber } from "@/lib/core/format";

export interface StatementFigures {
  id: string;
  text: string;
  themeLabel: string | null;
  /** How many chose 1, 2, 3, 4 and 5. */
  distribution: readonly number[];
  average: number | null;
  change: number | null;
}

const CELL = "border-b border-stone-200 px-3 py-2 text-left align-top";
const NUMBER = `${CELL} text-right tabular-nums`;

export function Change({ change }: { change: number | null }) {
  if (change === null) return null;
  const { mark, words, tone } = describeChange(change);
  return (
    <span className={`font-medium whitespace-nowrap ${tone}`}>
      <span aria-hidden="true">{mark}</span>
      <span className="sr-only">{words}</span>
    </span>
  );
}

/** "Average 3.8 out of 5 · ▲ +0.4", or that nobody answered. */
function AverageLine({ statement }: { statement: StatementFigures }) {
  if (statement.average === null) return <>No answers yet.</>;
  return (
    <>
      Average <strong>{formatAverage(statement.average)}</strong> out of 5
      {statement.change !== null ? (
        <>
          {" · "}
          <Change change={statement.change} />
        </>
      ) : null}
    </>
  );
}

/**
 * One statement folded behind its text and average (closed by default: the summary table
 * above gives every statement's figures); opened, the bars and the same as a table.
 */
export function StatementResult({
  statement,
  position,
}: {
  statement: StatementFigures;
  position: number;
}) {
  const total = statement.distribution.reduce((sum, n) => sum + n, 0);
  return (
    <details className="fold" id={`statement-${statement.id}`}>
      <summary className="fold-summary">
        <span className="sr-only">Statement {position}: </span>
        {statement.text}
        <span className="text-sm font-normal text-stone-700">
          {" · "}
          {statement.themeLabel ? <>{statement.themeLabel} · </> : null}
          <AverageLine statement={statement} />
        </span>
      </summary>
      <div className="fold-body">
        <ul className="space-y-1.5 text-sm" aria-label={`Answers to: ${statement.text}`}>
          {SCALE.map(({ score, label }, index) => {
            const count = statement.distribution[index] ?? 0;
            return (
              <li
                key={score}
                className="grid grid-cols-[minmax(0,9rem)_1fr_auto] items-center gap-2 sm:grid-cols-[13rem_1fr_6rem]"
              >
                <span className="text-stone-800">
                  {score} {label}
                </span>
                <span aria-hidden="true" className="block h-3 rounded-sm bg-stone-100">
                  <span
                    className="block h-3 rounded-sm bg-brand-600"
                    style={{ width: `${total ? (count / total) * 100 : 0}%` }}
                  />
                </span>
                <span className="text-right tabular-nums">
                  {formatNumber(count)}{" "}
                  <span className="text-stone-600">({percent(count, total)})</span>
                </span>
              </li>
            );
          })}
        </ul>
        <details className="text-sm">
          <summary className="cursor-pointer text-brand-800">
            Show as a table<span className="sr-only">: {statement.text}</span>
          </summary>
          <div className="mt-2">
            <ScrollableTable label={`Table: ${statement.text}`}>
              <table className="w-full text-sm">
                <caption className="p-3 text-left font-semibold">
                  Answers to &ldquo;{statement.text}&rdquo;
                </caption>
                <thead>
                  <tr>
                    <th scope="col" className={CELL}>
                      Answer
                    </th>
                    <th scope="col" className={NUMBER}>
                      Responses
                    </th>
                    <th scope="col" className={NUMBER}>
                      Share
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {SCALE.map(({ score, label }, index) => {
                    const count = statement.distribution[index] ?? 0;
                    return (
                      <tr key={score}>
                        <th scope="row" className={`${CELL} font-normal`}>
                          {score} {label}
                        </th>
                        <td className={NUMBER}>{formatNumber(count)}</td>
                        <td className={NUMBER}>{percent(count, total)}</td>
                      </tr>
                    );
                  })}
                </tbody>
                <tfoot>
                  <tr>
                    <th scope="row" className={`${CELL} font-semibold`}>
                      Total
                    </th>
                    <td className={`${NUMBER} font-semibold`}>{formatNumber(total)}</td>
                    <td className={NUMBER}>{total ? "100%" : "0%"}</td>
                  </tr>
                </tfoot>
              </table>
            </ScrollableTable>
          </div>
        </details>
      </div>
    </details>
  );
}

/** Every statement in one row: its average, the change since the previous round, in a word. */
export function StatementsSummary({
  statements,
  compared,
}: {
  statements: StatementFigures[];
  /** Whether there is a previous round to compare with. */
  compared: boolean;
}) {
  const columns = [
    { label: "Statement" },
    { label: "Average (1–5)", numeric: true },
    ...(compared ? [{ label: "Since the previous round", numeric: true }] : []),
    { label: "On average" },
  ];
  return (
    <DataTable
      caption="Summary: each statement's average"
      columns={columns}
      rows={statements.map((statement) => ({
        key: statement.id,
        cells: [
          statement.text,
          statement.average === null ? "—" : formatAverage(statement.average),
          ...(compared
            ? [statement.change === null ? "—" : <Change change={statement.change} />]
            : []),
          statement.average === null ? "No answers" : averageMeaning(statement.average),
        ],
      }))}
      empty="No statements."
    />
  );
}
