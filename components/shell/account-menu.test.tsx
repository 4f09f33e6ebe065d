// @vitest-environment happy-dom
// The account menu from the keyboard and the pointer, as the WAI-ARIA menu button pattern
// describes it.
import { cleanup, render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { signOutAction } from "@/lib/account/actions/sign-out";
import { AccountMenu } from "./account-menu";

vi.mock("@/lib/account/actions/sign-out", () => ({ signOutAction: vi.fn() }));

afterEach(cleanup);

function renderMenu() {
  const user = userEvent.setup();
  render(
    <div>
      <AccountMenu name="Mia Member" email="mia@example.com" memberId="m1" />
      <p>Outside</p>
    </div>,
  );
  const button = screen.getByRole("button", { name: "Account menu for Mia Member" });
  return { user, button };
}

const focusedName = () => document.activeElement?.textContent;

describe("AccountMenu", () => {
  it("opens on Enter at the first item, moves with the arrows, Home and End, and closes on Escape back to the button", async () => {
    const { user, button } = renderMenu();
    expect(button.getAttribute("aria-expanded")).toBe("false");
    expect(screen.queryByRole("menu")).toBeNull();

    button.focus();
    await user.keyboard("{Enter}");
    expect(button.getAttribute("aria-expanded")).toBe("true");
    const menu = screen.getByRole("menu");
    expect(button.getAttribute("aria-controls")).toBe(menu.id);
    expect(screen.getAllByRole("menuitem").map((item) => item.textContent)).toEqual([
      "Your profile",
      "Edit profile",
      "Account and password",
      "Private feedback",
      "Sign out",
    ]);
    expect(focusedName()).toBe("Your profile");
    await user.keyboard("{ArrowDown}");
    expect(focusedName()).toBe("Edit profile");
    await user.keyboard("{End}");
    expect(focusedName()).toBe("Sign out");
    await user.keyboard("{ArrowDown}");
    expect(focusedName()).toBe("Your profile");
    await user.keyboard("{ArrowUp}");
    expect(focusedName()).toBe("Sign out");
    await user.keyboard("{Home}");
    expect(focusedName()).toBe("Your profile");

    await user.keyboard("{Escape}");
    expect(screen.queryByRole("menu")).toBeNull();
    expect(document.activeElement).toBe(button);
    expect(button.getAttribute("aria-expanded")).toBe("false");
  });

  it("opens on ArrowUp at the last item, and closes on a click outside", async () => {
    const { user, button } = renderMenu();
    button.focus();
    await user.keyboard("{ArrowUp}");
    expect(focusedName()).toBe("Sign out");
    await user.click(screen.getByText("Outside"));
    expect(screen.queryByRole("menu")).toBeNull();
  });

  it("signs out from its last item, forgets this browser's drafts, and closes", async () => {
    window.localStorage.setItem("lc-draft:/discussions/new#field-body", "{}");
    window.localStorage.setItem("other-app-key", "kept");
    const { user, button } = renderMenu();
    await user.click(button);
    expect(focusedName()).toBe("Your profile");
    await user.click(screen.getByRole("menuitem", { name: "Sign out" }));
    expect(vi.mocked(signOutAction)).toHaveBeenCalledTimes(1);
    expect(screen.queryByRole("menu")).toBeNull();
    expect(window.localStorage.getItem("lc-draft:/discussions/new#field-body")).toBeNull();
    expect(window.localStorage.getItem("other-app-key")).toBe("kept");
  });

  it("shows the member's photo on the button, or their initials without one", () => {
    const { button } = renderMenu();
    expect(button.textContent).toContain("MM");
    cleanup();
    render(<AccountMenu name="Mia Member" email="mia@example.com" memberId="m1" avatarId="cph" />);
    const photo = screen
      .getByRole("button", { name: "Account menu for Mia Member" })
      .querySelector("img");
    expect(photo?.getAttribute("src")).toBe("/files/cph?w=96");
    expect(photo?.getAttribute("alt")).toBe("");
  });
});
