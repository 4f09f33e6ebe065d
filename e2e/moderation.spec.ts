import type { Page } from "@playwright/test";
import { expect, test } from "./support/test";
import { stamp } from "./support/admin";
import { resumeSessionOf } from "./support/auth";

// A member reports a reply, an admin hides it from the queue, and it disappears for
// everyone but admins; the admin can find it under "Hidden content" and restore it.

async function startDiscussion(page: Page, title: string): Promise<string> {
  await page.goto("/discussions/new");
  await page.getByRole("textbox", { name: "Title" }).fill(title);
  await page.getByRole("textbox", { name: "Body" }).fill("What is everyone reading this month?");
  await page.getByRole("button", { name: /^(Post|Start|Publish|Create)/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(page).toHaveURL(/\/discussions\/[^/?#]+/);
  return new URL(page.url()).pathname;
}

function replyArticle(page: Page, text: string) {
  return page.getByRole("article", { name: /^Reply by/ }).filter({ hasText: text });
}

async function postReply(page: Page, text: string) {
  await page.getByRole("textbox", { name: /^(Your reply|Reply)$/ }).fill(text);
  await page.getByRole("button", { name: /^Post reply/ }).click();
  await expect(page.getByText("Your reply is posted.")).toBeVisible();
  await expect(replyArticle(page, text)).toBeVisible();
}

test("a reported reply, hidden by an admin, is gone for members", async ({ browser, page }) => {
  const title = `Reading list ${stamp()}`;
  const replyText = `Buy cheap followers at spam ${stamp()}`;

  // The leader starts a discussion and (playing the spammer) replies to it.
  await resumeSessionOf(page, "leader");
  const path = await startDiscussion(page, title);
  await postReply(page, replyText);

  // A member reports the reply.
  const member = await browser.newPage();
  await resumeSessionOf(member, "member");
  await member.goto(path);
  const reply = replyArticle(member, replyText);
  await reply.locator("summary", { hasText: "Report this reply" }).click();
  await reply
    .getByLabel("Why should an admin look at this reply?")
    .fill("Advertising, not a reading tip.");
  await reply.getByRole("button", { name: "Send report" }).click();
  await expect(reply.getByText("Thank you. An admin will review your report.")).toBeVisible();

  // The admin finds it in the queue and hides it.
  const admin = await browser.newPage();
  await resumeSessionOf(admin, "admin");
  await admin.goto("/admin/reports");
  await expect(admin.getByRole("heading", { level: 1, name: "Reports" })).toBeVisible();
  const queued = admin.getByRole("listitem", { name: `Reply to “${title}”` });
  await expect(queued).toContainText(replyText);
  await expect(queued).toContainText("1 report");
  await expect(queued).toContainText("Advertising, not a reading tip.");
  await queued.getByRole("button", { name: "Hide this reply" }).click();
  await expect(
    queued.getByText("This reply is now hidden from everyone but admins. 1 open report resolved."),
  ).toBeVisible();
  await expect(queued.getByRole("button", { name: "Restore this reply" })).toBeFocused();

  // Members (the reporter, and its own author) no longer see it; the discussion stays.
  for (const viewer of [member, page]) {
    await viewer.goto(path);
    await expect(viewer.getByRole("heading", { level: 1, name: title })).toBeVisible();
    await expect(viewer.getByText(replyText)).toHaveCount(0);
  }

  // It left the open queue and is listed under "Hidden content".
  await admin.goto("/admin/reports");
  await expect(admin.getByRole("listitem", { name: `Reply to “${title}”` })).toHaveCount(0);
  await admin.getByRole("link", { name: "Hidden content" }).click();
  await expect(admin).toHaveURL(/view=hidden/);
  const hidden = admin.getByRole("listitem", { name: `Reply to “${title}”` });
  await expect(hidden).toContainText(replyText);
  await expect(hidden.getByRole("button", { name: "Restore this reply" })).toBeVisible();

  await member.close();
  await admin.close();
});
