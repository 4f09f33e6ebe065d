import type { Metadata } from "next";
import { PrivateFeedbackForm } from "@/components/private-feedback/feedback-form";
import { PrivacyNote } from "@/components/private-feedback/privacy-note";
import { requirePermission } from "@/lib/core/auth/session";
import { firstValues, type SearchParams } from "@/lib/core/pagination/search-params";
import { feedbackRecipientOption } from "@/lib/private-feedback/queries";
import { newFeedbackParamsSchema } from "@/lib/private-feedback/schemas";

export const metadata: Metadata = { title: "Send private feedback" };

/** /feedback/new?to=<memberId> starts a note to that member. */
export default async function NewPrivateFeedbackPage({
  searchParams,
}: {
  searchParams: Promise<SearchParams>;
}) {
  const viewer = await requirePermission("create:private-feedback:any");
  const parsed = newFeedbackParamsSchema.safeParse(firstValues(await searchParams));
  const recipient = await feedbackRecipientOption(viewer, parsed.data?.to);
  return (
    <div className="space-y-6">
      <div className="space-y-2">
        <h1 className="text-2xl font-semibold">Send private feedback</h1>
        <p className="text-stone-700">
          A supportive note for one member: something they did well, or how they helped you.
        </p>
      </div>
      <PrivacyNote who={`you and ${recipient?.label ?? "the member you send it to"}`} />
      <PrivateFeedbackForm recipient={recipient} />
    </div>
  );
}
