import { expect, test } from "./support/test";
import { expectNoAccessibilityViolations } from "./support/a11y";
import { resumeSessionOf } from "./support/auth";
import { stamp } from "./support/admin";

// One pass through a private community's life: an admin starts it, invites a member who
// accepts and then sees it; someone else finds it nowhere and gets 404 at its address.
test("a private community: created, an invitation accepted, invisible to non-members", async ({
  page,
  browser,
}) => {
  const name = `Cohort ${stamp()}`;
  await resumeSessionOf(page, "admin");
  await page.goto("/communities");
  await page.getByRole("link", { name: "New community" }).click();
  await page.getByLabel("Name", { exact: true }).fill(name);
  await page.getByLabel("Purpose").fill("A safe place for new joiners to ask anything.");
  await page.getByLabel("Who can join").selectOption("PRIVATE");
  await page.getByRole("button", { name: "Start the community" }).click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  const address = new URL(page.url()).pathname;

  await page.getByRole("link", { name: "Manage" }).click();
  await page.getByRole("combobox", { name: "Invite a member" }).fill("Mia");
  await page.getByRole("option", { name: /Mia Member/ }).click();
  await page.getByRole("button", { name: "Send invitation" }).click();
  await expect(page.getByText("Invitation sent.")).toBeVisible();
  await expectNoAccessibilityViolations(page);

  const mia = await (await browser.newContext()).newPage();
  await resumeSessionOf(mia, "member");
  await mia.goto("/communities");
  const invitations = mia.getByRole("region", { name: "Invitations for you" });
  await invitations.getByRole("button", { name: `Accept the invitation to ${name}` }).click();
  await expect(mia.getByRole("heading", { level: 1, name })).toBeVisible();
  await expect(mia.getByText(`Welcome to ${name}.`)).toBeVisible();
  await expectNoAccessibilityViolations(mia);
  await expect(mia.getByText("You are a member")).toBeVisible();

  const priya = await (await browser.newContext()).newPage();
  await resumeSessionOf(priya, "priya");
  expect((await priya.goto(address))!.status()).toBe(404);
  await priya.goto(`/communities?q=${encodeURIComponent(name)}`);
  await expect(priya.getByRole("link", { name })).toHaveCount(0);
  await expect(priya.getByText("No other community matches.")).toBeVisible();
  await expectNoAccessibilityViolations(priya);
});
