// @vitest-environment happy-dom
// The survey answer form with its server action stubbed (the service has its own database
// tests): radio groups used from the keyboard, what is sent, the pending button, errors
// beside their statements with the choices kept, and the thank-you that replaces the form.
import { act, cleanup, render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { ActionResult } from "@/lib/core/forms/action-result";
import { deferredResults } from "@/test/dom";
import { submitResponseAction } from "@/lib/surveys/actions";
import { AnswerForm, type AnswerQuestion } from "./answer-form";

vi.mock("@/lib/surveys/actions", () => ({ submitResponseAction: vi.fn() }));
const action = vi.mocked(submitResponseAction);

const QUESTIONS: AnswerQuestion[] = [
  { id: "s1", kind: "SCALE", text: "I know what is expected of me." },
  { id: "s2", kind: "SCALE", text: "I have time to learn." },
  { id: "t1", kind: "TEXT", text: "What would help?" },
];

beforeEach(() => action.mockReset());
afterEach(cleanup);

function renderForm(props: { answered?: boolean; unavailable?: string | null } = {}) {
  const user = userEvent.setup();
  render(
    <AnswerForm
      surveyId="sv1"
      questions={QUESTIONS}
      answered={props.answered ?? false}
      unavailable={props.unavailable ?? null}
      openUntil="Friday 12 December"
    />,
  );
  return { user };
}

const statement = (n: number, text: string) =>
  screen.getByRole("radiogroup", { name: `Statement ${n}: ${text}` });
const radio = (group: HTMLElement, name: RegExp) =>
  within(group).getByRole<HTMLInputElement>("radio", { name });
const submitButton = () => screen.getByRole<HTMLButtonElement>("button", { name: /Send|Sending/ });

const deferred = deferredResults();

describe("AnswerForm", () => {
  it("answers each statement from the keyboard: Tab into a group, arrows to choose", async () => {
    action.mockResolvedValue({ ok: true });
    const { user } = renderForm();
    const first = statement(1, "I know what is expected of me.");
    const second = statement(2, "I have time to learn.");
    expect(first.getAttribute("aria-required")).toBe("true");
    expect(first.hasAttribute("aria-invalid")).toBe(false);

    await user.tab();
    expect(document.activeElement).toBe(radio(first, /Strongly disagree/));
    await user.keyboard("{ArrowRight}{ArrowRight}{ArrowRight}");
    expect(radio(first, /^4 Agree/).checked).toBe(true);
    expect(document.activeElement).toBe(radio(first, /^4 Agree/));

    await user.tab();
    expect(document.activeElement).toBe(radio(second, /Strongly disagree/));
    await user.keyboard(" ");
    expect(radio(second, /^1 Strongly disagree/).checked).toBe(true);

    await user.tab();
    const text = screen.getByRole("textbox", { name: "What would help?" });
    expect(document.activeElement).toBe(text);
    await user.type(text, "More pairing");
    await user.tab();
    expect(document.activeElement).toBe(submitButton());
    await user.keyboard("{Enter}");

    expect(action).toHaveBeenCalledTimes(1);
    const data = action.mock.calls[0]![1];
    expect(data.get("surveyId")).toBe("sv1");
    expect(data.get("q-s1")).toBe("4");
    expect(data.get("q-s2")).toBe("1");
    expect(data.get("q-t1")).toBe("More pairing");
  });

  it("shows Sending… on a disabled button while the answers are sent", async () => {
    const pending = deferred<ActionResult>();
    action.mockReturnValue(pending.promise);
    const { user } = renderForm();
    await user.click(submitButton());
    expect(submitButton().textContent).toBe("Sending…");
    expect(submitButton().disabled).toBe(true);

    await act(async () => pending.resolve({ ok: false, message: "Something went wrong." }));
    expect(submitButton().textContent).toBe("Send my answers");
    expect(submitButton().disabled).toBe(false);
    expect(within(screen.getByRole("status")).getByText("Something went wrong.")).toBeTruthy();
  });

  it("puts an unanswered statement's error beside it and keeps the other answers", async () => {
    action.mockResolvedValue({
      ok: false,
      message: "Please answer every statement.",
      fieldErrors: { "q-s1": ["Choose an answer from 1 to 5."] },
      values: { surveyId: "sv1", "q-s2": "5", "q-t1": "Less noise" },
    });
    const { user } = renderForm();
    await user.click(submitButton());

    expect(await screen.findByText("Please answer every statement.")).toBeTruthy();
    const first = statement(1, "I know what is expected of me.");
    expect(first.getAttribute("aria-invalid")).toBe("true");
    expect(first.getAttribute("aria-describedby")).toBe("q-s1-error");
    const error = document.getElementById("q-s1-error")!;
    expect(first.contains(error)).toBe(true);
    expect(error.getAttribute("aria-live")).toBe("polite");
    expect(error.textContent).toBe("Choose an answer from 1 to 5.");

    const second = statement(2, "I have time to learn.");
    expect(second.hasAttribute("aria-invalid")).toBe(false);
    expect(document.getElementById("q-s2-error")!.textContent).toBe("");
    expect(radio(second, /Strongly agree/).checked).toBe(true);
    expect(
      screen.getByRole<HTMLTextAreaElement>("textbox", { name: "What would help?" }).value,
    ).toBe("Less noise");
  });

  it("replaces the form with a thank-you once the answers are sealed", async () => {
    action.mockResolvedValue({ ok: true });
    const { user } = renderForm();
    await user.click(radio(statement(1, "I know what is expected of me."), /^3/));
    await user.click(submitButton());

    const thanks = await screen.findByRole("status");
    expect(within(thanks).getByText("Thank you for answering.")).toBeTruthy();
    expect(screen.queryByRole("radiogroup")).toBeNull();
    expect(screen.queryByRole("button", { name: "Send my answers" })).toBeNull();
  });

  it("shows instead of the form that the member already answered, or why it is closed", () => {
    renderForm({ answered: true });
    expect(
      within(screen.getByRole("status")).getByText(
        "You have already answered this survey. Thank you!",
      ),
    ).toBeTruthy();
    expect(screen.queryByRole("radiogroup")).toBeNull();
    cleanup();

    renderForm({ unavailable: "This survey closed on 1 December." });
    expect(
      within(screen.getByRole("status")).getByText("This survey closed on 1 December."),
    ).toBeTruthy();
    expect(screen.queryByRole("button", { name: "Send my answers" })).toBeNull();
  });
});
