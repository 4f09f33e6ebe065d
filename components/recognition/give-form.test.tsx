// @vitest-environment happy-dom
// The give-recognition form's states with its server action stubbed (the service has its own
// database tests): what it sends, the pending button, errors from the action beside their
// fields with what was typed kept, and the move to the new recognition on success.
import { act, cleanup, render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { ActionResult } from "@/lib/core/forms/action-result";
import { deferredResults } from "@/test/dom";
import { giveRecognitionAction } from "@/lib/recognition/actions";
import { GiveRecognitionForm } from "./give-form";

vi.mock("@/lib/recognition/actions", () => ({ giveRecognitionAction: vi.fn() }));
const push = vi.fn();
vi.mock("next/navigation", () => ({ useRouter: () => ({ push }) }));

const action = vi.mocked(giveRecognitionAction);

const VALUES = [
  {
    id: "v1",
    name: "Curiosity",
    description: "Asks why",
    emoji: "🔍",
    colour: "blue",
  },
  { id: "v2", name: "Care", description: "", emoji: "", colour: "green" },
];

beforeEach(() => {
  action.mockReset();
  push.mockReset();
  vi.stubGlobal(
    "fetch",
    vi.fn(async () =>
      Response.json({ members: [{ id: "m9", name: "Grace Hopper", title: null }] }),
    ),
  );
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function renderForm(canGiveAsLeader = true) {
  const user = userEvent.setup();
  render(
    <GiveRecognitionForm
      values={VALUES}
      teams={[{ id: "t1", name: "Platform" }]}
      initialRecipients={[{ id: "m1", label: "Ada Lovelace" }]}
      initialLink="/discussions/d1"
      canGiveAsLeader={canGiveAsLeader}
    />,
  );
  return { user, submit: screen.getByRole("button", { name: "Send recognition" }) };
}

const deferred = deferredResults();

describe("GiveRecognitionForm", () => {
  it("is reached field by field with Tab, in reading order", async () => {
    const { user } = renderForm();
    await user.tab();
    expect(document.activeElement).toBe(
      screen.getByRole("button", { name: "Remove Ada Lovelace" }),
    );
    await user.tab();
    expect(document.activeElement).toBe(
      screen.getByRole("combobox", { name: "Who are you thanking?" }),
    );
    await user.tab();
    expect(document.activeElement).toBe(screen.getByRole("combobox", { name: "Or a whole team" }));
    await user.tab();
    expect(document.activeElement).toBe(screen.getByRole("radio", { name: /Curiosity/ }));
  });

  it("sends the chosen members, value, message, link and leader flag to the action", async () => {
    action.mockResolvedValue({ ok: true, data: { id: "r1" } });
    const { user, submit } = renderForm();

    await user.type(screen.getByRole("combobox", { name: "Who are you thanking?" }), "gr");
    await screen.findByRole("option", { name: "Grace Hopper" });
    await user.keyboard("{Enter}");
    await user.click(screen.getByRole("radio", { name: /Care/ }));
    await user.type(screen.getByRole("textbox", { name: "Your message" }), "Thanks for the review");
    await user.click(screen.getByRole("checkbox", { name: /Give as a leader/ }));
    await user.click(submit);

    expect(action).toHaveBeenCalledTimes(1);
    const data = action.mock.calls[0]![1];
    expect(data.getAll("recipientIds")).toEqual(["m1", "m9"]);
    expect(data.get("teamId")).toBe("");
    expect(data.get("valueId")).toBe("v2");
    expect(data.get("message")).toBe("Thanks for the review");
    expect(data.get("link")).toBe("/discussions/d1");
    expect(data.get("kind")).toBe("LEADER");
  });

  it("shows Sending… on a disabled button while the action runs", async () => {
    const pending = deferred<ActionResult<{ id: string }>>();
    action.mockReturnValue(pending.promise);
    const { user, submit } = renderForm();

    await user.click(submit);
    expect(submit.textContent).toBe("Sending…");
    expect((submit as HTMLButtonElement).disabled).toBe(true);
    expect(submit.getAttribute("aria-disabled")).toBe("true");

    await act(async () => pending.resolve({ ok: false, message: "Could not send." }));
    expect(submit.textContent).toBe("Send recognition");
    expect((submit as HTMLButtonElement).disabled).toBe(false);
  });

  it("puts each error from the action beside its field and keeps what was typed", async () => {
    action.mockResolvedValue({
      ok: false,
      message: "Please correct the highlighted fields.",
      fieldErrors: {
        recipientIds: ["Choose at least one member or a team."],
        valueId: ["Choose a value."],
        message: ["Write a message of at least 3 characters."],
        link: ["Link to a discussion, post or session on this site."],
      },
      values: { valueId: "v2", message: "ok", link: "https://elsewhere.example", kind: "LEADER" },
    });
    const { user, submit } = renderForm();
    await user.click(submit);

    const status = await screen.findByText("Please correct the highlighted fields.");
    expect(status.closest('[role="status"]')!.getAttribute("aria-live")).toBe("polite");

    const recipients = screen.getByRole("combobox", { name: "Who are you thanking?" });
    const message = screen.getByRole<HTMLTextAreaElement>("textbox", { name: "Your message" });
    const link = screen.getByRole<HTMLInputElement>("textbox", {
      name: "Link to what you are thanking them for",
    });
    for (const [control, errorId, text] of [
      [recipients, "field-recipientIds-error", "Choose at least one member or a team."],
      [message, "field-message-error", "Write a message of at least 3 characters."],
      [link, "field-link-error", "Link to a discussion, post or session on this site."],
    ] as const) {
      expect(control.getAttribute("aria-invalid")).toBe("true");
      expect(control.getAttribute("aria-describedby")!.split(" ")).toContain(errorId);
      const error = document.getElementById(errorId)!;
      expect(error.textContent).toBe(text);
      expect(error.getAttribute("aria-live")).toBe("polite");
    }
    const values = screen.getByRole("group", { name: "Which value did they show?" });
    expect(values.getAttribute("aria-describedby")).toBe("field-valueId-error");
    expect(document.getElementById("field-valueId-error")!.textContent).toBe("Choose a value.");

    // What was typed and chosen comes back.
    expect(message.value).toBe("ok");
    expect(link.value).toBe("https://elsewhere.example");
    expect((within(values).getByRole("radio", { name: /Care/ }) as HTMLInputElement).checked).toBe(
      true,
    );
    expect(
      (screen.getByRole("checkbox", { name: /Give as a leader/ }) as HTMLInputElement).checked,
    ).toBe(true);
    expect(push).not.toHaveBeenCalled();
  });

  it("opens the new recognition once it is given", async () => {
    action.mockResolvedValue({ ok: true, data: { id: "r42" } });
    const { user, submit } = renderForm();
    await user.click(submit);
    await vi.waitFor(() => expect(push).toHaveBeenCalledWith("/recognition/r42?given=1"));
  });

  it("offers giving as a leader only to those who may", () => {
    renderForm(false);
    expect(screen.queryByRole("checkbox", { name: /Give as a leader/ })).toBeNull();
  });
});
