"use client";

import { useId } from "react";
import {
  Bar,
  BarChart,
  LabelList,
  Legend,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";

export interface ChartSeries {
  /** The field of each row that holds this series' number. */
  key: string;
  /** Its name in the legend and tooltip. */
  name: string;
}

export type ChartRow = Record<string, string | number>;

// Brand green, then a light fill with a hatched pattern: the series differ by more than hue,
// and every bar carries its number (the table after the chart has them all too).
const FILLS = ["#17604e", "stripes", "#a8a29e"] as const;

const shorten = (text: string) => (text.length > 16 ? `${text.slice(0, 15)}…` : text);

/**
 * A horizontal bar chart (categories down the side, so long team names fit at 375 px). It is
 * hidden from assistive technology: the page shows the same numbers in a table right after.
 */
export function InsightsBarChart({
  rows,
  categoryKey,
  series,
}: {
  rows: ChartRow[];
  categoryKey: string;
  series: ChartSeries[];
}) {
  const patternId = `stripes-${useId().replace(/:/g, "")}`;
  const barSize = 14;
  const height = 56 + rows.length * (series.length * (barSize + 4) + 14);
  return (
    <div aria-hidden="true" className="insights-chart w-full min-w-0">
      <ResponsiveContainer width="100%" height={height} initialDimension={{ width: 320, height }}>
        <BarChart
          data={rows}
          layout="vertical"
          accessibilityLayer={false}
          barGap={4}
          margin={{ top: 4, right: 36, bottom: 4, left: 4 }}
        >
          <defs>
            <pattern
              id={patternId}
              width="6"
              height="6"
              patternUnits="userSpaceOnUse"
              patternTransform="rotate(45)"
            >
              <rect width="6" height="6" fill="#d5ece4" />
              <line x1="0" y1="0" x2="0" y2="6" stroke="#1f7a63" strokeWidth="3" />
            </pattern>
          </defs>
          <XAxis type="number" allowDecimals={false} tick={{ fontSize: 12 }} />
          <YAxis
            type="category"
            dataKey={categoryKey}
            width={112}
            tick={{ fontSize: 12 }}
            tickFormatter={(value) => shorten(String(value))}
            interval={0}
          />
          <Tooltip cursor={{ fill: "#f5f5f4" }} />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          {series.map((s, index) => {
            const fill = FILLS[index % FILLS.length];
            return (
              <Bar
                key={s.key}
                dataKey={s.key}
                name={s.name}
                barSize={barSize}
                fill={fill === "stripes" ? `url(#${patternId})` : fill}
                stroke={fill === "stripes" ? "#1f7a63" : undefined}
                isAnimationActive={false}
              >
                <LabelList dataKey={s.key} position="right" fontSize={12} fill="#1c1917" />
              </Bar>
            );
          })}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
