// The thread's "asking colleagues" panel: for the member who was asked, why and what they can
// do; for the asker, who was asked (never what they answered); for any reader of an open
// question, "Find someone who can answer". Loads its data in one statement.
import { loadAskPanel } from "@/lib/asks/panel";
import { MyAskSection } from "./my-ask";
import { FindHelpersButton } from "./find-helpers-button";

function listText(items: readonly string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

export async function AskPanel({
  discussionId,
  viewerId,
  kind,
}: {
  discussionId: string;
  viewerId: string;
  /** Only questions are routed: a discussion's thread costs no query. */
  kind: "DISCUSSION" | "QUESTION";
}) {
  if (kind !== "QUESTION") return null;
  const panel = await loadAskPanel(viewerId, discussionId);
  if (!panel || !panel.isQuestion) return null;
  const { myAsk } = panel;
  if (!myAsk && panel.askedNames.length === 0 && !panel.canFindHelpers) return null;
  return (
    <section
      aria-labelledby="asks-heading"
      className="space-y-3 rounded-lg border border-stone-200 bg-white p-4"
    >
      <h2 id="asks-heading" className="text-lg font-semibold">
        {myAsk ? "You were asked to help" : "Asking colleagues"}
      </h2>
      {myAsk ? <MyAskSection myAsk={myAsk} open={panel.open} what="question" /> : null}
      {panel.isAsker && panel.askedNames.length ? (
        <p className="text-sm text-stone-700">Asked to help: {listText(panel.askedNames)}.</p>
      ) : null}
      {!myAsk && panel.canFindHelpers ? <FindHelpersButton discussionId={discussionId} /> : null}
    </section>
  );
}
