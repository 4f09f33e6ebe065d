import type { Browser, Page } from "@playwright/test";
import { expect, test } from "./support/test";
import { expectNoAccessibilityViolations } from "./support/a11y";
import { acceptInvitation, invite, stamp } from "./support/admin";
import { signIn, resumeSessionOf } from "./support/auth";
import { sql } from "./support/db";
import { mailTo, waitForMail } from "./support/mail";

// The e2e app runs with MAIL_BATCH_WINDOW_SECONDS=3 and a worker polling every 0.5 s.
const WINDOW_AND_WORKER_MS = 3_000 + 5_000;

async function newMember(browser: Browser, admin: Page) {
  const email = `mailed-${stamp()}@example.com`;
  const name = `Mona ${stamp()}`;
  const password = "mailed passphrase";
  const link = await invite(admin, email, "Member");
  // Its own context: the accessibility check (axe) needs a page from browser.newContext().
  const page = await (await browser.newContext()).newPage();
  await acceptInvitation(page, link, name, password);
  await signIn(page, email, password);
  const [row] = await sql<{ id: string }>(`SELECT id FROM "User" WHERE email = $1`, [email]);
  return { page, email, name, id: row!.id };
}

async function mentionIn(author: Page, member: { id: string; name: string }, title: string) {
  await author.goto("/discussions/new");
  await author.getByLabel("Title").fill(title);
  await author
    .getByRole("textbox", { name: "Body" })
    .fill(`What do you think, [@${member.name}](/members/${member.id})?`);
  await author.getByRole("button", { name: "Post", exact: true }).click();
  await expect(author.getByRole("heading", { level: 1, name: title })).toBeVisible();
}

const mentionMails = async (email: string, title: string) =>
  (await mailTo(email)).filter((mail) => mail.subject.includes(title));

test("a mention is mailed once after the window, and one click unsubscribes without signing in", async ({
  browser,
  page,
  playwright,
}) => {
  await resumeSessionOf(page, "admin");
  const member = await newMember(browser, page);
  const author = await browser.newPage();
  await resumeSessionOf(author, "member");
  const title = `Pairing on flaky tests ${stamp()}`;
  await mentionIn(author, member, title);

  const mail = await waitForMail(member.email, {
    subject: new RegExp(`mentioned you in “${title}”`),
  });
  expect(mail.text).toContain("/notifications/");
  const unsubscribeUrl = mail.header("list-unsubscribe")?.replace(/^<|>$/g, "");
  expect(unsubscribeUrl).toMatch(/\/email\/unsubscribe\/[\w-]{43}$/);
  expect(mail.header("list-unsubscribe-post")).toBe("List-Unsubscribe=One-Click");
  // Still exactly one after another window.
  await new Promise((resolve) => setTimeout(resolve, WINDOW_AND_WORKER_MS));
  expect(await mentionMails(member.email, title)).toHaveLength(1);

  // As a mail provider does: no cookie, RFC 8058 body. GET alone changes nothing.
  const anonymous = await playwright.request.newContext();
  const shown = await anonymous.get(unsubscribeUrl!);
  expect(shown.status()).toBe(200);
  expect(await shown.text()).toContain("Someone mentions me");
  const posted = await anonymous.post(unsubscribeUrl!, {
    form: { "List-Unsubscribe": "One-Click" },
    maxRedirects: 0,
  });
  expect(posted.status()).toBe(200);
  await anonymous.dispose();

  await member.page.goto("/account/notifications");
  const mentions = member.page.getByRole("group", { name: "Someone mentions me" });
  await expect(mentions.getByRole("radio", { name: "Off" })).toBeChecked();
  const replies = member.page.getByRole("group", { name: /^Replies to my discussions/ });
  await expect(replies.getByRole("radio", { name: "Right away" })).toBeChecked();
  await expectNoAccessibilityViolations(member.page);

  // Choosing again on the page: the mention mail back on, saved with the one button.
  await mentions.getByRole("radio", { name: "Right away" }).check();
  await member.page.getByRole("button", { name: "Save email preferences" }).click();
  await expect(member.page.getByText("Your email preferences are saved.")).toBeVisible();
});

test("a mention read in the app before the window ends is not mailed", async ({
  browser,
  page,
}) => {
  await resumeSessionOf(page, "admin");
  const member = await newMember(browser, page);
  const author = await browser.newPage();
  await resumeSessionOf(author, "member");
  const title = `Read it first ${stamp()}`;
  await mentionIn(author, member, title);

  // Read at once (the window is 3 s): open the notification as the centre's link does.
  const [notification] = await sql<{ id: string }>(
    `SELECT id FROM "Notification" WHERE "recipientId" = $1 AND kind = 'content.mentioned' ORDER BY "createdAt" DESC LIMIT 1`,
    [member.id],
  );
  await member.page.goto(`/notifications/${notification!.id}/open`);
  await expect(member.page.getByRole("heading", { level: 1, name: title })).toBeVisible();

  // Meanwhile, the member watches the discussion from its page.
  const watch = member.page.getByRole("group", { name: "Notifications for this discussion" });
  await expect(watch.getByRole("radio", { name: /^Normal/ })).toBeChecked();
  await watch.getByRole("radio", { name: /^Watching/ }).check();
  await member.page.getByRole("button", { name: "Save notification level" }).click();
  await expect(member.page.getByText(/You are watching this discussion/)).toBeVisible();

  await new Promise((resolve) => setTimeout(resolve, WINDOW_AND_WORKER_MS));
  expect(await mentionMails(member.email, title)).toHaveLength(0);
});
