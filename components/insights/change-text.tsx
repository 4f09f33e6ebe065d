import type { MeasureUnit } from "@/lib/insights/measures";
import { describeChange } from "@/lib/insights/labels";

/**
 * The change since the previous period: an arrow and its size for the eye, the same in words
 * for screen readers ("up 12 from 40"). The arrow and the words carry it, never colour.
 */
export function ChangeText({
  current,
  previous,
  unit,
}: {
  current: number | null | undefined;
  previous: number | null | undefined;
  unit: MeasureUnit;
}) {
  const change = describeChange(current, previous, unit);
  return (
    <>
      <span aria-hidden="true">{change.symbol}</span>
      <span className="sr-only">{change.words}</span>
    </>
  );
}
