// The dashboard's lead table: a key measure a row, its figure, the change and a word for it.
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { MeasureRow } from "@/lib/insights/measures";
import { MeasureSummary } from "./measure-summary";

const row = (overrides: Partial<MeasureRow>): MeasureRow => ({
  key: "members-active",
  label: "Members active",
  unit: "count",
  better: "higher",
  current: 42,
  previous: 30,
  previousKnown: true,
  change: 12,
  ...overrides,
});

describe("MeasureSummary", () => {
  it("writes each measure's figure, change and meaning", () => {
    const html = renderToStaticMarkup(
      <MeasureSummary
        rows={[
          row({}),
          row({
            key: "mentees-waiting",
            label: "Mentees waiting for a mentor",
            better: "lower",
            current: 5,
            previous: 2,
          }),
          row({ key: "overdue-check-ins", label: "Overdue check-ins", previousKnown: false }),
        ]}
        span="1 Nov – 30 Nov 2026"
        previousSpan="2 Oct – 31 Oct 2026"
      />,
    );
    expect(html).toContain("Key measures, 1 Nov – 30 Nov 2026, compared with 2 Oct – 31 Oct 2026");
    expect(html).toContain(">42</td>");
    expect(html).toContain("▲ 12");
    expect(html).toContain("up 12 from 30");
    expect(html).toContain(">Better</td>");
    expect(html).toContain(">Worse</td>");
    expect(html).toContain(">No comparison</td>");
  });
});
