import { expect, test } from "./support/test";
import { expectNoAccessibilityViolations } from "./support/a11y";
import { acceptInvitation, invite, stamp } from "./support/admin";
import { signIn, resumeSessionOf } from "./support/auth";

test.describe("admin", () => {
  test("invite → accept → sign in, and the link works only once", async ({ browser, page }) => {
    const email = `invitee-${stamp()}@example.com`;
    await resumeSessionOf(page, "admin");
    const link = await invite(page, email, "Leader");
    expect(link).toMatch(/\/invite\/[A-Za-z0-9_-]{40,}$/);
    await expectNoAccessibilityViolations(page);

    const guest = await browser.newPage();
    await acceptInvitation(guest, link, "Ivy Invitee", "a brand new passphrase");
    await signIn(guest, email, "a brand new passphrase");
    await expect(guest.getByRole("heading", { level: 1, name: "Welcome, Ivy" })).toBeVisible();
    await guest.goto("/account");
    await expect(guest.getByText("Leader", { exact: true })).toBeVisible();

    const stranger = await browser.newPage();
    await stranger.goto(link);
    await expect(stranger.getByRole("button", { name: "Create account" })).toHaveCount(0);
    await expect(stranger.getByText(/already been used/i)).toBeVisible();

    await page.reload();
    const row = page.getByRole("listitem", { name: email });
    await expect(row.getByTestId("invitation-status")).toContainText("Accepted");
  });

  test("a role change and a deactivation apply on the member's next request", async ({
    browser,
    page,
  }) => {
    const email = `changing-${stamp()}@example.com`;
    const name = `Casey ${stamp()}`;
    await resumeSessionOf(page, "admin");
    const link = await invite(page, email, "Member");
    const member = await browser.newPage();
    await acceptInvitation(member, link, name, "member passphrase 1");
    await signIn(member, email, "member passphrase 1");
    await expect(member.getByRole("heading", { level: 1, name: /Welcome/ })).toBeVisible();
    await expect(
      member.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Admin" }),
    ).toHaveCount(0);

    // Promote to admin: the member's next request sees the Admin area.
    await page.goto(`/admin/members?q=${encodeURIComponent(email)}`);
    const row = page.getByRole("listitem", { name });
    await row.getByLabel(`Role for ${name}`).selectOption({ label: "Admin" });
    await row.getByRole("button", { name: "Save role" }).click();
    await expect(row.getByText(`${name} is now an Admin.`)).toBeVisible();
    await member.goto("/admin");
    await expect(member.getByRole("heading", { level: 1 })).not.toHaveText(/access/i);
    await expect(
      member.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Admin" }),
    ).toBeVisible();

    // Back to member: the admin area is refused on the next request.
    await row.getByLabel(`Role for ${name}`).selectOption({ label: "Member" });
    await row.getByRole("button", { name: "Save role" }).click();
    await expect(row.getByText(`${name} is now a Member.`)).toBeVisible();
    const forbidden = await member.goto("/admin");
    expect(forbidden?.status()).toBe(403);

    // Deactivate: the member is signed out on their next request and cannot sign in again.
    await row.getByRole("button", { name: "Deactivate" }).click();
    await row.getByRole("button", { name: "Yes, deactivate" }).click();
    await expect(row.getByRole("button", { name: "Reactivate" })).toBeVisible();
    await member.goto("/members");
    await expect(member).toHaveURL(/\/signin\?reason=ended/);
    await expect(member.getByText("Your session has ended")).toBeVisible();
    await signIn(member, email, "member passphrase 1");
    await expect(member.getByText("This account has been deactivated")).toBeVisible();

    // The audit log shows what happened.
    await page.goto("/admin/audit");
    const latest = page.getByRole("list", { name: "Audit entries" }).getByRole("listitem").first();
    await expect(latest).toContainText("Ada Admin deactivated a member");
    await expect(latest).toContainText(name);
    await expect(latest.getByRole("row", { name: /Status ACTIVE DEACTIVATED/ })).toBeVisible();
  });

  test("a malformed page cursor in a list URL is a 404 page", async ({ page }) => {
    await resumeSessionOf(page, "admin");
    for (const path of ["/admin/members", "/admin/invitations", "/admin/audit", "/notifications"]) {
      const response = await page.goto(`${path}?cursor=not-a-cursor`);
      expect(response?.status(), path).toBe(404);
    }
  });

  test("members and leaders cannot open the admin area", async ({ page }) => {
    await resumeSessionOf(page, "leader");
    for (const path of [
      "/admin",
      "/admin/members",
      "/admin/invitations",
      "/admin/audit",
      "/admin/settings",
    ]) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(403);
    }
  });
});
