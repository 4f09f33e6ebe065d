// @vitest-environment happy-dom
// The browser's time zone, offered while the profile still has the UTC accounts start with.
import { cleanup, render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { TimeZonePrompt } from "./time-zone-prompt";

vi.mock("@/lib/account/actions/time-zone", () => ({ confirmTimeZoneAction: vi.fn() }));

const resolved = Intl.DateTimeFormat.prototype.resolvedOptions;

function browserIn(timeZone: string) {
  vi.restoreAllMocks();
  vi.spyOn(Intl.DateTimeFormat.prototype, "resolvedOptions").mockImplementation(function (
    this: Intl.DateTimeFormat,
  ) {
    return { ...resolved.call(this), timeZone };
  });
}

beforeEach(() => window.localStorage.clear());
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe("TimeZonePrompt", () => {
  it("says nothing when the browser is in UTC too, or the member chose a zone", () => {
    browserIn("UTC");
    render(<TimeZonePrompt profileZone="UTC" />);
    expect(screen.queryByRole("heading")).toBeNull();
    cleanup();
    browserIn("Asia/Tokyo");
    render(<TimeZonePrompt profileZone="Europe/Berlin" />);
    expect(screen.queryByRole("heading")).toBeNull();
  });

  it("offers the browser's zone to a UTC account; 'Keep' is remembered for that pair", async () => {
    browserIn("Asia/Tokyo");
    const user = userEvent.setup();
    render(<TimeZonePrompt profileZone="UTC" />);
    // The offer's code loads only when it is offered.
    await screen.findByRole("heading", { name: "Show times in Asia/Tokyo?" });
    const use = screen.getByRole("button", { name: "Use Asia/Tokyo" });
    const field = use.closest("form")?.querySelector<HTMLInputElement>("input[name=timeZone]");
    expect(field?.value).toBe("Asia/Tokyo");
    await user.click(screen.getByRole("button", { name: "Keep UTC" }));
    expect(screen.queryByRole("heading")).toBeNull();
    cleanup();
    render(<TimeZonePrompt profileZone="UTC" />);
    expect(screen.queryByRole("heading")).toBeNull();
    cleanup();
    browserIn("America/Denver");
    render(<TimeZonePrompt profileZone="UTC" />);
    await screen.findByRole("heading", { name: "Show times in America/Denver?" });
  });
});
