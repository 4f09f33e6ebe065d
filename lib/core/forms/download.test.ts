// Download file names (a file name built from a title is input that goes into a header): the
// Content-Disposition header of every export is one line Node.js can send, with one file name.
import { validateHeaderValue } from "node:http";
import { describe, expect, it } from "vitest";
import { calendarResponse } from "@/lib/calendar/http";
import { contentDisposition } from "./download";

const HOSTILE = [
  'Retro "part 2"; filename=evil.exe',
  "Retro\r\nSet-Cookie: a=b",
  "Retro\u0000\u2028",
  "../../etc/passwd",
  "C:\\Windows\\evil.ics",
  "Réunion\u3000du lundi 🎉",
  "\ud800lone surrogate",
  "",
];

/** The quoted file name and the decoded filename*, as a browser reads them. */
function read(header: string) {
  const quoted = /filename="([^"]*)"/.exec(header)?.[1];
  const extended = /filename\*=UTF-8''([^;]*)$/.exec(header)?.[1];
  return { quoted, extended: extended === undefined ? undefined : decodeURIComponent(extended) };
}

describe("contentDisposition", () => {
  it.each(HOSTILE)("keeps %j to one header line and one file name", (name) => {
    const header = contentDisposition("attachment", `${name}.csv`);
    expect(() => validateHeaderValue("Content-Disposition", header)).not.toThrow();
    expect(header).toMatch(
      /^attachment; filename="[A-Za-z0-9\-_.()+,]+"(; filename\*=UTF-8''[\x21-\x7e]+)?$/,
    );
    const { quoted, extended } = read(header);
    expect(quoted).not.toMatch(/^\.|["\\/]/);
    if (extended !== undefined) expect(extended).not.toMatch(/[\p{Cc}/\\]/u);
  });

  it("writes a plain name as it is, and keeps a name in any script in filename*", () => {
    expect(contentDisposition("attachment", "session-feedback-cm0abc.csv")).toBe(
      'attachment; filename="session-feedback-cm0abc.csv"',
    );
    expect(read(contentDisposition("inline", "Réunion\u3000du lundi.ics"))).toEqual({
      quoted: "Reunion-du-lundi.ics",
      extended: "Réunion\u3000du lundi.ics",
    });
  });

  it("is what the calendar downloads send, whatever the file name", () => {
    const response = calendarResponse("BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n", {
      fileName: 'a"\r\nb.ics',
      disposition: "attachment",
      cacheControl: "no-store",
    });
    expect(response.headers.get("content-disposition")).toBe(
      `attachment; filename="a-b.ics"; filename*=UTF-8''a%22-b.ics`,
    );
  });
});
