import { expect, test } from "./support/test";
import { expectNoAccessibilityViolations } from "./support/a11y";
import { stamp } from "./support/admin";
import { signIn, resumeSessionOf } from "./support/auth";
import { linkIn, waitForMail } from "./support/mail";

async function setOpenSignUp(
  page: import("@playwright/test").Page,
  open: boolean,
  domains: string,
) {
  await page.goto("/admin/settings");
  const box = page.getByLabel("Allow open sign-up");
  if (open) await box.check();
  else await box.uncheck();
  await page.getByLabel("Allowed email domains").fill(domains);
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(
    page.getByText(
      open ? "Saved. Open sign-up is on." : /Saved. Open sign-up is off.|Nothing to change/,
    ),
  ).toBeVisible();
}

test("open sign-up: an admin allows a domain, a colleague signs up and signs in; closing it hides the page", async ({
  browser,
  page,
}) => {
  const domain = `team-${stamp()}.example`;
  await resumeSessionOf(page, "admin");
  const visitor = await (await browser.newContext()).newPage();
  expect((await visitor.goto("/signup"))?.status()).toBe(404);

  await setOpenSignUp(page, true, domain);
  try {
    await visitor.goto("/signin");
    await visitor.getByRole("link", { name: /create an account/ }).click();
    await expect(visitor).toHaveURL(/\/signup$/);
    await expectNoAccessibilityViolations(visitor);

    // A domain that is not allowed is refused beside the field.
    await visitor.getByLabel("Work email").fill(`someone@elsewhere-${stamp()}.example`);
    await visitor.getByLabel("Your name").fill("Sol Signup");
    await visitor.getByLabel("Password", { exact: true }).fill("sign-up passphrase");
    await visitor.getByLabel("Confirm password").fill("sign-up passphrase");
    await visitor.getByRole("button", { name: "Create account" }).click();
    await expect(visitor.locator("#field-email-error")).toContainText(domain);

    const email = `sol@${domain}`;
    await visitor.getByLabel("Work email").fill(email);
    await visitor.getByLabel("Password", { exact: true }).fill("sign-up passphrase");
    await visitor.getByLabel("Confirm password").fill("sign-up passphrase");
    await visitor.getByRole("button", { name: "Create account" }).click();
    await expect(visitor).toHaveURL(/\/signin\?reason=checkEmail/);
    // Not before the address is confirmed through the mailed link.
    await signIn(visitor, email, "sign-up passphrase");
    await expect(
      visitor.getByRole("status").filter({ hasText: "Confirm your email address first" }),
    ).toBeVisible();
    await expect(
      visitor.getByRole("link", { name: "Send the confirmation link again" }),
    ).toBeVisible();
    const mail = await waitForMail(email, { subject: /Confirm your email address/ });
    await visitor.goto(linkIn(mail, "/verify-email/"));
    // The link proves the inbox; the password chosen at sign-up proves the account.
    await visitor.getByLabel("Your password").fill("sign-up passphrase");
    await visitor.getByRole("button", { name: "Confirm my address" }).click();
    await expect(visitor).toHaveURL(/\/signin\?reason=verified/);
    await signIn(visitor, email, "sign-up passphrase");
    await expect(visitor.getByRole("heading", { level: 1, name: "Welcome, Sol" })).toBeVisible();
  } finally {
    await setOpenSignUp(page, false, "");
  }
  const stranger = await browser.newPage();
  expect((await stranger.goto("/signup"))?.status()).toBe(404);
});

test("a member changes their password, signs in again with the new one", async ({
  browser,
  page,
}) => {
  const { acceptInvitation, invite } = await import("./support/admin");
  const email = `pw-${stamp()}@example.com`;
  await resumeSessionOf(page, "admin");
  const link = await invite(page, email, "Member");
  const member = await browser.newPage();
  await acceptInvitation(member, link, "Pat Password", "first passphrase here");
  await signIn(member, email, "first passphrase here");
  await expect(member.getByRole("heading", { level: 1, name: "Welcome, Pat" })).toBeVisible();
  await member.goto("/account");
  await member.getByLabel("Current password").fill("not my password");
  await member.getByLabel("New password", { exact: true }).fill("second passphrase here");
  await member.getByLabel("Confirm new password").fill("second passphrase here");
  await member.getByRole("button", { name: "Change password" }).click();
  await expect(member.locator("#field-currentPassword-error")).toHaveText(
    "That is not your current password.",
  );

  await member.getByLabel("Current password").fill("first passphrase here");
  await member.getByLabel("New password", { exact: true }).fill("second passphrase here");
  await member.getByLabel("Confirm new password").fill("second passphrase here");
  await member.getByRole("button", { name: "Change password" }).click();
  await expect(member).toHaveURL(/\/signin\?reason=passwordChanged/);
  await expect(member.getByText("Your password was changed.")).toBeVisible();
  await signIn(member, email, "first passphrase here");
  await expect(
    member.getByRole("status").filter({ hasText: "don't match an account" }),
  ).toBeVisible();
  await signIn(member, email, "second passphrase here");
  await expect(member.getByRole("heading", { level: 1, name: /Welcome/ })).toBeVisible();
});
