// @vitest-environment happy-dom
// The browser's time zone, offered when it differs from the profile's.
import { cleanup, render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { TimeZonePrompt } from "./time-zone-prompt";

vi.mock("@/lib/account/actions/time-zone", () => ({ confirmTimeZoneAction: vi.fn() }));

const browserZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
const elsewhere = browserZone === "Asia/Tokyo" ? "Europe/Lisbon" : "Asia/Tokyo";

beforeEach(() => window.localStorage.clear());
afterEach(cleanup);

describe("TimeZonePrompt", () => {
  it("says nothing when the profile already has the browser's zone", () => {
    render(<TimeZonePrompt profileZone={browserZone} />);
    expect(screen.queryByRole("heading")).toBeNull();
  });

  it("offers the browser's zone, and 'Keep' is remembered for that pair of zones", async () => {
    const user = userEvent.setup();
    render(<TimeZonePrompt profileZone={elsewhere} />);
    screen.getByRole("heading", { name: `Show times in ${browserZone}?` });
    const use = screen.getByRole("button", { name: `Use ${browserZone}` });
    const field = use.closest("form")?.querySelector<HTMLInputElement>("input[name=timeZone]");
    expect(field?.value).toBe(browserZone);
    await user.click(screen.getByRole("button", { name: `Keep ${elsewhere}` }));
    expect(screen.queryByRole("heading")).toBeNull();
    cleanup();
    render(<TimeZonePrompt profileZone={elsewhere} />);
    expect(screen.queryByRole("heading")).toBeNull();
    cleanup();
    render(<TimeZonePrompt profileZone="America/Denver" />);
    screen.getByRole("heading", { name: `Show times in ${browserZone}?` });
  });
});
