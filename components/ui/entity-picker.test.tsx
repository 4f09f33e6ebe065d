// @vitest-environment happy-dom
// The entity picker as a keyboard user meets it: typing asks for suggestions, the arrow keys
// move the active option, Enter picks it, Escape closes the list, and the chosen ones are
// removable chips sent as hidden fields.
import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { stubMemberSuggestions } from "@/test/dom";
import { EntityPicker, memberSuggestions, type PickedEntity } from "./entity-picker";

const MEMBERS = [
  { id: "m1", name: "Ada Lovelace", title: "Engineer" },
  { id: "m2", name: "Alan Turing", title: null },
  { id: "m3", name: "Anita Borg", title: "Mentor" },
];

const fetchMock = stubMemberSuggestions(MEMBERS);

function renderPicker(props: { initial?: PickedEntity[]; max?: number; errors?: string[] } = {}) {
  const user = userEvent.setup();
  const view = render(
    <form aria-label="Test form">
      <EntityPicker
        name="recipientIds"
        label="Who are you thanking?"
        hint="Type a name."
        max={props.max ?? 5}
        initial={props.initial}
        errors={props.errors}
        {...memberSuggestions}
      />
      <button type="submit">Send</button>
    </form>,
  );
  const input = screen.getByRole<HTMLInputElement>("combobox", { name: "Who are you thanking?" });
  return { user, input, view };
}

function chosenIds(form: HTMLElement) {
  return [...form.querySelectorAll<HTMLInputElement>('input[type="hidden"]')].map((i) => i.value);
}

describe("EntityPicker", () => {
  it("is a collapsed combobox until typing brings suggestions", async () => {
    const { user, input } = renderPicker();
    expect(input.getAttribute("aria-expanded")).toBe("false");
    expect(input.hasAttribute("aria-activedescendant")).toBe(false);
    expect(screen.queryByRole("listbox")).toBeNull(); // hidden

    await user.type(input, "a");
    const list = await screen.findByRole("listbox", { name: "Suggestions: Who are you thanking?" });
    expect(fetchMock).toHaveBeenLastCalledWith("/api/mentions?q=a", expect.anything());
    expect(input.getAttribute("aria-expanded")).toBe("true");
    expect(input.getAttribute("aria-controls")).toBe(list.id);
    const options = within(list).getAllByRole("option");
    expect(options.map((o) => o.textContent)).toEqual([
      "Ada Lovelace · Engineer",
      "Alan Turing",
      "Anita Borg · Mentor",
    ]);
    expect(input.getAttribute("aria-activedescendant")).toBe(options[0]!.id);
    expect(options[0]!.getAttribute("aria-selected")).toBe("true");
  });

  it("moves the active option with the arrow keys, wrapping at both ends", async () => {
    const { user, input } = renderPicker();
    await user.type(input, "a");
    const options = within(await screen.findByRole("listbox")).getAllByRole("option");

    await user.keyboard("{ArrowDown}");
    expect(input.getAttribute("aria-activedescendant")).toBe(options[1]!.id);
    expect(options[1]!.getAttribute("aria-selected")).toBe("true");
    expect(options[0]!.getAttribute("aria-selected")).toBe("false");

    await user.keyboard("{ArrowDown}{ArrowDown}");
    expect(input.getAttribute("aria-activedescendant")).toBe(options[0]!.id);

    await user.keyboard("{ArrowUp}");
    expect(input.getAttribute("aria-activedescendant")).toBe(options[2]!.id);
  });

  it("picks the active option with Enter without submitting the form, as a removable chip", async () => {
    const { user, input } = renderPicker();
    const form = screen.getByRole("form", { name: "Test form" });
    const submitted = vi.fn((event: SubmitEvent) => event.preventDefault());
    form.addEventListener("submit", submitted);

    await user.type(input, "a");
    await screen.findByRole("listbox");
    await user.keyboard("{ArrowDown}{Enter}");

    expect(submitted).not.toHaveBeenCalled();
    expect(input.value).toBe("");
    expect(input.getAttribute("aria-expanded")).toBe("false");
    const chips = screen.getByRole("list", { name: "Chosen: Who are you thanking?" });
    expect(within(chips).getByText("Alan Turing")).toBeTruthy();
    expect(chosenIds(form)).toEqual(["m2"]);

    // The chosen member is no longer offered.
    await user.type(input, "a");
    const options = within(await screen.findByRole("listbox")).getAllByRole("option");
    expect(options.map((o) => o.textContent)).toEqual([
      "Ada Lovelace · Engineer",
      "Anita Borg · Mentor",
    ]);

    // Tab from the text goes on to the next control, not into the list.
    await user.keyboard("{Escape}");
    await user.tab();
    expect(document.activeElement).toBe(screen.getByRole("button", { name: "Send" }));

    // Shift+Tab back: the chip's remove button comes before the text box.
    await user.tab({ shift: true });
    expect(document.activeElement).toBe(input);
    await user.tab({ shift: true });
    const remove = screen.getByRole("button", { name: "Remove Alan Turing" });
    expect(document.activeElement).toBe(remove);
    await user.keyboard("{Enter}");
    expect(chosenIds(form)).toEqual([]);
    expect(screen.queryByRole("list", { name: "Chosen: Who are you thanking?" })).toBeNull();
  });

  it("closes the list and clears the text on Escape", async () => {
    const { user, input } = renderPicker();
    await user.type(input, "an");
    await screen.findByRole("listbox");
    expect(input.getAttribute("aria-expanded")).toBe("true");

    await user.keyboard("{Escape}");
    expect(input.value).toBe("");
    expect(input.getAttribute("aria-expanded")).toBe("false");
    expect(input.hasAttribute("aria-activedescendant")).toBe(false);
    expect(screen.queryByRole("listbox")).toBeNull();
  });

  it("lets Enter submit the form when no list is open", async () => {
    const { user, input } = renderPicker();
    const form = screen.getByRole("form", { name: "Test form" });
    const submitted = vi.fn((event: SubmitEvent) => event.preventDefault());
    form.addEventListener("submit", submitted);
    await user.click(input);
    await user.keyboard("{Enter}");
    expect(submitted).toHaveBeenCalledTimes(1);
  });

  it("disables typing once the maximum is chosen", () => {
    const { input } = renderPicker({
      max: 2,
      initial: [
        { id: "m1", label: "Ada Lovelace" },
        { id: "m2", label: "Alan Turing" },
      ],
    });
    expect(input.disabled).toBe(true);
    expect(input.getAttribute("placeholder")).toBe("At most 2");
  });

  it("marks itself invalid and shows the error beside the field, described by it", () => {
    const { input } = renderPicker({ errors: ["Choose at least one member or a team."] });
    expect(input.getAttribute("aria-invalid")).toBe("true");
    const error = document.getElementById("field-recipientIds-error")!;
    expect(error.getAttribute("aria-live")).toBe("polite");
    expect(error.textContent).toBe("Choose at least one member or a team.");
    expect(input.getAttribute("aria-describedby")!.split(" ")).toContain(error.id);
  });
});
