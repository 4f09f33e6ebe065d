// @vitest-environment happy-dom
// The bell's menu as a WAI-ARIA disclosure: it loads the newest notifications when it opens,
// marks unread ones in words, and closes on Escape (back to the button) or a click outside.
import { act, cleanup, render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { markAllReadAction } from "@/lib/notifications/actions";
import { NotificationsMenu } from "./notifications-menu";

vi.mock("@/lib/notifications/actions", () => ({
  markAllReadAction: vi.fn(async () => ({ ok: true, message: "Marked 1 notification as read." })),
}));

const recent = {
  unread: 1,
  more: false,
  items: [
    {
      id: "n1",
      text: "Ada replied to “Retros”",
      href: "/notifications/n1/open",
      createdAt: new Date(Date.now() - 5 * 60_000).toISOString(),
      unread: true,
    },
    {
      id: "n2",
      text: "Your role is now Leader",
      href: "/notifications/n2/open",
      createdAt: new Date(Date.now() - 3 * 86_400_000).toISOString(),
      unread: false,
    },
  ],
};

const fetchMock = vi.fn(async () => Response.json(recent));

beforeEach(() => {
  fetchMock.mockClear();
  vi.stubGlobal("fetch", fetchMock);
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

async function openMenu() {
  const user = userEvent.setup();
  render(
    <div>
      <NotificationsMenu unread={1} current={false} timeZone="UTC" />
      <p>Outside</p>
    </div>,
  );
  const button = screen.getByRole("button", { name: "Notifications, 1 unread" });
  expect(button.getAttribute("aria-expanded")).toBe("false");
  await user.click(button);
  await screen.findByRole("list", { name: "Recent notifications" });
  return { user, button };
}

describe("NotificationsMenu", () => {
  it("loads the newest notifications on opening, unread ones marked in words, each linking through its open route", async () => {
    const { button } = await openMenu();
    expect(fetchMock).toHaveBeenCalledWith("/api/notifications/recent", expect.anything());
    expect(button.getAttribute("aria-expanded")).toBe("true");
    expect(document.getElementById(button.getAttribute("aria-controls")!)).not.toBeNull();
    const links = screen.getAllByRole("link");
    expect(links.map((link) => [link.textContent, link.getAttribute("href")])).toEqual([
      [expect.stringMatching(/^UnreadAda replied to “Retros”/), "/notifications/n1/open"],
      [expect.stringMatching(/^Your role is now Leader/), "/notifications/n2/open"],
      ["See all notifications", "/notifications"],
    ]);
    expect(screen.getByRole("status").textContent).toBe("1 unread.");
    expect(document.activeElement).toBe(button);
  });

  it("closes on Escape back to the button, and on a click outside", async () => {
    const { user, button } = await openMenu();
    await user.tab();
    expect(document.activeElement?.textContent).toBe("Mark all read");
    await user.keyboard("{Escape}");
    expect(button.getAttribute("aria-expanded")).toBe("false");
    expect(screen.queryByRole("list")).toBeNull();
    expect(document.activeElement).toBe(button);

    await user.click(button);
    await screen.findByRole("list", { name: "Recent notifications" });
    await user.click(screen.getByText("Outside"));
    expect(button.getAttribute("aria-expanded")).toBe("false");
  });

  it("marks all read: the items lose their marker and the outcome is announced", async () => {
    const { user } = await openMenu();
    await user.click(screen.getByRole("button", { name: "Mark all read" }));
    await act(async () => {});
    expect(markAllReadAction).toHaveBeenCalledTimes(1);
    expect(screen.getByRole("status").textContent).toBe("Marked 1 notification as read.");
    expect(screen.queryByText("Unread")).toBeNull();
    expect(screen.queryByRole("button", { name: "Mark all read" })).toBeNull();
  });
});
