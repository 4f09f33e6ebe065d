import { z } from "zod";
import { blankToUndefined, flag, idSchema } from "../schemas";
import { REACTION_KINDS } from "./kinds";

/** A reaction button's form: the discussion's or reply's id, the kind, and the state asked for. */
export const reactionSchema = z.object({
  id: idSchema,
  kind: z.enum(REACTION_KINDS),
  /** The state the member asked for; absent: the opposite of the current one. */
  on: z.preprocess(blankToUndefined, flag.optional()),
});
