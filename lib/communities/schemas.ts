// The input shapes of the communities' actions and pages: every form and URL value is parsed
// here before any permission or database work.
import { z } from "zod";
import { cuidId } from "@/lib/core/ids";
import { multiLineText, singleLineText, urlText } from "@/lib/core/forms/text";
import { COMMUNITY_LIMITS as L } from "./limits";

export const COMMUNITY_ACCESS = ["OPEN", "BY_REQUEST", "PRIVATE"] as const;

const communityId = cuidId("That is not a valid community.");
const memberId = cuidId("Choose a member.");

const name = singleLineText()
  .transform((value) => value.replace(/\s+/g, " "))
  .pipe(
    z
      .string()
      .min(L.nameMin, `Give it a name of at least ${L.nameMin} characters.`)
      .max(L.nameMax, `Keep the name under ${L.nameMax} characters.`),
  );

const purpose = multiLineText().pipe(
  z
    .string()
    .min(L.purposeMin, `Say in at least ${L.purposeMin} characters what the community is for.`)
    .max(L.purposeMax, `Keep the purpose under ${L.purposeMax} characters.`),
);

export const communityFieldsSchema = z.object({
  name,
  purpose,
  access: z.enum(COMMUNITY_ACCESS, { error: "Choose who can join." }),
  // allowsAnonymousQuestions is set here once anonymous questions exist (issue 20 §2).
});

export const createCommunitySchema = communityFieldsSchema;

export const updateCommunitySchema = communityFieldsSchema.extend({ communityId });

export const communityRefSchema = z.object({ communityId });

export const communityMemberSchema = z.object({ communityId, memberId });

export const requestDecisionSchema = communityMemberSchema.extend({
  decision: z.enum(["approve", "decline"], { error: "Approve or decline the request." }),
});

export const invitationAnswerSchema = communityRefSchema.extend({
  answer: z.enum(["accept", "decline"], { error: "Accept or decline the invitation." }),
});

export const leaveCommunitySchema = communityRefSchema.extend({
  /** The lead who takes over when the last lead leaves. */
  successorId: z.preprocess(
    (v) => (v === "" || v === null ? undefined : v),
    cuidId("Choose who leads after you.").optional(),
  ),
});

export const communityRoleSchema = communityMemberSchema.extend({
  role: z.enum(["LEAD", "MEMBER"], { error: "Choose lead or member." }),
});

export const followCommunitySchema = communityRefSchema.extend({
  following: z.enum(["true", "false"]).transform((value) => value === "true"),
});

/** The directory's URL: a search of at most a line; anything odd is simply no search. */
export const directorySearchSchema = urlText(L.searchMax).transform((value) => value.trim());

export type CommunityFields = z.infer<typeof communityFieldsSchema>;
