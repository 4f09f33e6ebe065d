// What the session forms and buttons accept. Times arrive as the member's wall-clock
// "YYYY-MM-DDTHH:mm" and are read in their profile's time zone; messages name the field's rule
// so that they can show beside it.
import { idSchema } from "@/lib/core/ids";
import { communityChoiceSchema, communityMoveSchema } from "@/lib/communities/posting-choice";
import { z } from "zod";
import { idList } from "@/lib/core/forms/id-list";
import { SESSION_FORMATS } from "./formats";
import { SESSION_LIMITS } from "./limits";
import { zonedToUtc } from "@/lib/core/zoned-time";
import { isPlainLine, multiLineText, singleLineText, urlText } from "@/lib/core/forms/text";
import { formatNumber } from "@/lib/core/format";

const L = SESSION_LIMITS;

/**
 * Trimmed text with browser line endings (\r\n) counted as one; missing reads as empty. Used
 * for values read further (times, numbers); text kept as it is comes from lib/core/forms/text.
 */
const text = () =>
  z
    .string()
    .optional()
    .transform((value = "") => value.replace(/\r\n?/g, "\n").trim());

const optionalLine = (max: number, message: string) =>
  singleLineText().pipe(
    z
      .string()
      .max(max, message)
      .transform((value) => value || null),
  );

const httpUrl = z
  .string()
  .max(L.urlMax, `Keep the link under ${L.urlMax} characters.`)
  .refine((value) => {
    try {
      const url = new URL(value);
      return url.protocol === "https:" || url.protocol === "http:";
    } catch {
      return false;
    }
  }, "Enter a full web address starting with https://.");

const optionalUrl = singleLineText().pipe(z.union([z.literal("").transform(() => null), httpUrl]));

const seats = z
  .number()
  .int("Enter a whole number of seats.")
  .min(1, "A session needs at least one seat; leave it empty for no limit.")
  .max(L.capacityMax, `At most ${formatNumber(L.capacityMax)} seats.`);

/** Seats, or null for no limit (an empty field). */
const capacity = text().transform((value, context) => {
  if (!value) return null;
  if (!/^-?\d+(\.\d+)?$/.test(value)) {
    context.addIssue({
      code: "custom",
      message: "Enter the number of seats, or leave it empty for no limit.",
    });
    return z.NEVER;
  }
  const parsed = seats.safeParse(Number(value));
  if (!parsed.success) {
    context.addIssue({ code: "custom", message: parsed.error.issues[0]!.message });
    return z.NEVER;
  }
  return parsed.data;
});

/** A wall-clock time in `timeZone`, as a UTC instant. */
const zonedTime = (timeZone: string, missing: string) =>
  text().transform((value, context) => {
    if (!value) {
      context.addIssue({ code: "custom", message: missing });
      return z.NEVER;
    }
    const instant = zonedToUtc(value, timeZone);
    if (!instant) {
      context.addIssue({ code: "custom", message: "Enter a date and a time." });
      return z.NEVER;
    }
    return instant;
  });

const agendaField = (what: string) =>
  multiLineText().pipe(
    z
      .string()
      .max(
        L.agendaFieldMax,
        `Keep the ${what} under ${formatNumber(L.agendaFieldMax)} characters.`,
      ),
  );

/**
 * A session's details as the form sends them, with times read in `timeZone`. The rules
 * between fields (end after start, a sensible length) are checked here too, on the end field.
 */
export function sessionFieldsSchema(timeZone: string) {
  return z
    .object({
      title: singleLineText().pipe(
        z
          .string()
          .min(L.titleMin, `Give the session a title of at least ${L.titleMin} characters.`)
          .max(L.titleMax, `Keep the title under ${L.titleMax} characters.`),
      ),
      format: z.enum(SESSION_FORMATS, "Choose the session's format."),
      description: multiLineText().pipe(
        z
          .string()
          .min(1, "Say what the session is about.")
          .max(
            L.descriptionMax,
            `Keep the description under ${formatNumber(L.descriptionMax)} characters.`,
          ),
      ),
      startsAt: zonedTime(timeZone, "Choose when the session starts."),
      endsAt: zonedTime(timeZone, "Choose when the session ends."),
      location: optionalLine(L.locationMax, `Keep the place under ${L.locationMax} characters.`),
      meetingUrl: optionalUrl,
      capacity,
      hostIds: idList(L.maxHosts, `A session has at most ${L.maxHosts} hosts.`).refine(
        (ids) => ids.length > 0,
        "Choose at least one host.",
      ),
      goals: agendaField("goals"),
      scope: agendaField("scope"),
      openQuestions: agendaField("open questions"),
      preReadingIds: idList(
        L.maxPreReading,
        `Choose at most ${L.maxPreReading} posts to read first.`,
      ),
    })
    .superRefine((session, context) => {
      const minutes = (session.endsAt.getTime() - session.startsAt.getTime()) / 60_000;
      if (minutes <= 0) {
        context.addIssue({
          code: "custom",
          path: ["endsAt"],
          message: "The end must be after the start.",
        });
      } else if (minutes > L.maxHours * 60) {
        context.addIssue({
          code: "custom",
          path: ["endsAt"],
          message: `A session lasts at most ${L.maxHours} hours.`,
        });
      }
    });
}

export type SessionFields = z.infer<ReturnType<typeof sessionFieldsSchema>>;

export const createSessionSchema = (timeZone: string) =>
  sessionFieldsSchema(timeZone).and(
    z.object({
      proposalId: singleLineText("Unknown topic proposal.").pipe(
        z.string().max(40, "Unknown topic proposal."),
      ),
      communityId: communityChoiceSchema,
    }),
  );

export const updateSessionSchema = (timeZone: string) =>
  sessionFieldsSchema(timeZone).and(z.object({ id: idSchema, communityId: communityMoveSchema }));

export const cancelSessionSchema = z.object({
  id: idSchema,
  reason: multiLineText().pipe(
    z
      .string()
      .min(L.cancelReasonMin, "Tell attendees why the session is cancelled.")
      .max(L.cancelReasonMax, `Keep the reason under ${L.cancelReasonMax} characters.`),
  ),
});

export const sessionIdSchema = z.object({ id: idSchema });

export const rsvpSchema = z.object({
  sessionId: idSchema,
  response: z.enum(["going", "not_going"], "Choose going or not going."),
  /** Sent only by a misbehaving client: an RSVP is always the member's own. */
  memberId: z.string().max(40).refine(isPlainLine).optional(),
});

export const attendanceSchema = z.object({
  sessionId: idSchema,
  attendedIds: idList(L.capacityMax, "Too many attendees."),
});

export const checkInSchema = z.object({ sessionId: idSchema });

/** The lists' URLs: the page cursor. */
export const sessionListParamsSchema = z.object({ cursor: urlText(500).optional() });

export const mySessionsParamsSchema = sessionListParamsSchema.extend({
  when: z.enum(["upcoming", "past"]).optional(),
});
