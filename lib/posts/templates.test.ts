import { describe, expect, it } from "vitest";
import { extractHeadings } from "@/lib/core/markdown/headings";
import { addMonths, parseDateInput, toDateInput, utcToday } from "@/lib/core/dates";
import { isReviewDue } from "./review-dates";
import {
  isBlankOrTemplate,
  LESSON_PROMPTS,
  POST_TEMPLATES,
  POST_TYPE_SLUGS,
  postTypeFromSlug,
} from "./types";

describe("post templates", () => {
  it("starts a lesson learned with the three prompts as headings", () => {
    expect(extractHeadings(POST_TEMPLATES.LESSON_LEARNED).map((h) => h.text)).toEqual([
      "What happened",
      "What we learned",
      "What we'd do differently",
    ]);
    expect(LESSON_PROMPTS).toHaveLength(3);
  });

  it("knows an untouched template from a written body", () => {
    expect(isBlankOrTemplate("  ")).toBe(true);
    expect(isBlankOrTemplate(POST_TEMPLATES.HOW_TO.replace(/\n/g, "\r\n"))).toBe(true);
    expect(isBlankOrTemplate(`${POST_TEMPLATES.HOW_TO}Step one`)).toBe(false);
  });

  it("maps URL slugs to types and back", () => {
    expect(postTypeFromSlug("lesson-learned")).toBe("LESSON_LEARNED");
    expect(postTypeFromSlug(POST_TYPE_SLUGS.HOW_TO)).toBe("HOW_TO");
    expect(postTypeFromSlug("LESSON_LEARNED")).toBeUndefined();
    expect(postTypeFromSlug(undefined)).toBeUndefined();
  });
});

describe("review dates", () => {
  it("adds months, keeping the day or the month's last day", () => {
    const d = (text: string) => new Date(`${text}T00:00:00Z`);
    expect(addMonths(d("2026-01-15"), 6)).toEqual(d("2026-07-15"));
    expect(addMonths(d("2025-08-31"), 6)).toEqual(d("2026-02-28"));
    expect(addMonths(d("2027-08-31"), 6)).toEqual(d("2028-02-29"));
    expect(addMonths(d("2026-10-31"), 6)).toEqual(d("2027-04-30"));
  });

  it("is due the day after the review date (UTC)", () => {
    const now = new Date("2026-05-10T23:30:00Z");
    expect(isReviewDue(new Date("2026-05-10T00:00:00Z"), now)).toBe(false);
    expect(isReviewDue(new Date("2026-05-09T00:00:00Z"), now)).toBe(true);
  });

  it("reads only real dates from a date field", () => {
    expect(parseDateInput("2026-02-28")).toEqual(new Date("2026-02-28T00:00:00Z"));
    expect(parseDateInput("2026-02-29")).toBeNull();
    expect(parseDateInput("2026-2-1")).toBeNull();
    expect(parseDateInput("")).toBeNull();
    expect(toDateInput(utcToday(new Date("2026-05-10T23:30:00Z")))).toBe("2026-05-10");
  });
});
