import { z } from "zod";
import { roleSchema } from "@/lib/core/auth/permissions";
import { urlText } from "@/lib/core/forms/text";
import { plainIdSchema as idSchema } from "@/lib/core/ids";

export const memberStatusSchema = z.enum(["ACTIVE", "DEACTIVATED"], {
  error: "Choose active or deactivated.",
});

export const changeMemberRoleSchema = z.object({ memberId: idSchema, role: roleSchema });
export const setMemberStatusSchema = z.object({
  memberId: idSchema,
  status: memberStatusSchema,
});

const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

/** /admin/members URL filters; a malformed one is a 404. */
export const memberFilterSchema = z.object({
  q: z.preprocess(blankToUndefined, urlText(100).trim().optional()),
  role: z.preprocess(blankToUndefined, roleSchema.optional()),
  status: z.preprocess(blankToUndefined, memberStatusSchema.optional()),
  cursor: z.preprocess(blankToUndefined, urlText(500).optional()),
});

export type MemberFilter = z.infer<typeof memberFilterSchema>;

/** Sort key of the last member shown: (name, id), ascending. */
export const memberCursorSchema = z.tuple([z.string(), idSchema]);
