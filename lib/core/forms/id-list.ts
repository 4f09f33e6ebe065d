import { z } from "zod";
import { isPlainLine } from "./text";

/**
 * One id or a list of ids from a form (repeated fields such as chosen members), trimmed,
 * deduplicated and in order; at most `max`, with `tooMany` as the message beyond that.
 */
export const idList = (max: number, tooMany: string) =>
  z
    .union([z.string(), z.array(z.string())])
    .optional()
    .transform((value) => {
      const list = value === undefined ? [] : Array.isArray(value) ? value : [value];
      return [...new Set(list.map((id) => id.trim()).filter(Boolean))];
    })
    .pipe(
      z
        .array(z.string().max(40, "Unknown id.").refine(isPlainLine, "Unknown id."))
        .max(max, tooMany),
    );
