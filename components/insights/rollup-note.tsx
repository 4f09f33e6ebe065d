import { formatDateTime } from "@/lib/core/date-format";
import { ROLLUP_MAX_AGE_MS, type RollupStatus } from "@/lib/insights/rollup";

const MINUTES = ROLLUP_MAX_AGE_MS / 60_000;

/** Up to when members' activity is counted: when the roll-up was built, unless read live. */
export function RollupNote({ rollup, timeZone }: { rollup: RollupStatus; timeZone: string }) {
  const { rolledUntil, live } = rollup.source;
  return (
    <p className="text-sm text-stone-600">
      {rolledUntil && !live
        ? `Counts activity up to ${formatDateTime(rolledUntil, timeZone)}; the counts are renewed at most every ${MINUTES} minutes.`
        : "Counts activity up to now."}
    </p>
  );
}
