// The accepted answer offers "Thank <answerer>" by recognition's one rule (mayRecognise): to
// a viewer who may give recognition, never to the answerer, never for a deactivated member.
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { AcceptedAnswer as Answer } from "@/lib/discussions/thread-queries";
import { AcceptedAnswer } from "./accepted-answer";

const answer: Answer = {
  id: "reply1",
  authorId: "answerer1",
  authorName: "Priya Shah",
  authorAvatarId: null,
  authorActive: true,
  voteScore: 2,
  body: "Use the **shared** queue.",
  createdAt: new Date("2026-11-30T10:00:00Z"),
  href: "#reply-reply1",
};

function html(viewer: { id: string; role: "MEMBER" | "LEADER" | "ADMIN" }, shown = answer) {
  return renderToStaticMarkup(
    <AcceptedAnswer answer={shown} discussionId="d1" viewer={viewer} timeZone="UTC" />,
  );
}

describe("AcceptedAnswer", () => {
  it("offers thanks to another member for an active answerer, linking the answer", () => {
    const page = html({ id: "asker1", role: "MEMBER" });
    expect(page).toContain("Thank Priya Shah");
    expect(page).toContain(
      `/recognition/new?to=answerer1&amp;link=${encodeURIComponent("/discussions/d1/replies/reply1")}`,
    );
    expect(page).toContain("<strong>shared</strong>");
  });

  it("offers no thanks to the answerer or for a deactivated answerer", () => {
    expect(html({ id: "answerer1", role: "MEMBER" })).not.toContain("Thank ");
    expect(html({ id: "asker1", role: "ADMIN" }, { ...answer, authorActive: false })).not.toContain(
      "Thank ",
    );
  });
});
