// Account mail end to end, through the real SMTP server the e2e runner starts: an invitation
// by mail, forgot password (which signs the old browser out), and the pages for expired and
// used links.
import { createHash } from "node:crypto";
import type { Page } from "@playwright/test";
import { expect, test } from "./support/test";
import { expectNoAccessibilityViolations } from "./support/a11y";
import { acceptInvitation, invite, stamp } from "./support/admin";
import { signIn, resumeSessionOf } from "./support/auth";
import { sql } from "./support/db";
import { linkIn, mailTo, waitForMail } from "./support/mail";

const FIRST = "first passphrase here";
const SECOND = "second passphrase here";

/** A member made through an invitation (the copied link), not yet signed in anywhere. */
async function newMember(page: Page, browserPage: Page, name: string): Promise<string> {
  const email = `${name.toLowerCase().replace(/\W+/g, "-")}-${stamp()}@example.com`;
  await resumeSessionOf(page, "admin");
  const link = await invite(page, email, "Member");
  await acceptInvitation(browserPage, link, name, FIRST);
  return email;
}

async function askForReset(page: Page, email: string): Promise<string> {
  const since = (await mailTo(email)).length;
  await page.goto("/signin");
  await page.getByRole("link", { name: "Forgot your password?" }).click();
  await expect(
    page.getByRole("heading", { level: 1, name: "Forgot your password?" }),
  ).toBeVisible();
  await page.getByLabel("Email").fill(email);
  await page.getByRole("button", { name: "Email me a reset link" }).click();
  await expect(
    page.getByRole("status").filter({ hasText: /If an account uses this address/ }),
  ).toBeVisible();
  const mail = await waitForMail(email, { subject: /Choose a new password/, since });
  expect(mail.header("list-unsubscribe")).toBeUndefined();
  return linkIn(mail, "/reset-password/");
}

test("an invitation arrives by mail and its link creates the account", async ({
  page,
  browser,
}) => {
  const email = `mailed-${stamp()}@example.com`;
  await resumeSessionOf(page, "admin");
  await invite(page, email, "Member");
  await expect(page.getByText(/emailed to them/)).toBeVisible();
  const mail = await waitForMail(email, { subject: /invited you to join/ });
  expect(mail.text).toMatch(/\(UTC\)/);

  const invitee = await (await browser.newContext()).newPage();
  await acceptInvitation(invitee, linkIn(mail, "/invite/"), "Ina Invitee", FIRST);
  await signIn(invitee, email, FIRST);
  await expect(invitee.getByRole("heading", { level: 1, name: "Welcome, Ina" })).toBeVisible();
});

test("forgot password: the mailed link sets a new password and signs the old browser out", async ({
  page,
  browser,
}) => {
  const oldBrowser = await (await browser.newContext()).newPage();
  const email = await newMember(page, oldBrowser, "Rita Reset");
  await signIn(oldBrowser, email, FIRST);
  await expect(oldBrowser.getByRole("heading", { level: 1, name: "Welcome, Rita" })).toBeVisible();

  const visitor = await (await browser.newContext()).newPage();
  const link = await askForReset(visitor, email);
  const since = (await mailTo(email)).length;
  await visitor.goto(link);
  await expect(
    visitor.getByRole("heading", { level: 1, name: "Choose a new password" }),
  ).toBeVisible();
  await expectNoAccessibilityViolations(visitor);
  await visitor.getByLabel("New password", { exact: true }).fill(SECOND);
  await visitor.getByLabel("Confirm new password").fill(SECOND);
  await visitor.getByRole("button", { name: "Set new password" }).click();
  await expect(visitor).toHaveURL(/\/signin\?reason=passwordReset/);
  await waitForMail(email, { subject: /password was changed/, since });

  // The browser that was signed in before the reset is signed out at its next request.
  await oldBrowser.goto("/account");
  await expect(oldBrowser).toHaveURL(/\/signin/);

  await signIn(visitor, email, FIRST);
  await expect(visitor.getByRole("status").filter({ hasText: /don't match/ })).toBeVisible();
  await signIn(visitor, email, SECOND);
  await expect(visitor.getByRole("heading", { level: 1, name: "Welcome, Rita" })).toBeVisible();

  // The same link again: used.
  const again = await (await browser.newContext()).newPage();
  await again.goto(link);
  await expect(
    again.getByRole("heading", { level: 1, name: "This link was already used" }),
  ).toBeVisible();
  await expect(again.getByRole("link", { name: "Ask for a new reset link" })).toBeVisible();
});

test("an expired reset link shows a clear page with a way to ask again", async ({
  page,
  browser,
}) => {
  const member = await (await browser.newContext()).newPage();
  const email = await newMember(page, member, "Eli Expired");
  const link = await askForReset(member, email);
  const token = new URL(link).pathname.split("/").pop()!;
  await sql(
    `UPDATE "AccountToken" SET "expiresAt" = now() - interval '1 minute' WHERE "tokenHash" = $1`,
    [createHash("sha256").update(token).digest("hex")],
  );
  await member.goto(link);
  await expect(
    member.getByRole("heading", { level: 1, name: "This link has expired" }),
  ).toBeVisible();
  await expectNoAccessibilityViolations(member);
  await member.getByRole("link", { name: "Ask for a new reset link" }).click();
  await expect(member).toHaveURL(/\/forgot-password$/);
});

test("an admin mails a reset link; a member moves their account to a new address", async ({
  page,
  browser,
}) => {
  const member = await (await browser.newContext()).newPage();
  const email = await newMember(page, member, "Cam Change");

  await page.goto(`/admin/members?q=${encodeURIComponent(email)}`);
  await page.getByRole("button", { name: "Send password reset link to Cam Change" }).click();
  await page.getByRole("button", { name: "Yes, send the link" }).click();
  await expect(page.getByText(/reset link is on its way to Cam Change/)).toBeVisible();
  const reset = await waitForMail(email, { subject: /Choose a new password/ });
  expect(reset.text).toMatch(/An admin sent you this link/);

  await signIn(member, email, FIRST);
  await expect(member.getByRole("heading", { level: 1, name: "Welcome, Cam" })).toBeVisible();
  await member.goto("/account");
  const moved = `moved-${stamp()}@example.com`;
  await member.getByLabel("New email address").fill(moved);
  await member.getByLabel("Your password").fill(FIRST);
  await member.getByRole("button", { name: "Send confirmation link" }).click();
  await expect(member.getByText(`We've emailed a link to ${moved}`)).toBeVisible();
  await waitForMail(email, { subject: /is being changed/ });
  const confirm = await waitForMail(moved, { subject: /Confirm your new email address/ });
  await member.goto(linkIn(confirm, "/confirm-email/"));
  await member.getByRole("button", { name: "Use this address" }).click();
  await expect(member.getByText(`Your account now uses ${moved}.`)).toBeVisible();
  await waitForMail(email, { subject: /was changed/ });
  await member.goto("/account");
  await expect(member.getByText(moved, { exact: true })).toBeVisible();
});
