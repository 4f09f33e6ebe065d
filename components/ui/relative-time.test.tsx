// The <time> element every date in the app is written with: relative text, the ISO instant
// and the full date and time in the member's zone as its title.
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { When } from "@/components/discussions/when";
import { RelativeTime } from "./relative-time";

describe("RelativeTime", () => {
  it("renders the relative text in a <time> with the instant and a full-date title", () => {
    const html = renderToStaticMarkup(
      <RelativeTime
        date={new Date("2026-11-03T08:05:00Z")}
        timeZone="Europe/Paris"
        now={new Date("2026-11-03T11:06:00Z")}
      />,
    );
    expect(html).toBe(
      '<time dateTime="2026-11-03T08:05:00.000Z" title="3 Nov 2026, 09:05">3 h ago</time>',
    );
  });

  it("is what When renders, counted from the time of the request", () => {
    const date = new Date(Date.now() - 5 * 60_000 - 1_000);
    const html = renderToStaticMarkup(<When date={date} timeZone="UTC" />);
    expect(html).toContain(">5 min ago</time>");
  });
});
