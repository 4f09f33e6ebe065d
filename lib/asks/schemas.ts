import { z } from "zod";
import { cuidId } from "@/lib/core/ids";

const discussionId = cuidId("That is not a valid question.");
const askId = cuidId("That is not a valid ask.");

export const findHelpersSchema = z.object({ discussionId });
export const routeRequestSchema = z.object({ requestId: cuidId("That is not a valid request.") });
export const passAskSchema = z.object({ askId });
export const suggestOtherSchema = z.object({
  askId,
  memberId: cuidId("Choose a member from the list."),
});
