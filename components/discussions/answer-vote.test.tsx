// @vitest-environment happy-dom
// The up-vote toggle: its name says the score and whether you voted, the press shows at
// once, asks the server for the state the member saw turned over, and reports a refusal.
import { act, cleanup, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { AnswerVote } from "./answer-vote";

const voteOnAnswerAction = vi.hoisted(() => vi.fn());
vi.mock("@/lib/discussions/answer-votes-actions", () => ({ voteOnAnswerAction }));

afterEach(() => {
  cleanup();
  voteOnAnswerAction.mockReset();
});

describe("AnswerVote", () => {
  it("votes up and takes the vote back, saying the score", async () => {
    let settle: (result: unknown) => void = () => {};
    voteOnAnswerAction.mockImplementation(() => new Promise((resolve) => (settle = resolve)));
    const onError = vi.fn();
    render(<AnswerVote replyId="r1" votes={{ score: 2, mine: false }} canVote onError={onError} />);
    const button = screen.getByRole("button", { name: "Upvote this answer, 2 votes" });
    expect(button.getAttribute("aria-pressed")).toBe("false");
    await act(async () => button.click());
    expect(button.getAttribute("aria-pressed")).toBe("true");
    expect(button.getAttribute("aria-label")).toBe("Upvote this answer, 3 votes, you voted");
    const sent = voteOnAnswerAction.mock.calls[0]![1] as FormData;
    expect(Object.fromEntries(sent)).toEqual({ id: "r1", vote: "up" });
    await act(async () => settle({ ok: false, message: "You can't vote on your own answer." }));
    expect(onError).toHaveBeenCalledWith("You can't vote on your own answer.");
    // Refused: the server's state (the props) shows again.
    expect(button.getAttribute("aria-pressed")).toBe("false");
  });

  it("shows only the score on the member's own answer", () => {
    render(
      <AnswerVote
        replyId="r1"
        votes={{ score: 1, mine: false }}
        canVote={false}
        onError={vi.fn()}
      />,
    );
    expect(screen.queryByRole("button")).toBeNull();
    expect(screen.getByText("1 vote")).toBeTruthy();
  });
});
