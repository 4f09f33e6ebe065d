import Link from "next/link";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import type { ParsedPeriod } from "@/lib/insights/period";
import { addMonths, toDateInput, utcToday } from "@/lib/core/dates";

const DAY_MS = 86_400_000;

/** The quick periods, each ending today (UTC) and including it. */
function quickPeriods(now: Date) {
  const today = utcToday(now);
  const daysBack = (days: number) => new Date(today.getTime() - (days - 1) * DAY_MS);
  const monthsBack = (months: number) => new Date(addMonths(today, -months).getTime() + DAY_MS);
  const to = toDateInput(today);
  return [
    { label: "Last 30 days", from: toDateInput(daysBack(30)), to },
    { label: "Last 90 days", from: toDateInput(daysBack(90)), to },
    { label: "Last 6 months", from: toDateInput(monthsBack(6)), to },
    { label: "Last 12 months", from: toDateInput(monthsBack(12)), to },
  ];
}

/**
 * The period chooser of the insights pages (a GET form, so the period is in the URL and every
 * page can be bookmarked or shared), with quick periods ending today.
 */
export function PeriodForm({
  action,
  period,
  now = new Date(),
}: {
  action: string;
  period: Pick<ParsedPeriod, "fromInput" | "toInput">;
  now?: Date;
}) {
  return (
    <div className="print-hidden space-y-3 rounded-lg border border-stone-200 bg-white p-4">
      <form
        method="get"
        action={action}
        aria-label="Choose the period"
        className="grid gap-4 sm:grid-cols-[1fr_1fr_auto] sm:items-start"
      >
        <TextField name="from" label="From" type="date" defaultValue={period.fromInput} required />
        <TextField
          name="to"
          label="To (included)"
          type="date"
          defaultValue={period.toInput}
          required
        />
        <div className="sm:pt-6">
          <Button type="submit" variant="secondary">
            Show period
          </Button>
        </div>
      </form>
      <nav aria-label="Quick periods">
        <ul className="flex flex-wrap gap-x-4 gap-y-2 text-sm">
          {quickPeriods(now).map((quick) => {
            const current = quick.from === period.fromInput && quick.to === period.toInput;
            return (
              <li key={quick.label}>
                <Link
                  href={`${action}?from=${quick.from}&to=${quick.to}`}
                  aria-current={current ? "page" : undefined}
                  className={current ? "font-semibold" : undefined}
                >
                  {quick.label}
                </Link>
              </li>
            );
          })}
        </ul>
      </nav>
    </div>
  );
}

/** "Showing … compared with …", and why an asked-for period was not used. */
export function PeriodSummary({
  period,
  refused,
}: {
  period: Pick<ParsedPeriod, "label" | "previousLabel">;
  refused: boolean;
}) {
  return (
    <div className="space-y-2">
      <p className="text-stone-800">
        <span className="font-medium">This period:</span> {period.label}.{" "}
        <span className="font-medium">Compared with the period before, of the same length:</span>{" "}
        {period.previousLabel}.
      </p>
      <div role="status" aria-live="polite">
        {refused ? (
          <p className="rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-900">
            That period could not be used (enter real dates, the first not after the last, at most
            about three years apart). Showing the last 90 days instead.
          </p>
        ) : null}
      </div>
    </div>
  );
}

/** Whether the URL asked for a period that parsePeriod() replaced with the default. */
export function periodRefused(
  query: Record<string, string | string[] | undefined>,
  period: Pick<ParsedPeriod, "fromInput" | "toInput">,
): boolean {
  const first = (value: string | string[] | undefined) =>
    (Array.isArray(value) ? value[0] : value)?.trim() || "";
  const from = first(query.from);
  const to = first(query.to);
  return Boolean((from && from !== period.fromInput) || (to && to !== period.toInput));
}
