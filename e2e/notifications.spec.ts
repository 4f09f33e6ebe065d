import { expect, test } from "./support/test";
import { acceptInvitation, invite, stamp } from "./support/admin";
import { signIn, resumeSessionOf } from "./support/auth";

test("a member is notified of a role change, opens it, and it is marked read", async ({
  browser,
  page,
}) => {
  const email = `notified-${stamp()}@example.com`;
  const name = `Nora ${stamp()}`;
  await resumeSessionOf(page, "admin");
  const link = await invite(page, email, "Member");
  const member = await browser.newPage();
  await acceptInvitation(member, link, name, "notified passphrase");
  await signIn(member, email, "notified passphrase");
  // The bell: a link until the page's script runs, then the button of a menu.
  await expect(member.getByRole("button", { name: "Notifications", exact: true })).toBeVisible();

  await page.goto(`/admin/members?q=${encodeURIComponent(email)}`);
  const row = page.getByRole("listitem", { name });
  await row.getByLabel(`Role for ${name}`).selectOption({ label: "Leader" });
  await row.getByRole("button", { name: "Save role" }).click();
  await expect(row.getByText(`${name} is now a Leader.`)).toBeVisible();

  await member.reload();
  await member.getByRole("button", { name: "Notifications, 1 unread" }).click();
  await member.getByRole("link", { name: "See all notifications" }).click();
  await expect(member.getByRole("heading", { level: 1, name: "Notifications" })).toBeVisible();
  const item = member.getByRole("list", { name: "Notifications" }).getByRole("listitem").first();
  await expect(item).toContainText("Unread");
  await item.getByRole("link", { name: "Ada Admin made you a Leader" }).click();
  await expect(member).toHaveURL(/\/account$/);
  await expect(member.getByRole("button", { name: "Notifications", exact: true })).toBeVisible();

  await member.goto("/notifications?filter=unread");
  await expect(member.getByText("You have no unread notifications.")).toBeVisible();
});
