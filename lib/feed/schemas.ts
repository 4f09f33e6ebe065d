import { z } from "zod";
import { urlText } from "@/lib/core/forms/text";

const blankToUndefined = (v: unknown) => (v === "" || v === null ? undefined : v);

/** URL parameters of a feed (the home page, a tag page): only the page cursor. */
export const feedPageSchema = z.object({
  cursor: z.preprocess(blankToUndefined, urlText(500).optional()),
});
