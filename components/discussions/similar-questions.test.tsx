// @vitest-environment happy-dom
// Similar questions under the title being typed: looked up once typing pauses, announced by
// count in a polite status, never for a title too short to say anything.
import { act, cleanup, render, screen } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { SimilarQuestions } from "./similar-questions";

const questions = [
  { id: "d1", title: "How do we run retros?", kind: "QUESTION", answered: true, replyCount: 4 },
  {
    id: "d2",
    title: "Retros across time zones",
    kind: "DISCUSSION",
    answered: false,
    replyCount: 1,
  },
];
const fetchMock = vi.fn(async () => Response.json({ questions }));

beforeEach(() => {
  vi.useFakeTimers();
  fetchMock.mockClear();
  vi.stubGlobal("fetch", fetchMock);
});

afterEach(() => {
  cleanup();
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

const pause = (ms: number) => act(async () => vi.advanceTimersByTimeAsync(ms));

describe("SimilarQuestions", () => {
  it("looks up the title once typing pauses and lists what it finds", async () => {
    const { rerender } = render(<SimilarQuestions title="How do we" />);
    await pause(100);
    rerender(<SimilarQuestions title="How do we run retros" />);
    await pause(299);
    expect(fetchMock).not.toHaveBeenCalled();
    await pause(1);
    expect(fetchMock).toHaveBeenCalledTimes(1);
    expect(fetchMock).toHaveBeenCalledWith(
      "/api/discussions/similar?q=How+do+we+run+retros",
      expect.anything(),
    );
    expect(screen.getByRole("status").textContent).toBe("2 similar questions");
    const links = screen.getAllByRole("link");
    expect(links.map((link) => link.getAttribute("href"))).toEqual([
      "/discussions/d1",
      "/discussions/d2",
    ]);
    expect(screen.getByText("Answered")).toBeTruthy();
    expect(screen.getByText("4 replies")).toBeTruthy();
    expect(screen.getByText("1 reply")).toBeTruthy();
  });

  it("asks nothing for fewer than three words and ten characters, and clears the list", async () => {
    const { rerender } = render(<SimilarQuestions title="Retros now" />);
    await pause(400);
    expect(fetchMock).toHaveBeenCalledTimes(1);
    rerender(<SimilarQuestions title="Retro" />);
    await pause(400);
    expect(fetchMock).toHaveBeenCalledTimes(1);
    expect(screen.queryByRole("link")).toBeNull();
    expect(screen.getByRole("status").textContent).toBe("");
  });
});
