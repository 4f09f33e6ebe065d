import { expect, test } from "./support/test";
import { DEMO, signIn, signInAs, signOut, resumeSessionOf } from "./support/auth";
import { expectNoAccessibilityViolations } from "./support/a11y";

test.describe("sign-in", () => {
  for (const [role, account] of Object.entries(DEMO)) {
    test(`the demo ${role} signs in and out`, async ({ page }) => {
      await signInAs(page, role as keyof typeof DEMO);
      await expect(
        page.getByRole("button", { name: `Account menu for ${account.name}` }),
      ).toBeVisible();
      const adminLink = page
        .getByRole("navigation", { name: "Main" })
        .getByRole("link", { name: "Admin" });
      if (role === "admin") await expect(adminLink).toBeVisible();
      else await expect(adminLink).toHaveCount(0);
      await signOut(page);
      await page.goto("/");
      await expect(page).toHaveURL(/\/signin\?callbackUrl=%2F/);
    });
  }

  test("a wrong password is refused without saying whether the email exists", async ({ page }) => {
    await signIn(page, DEMO.member.email, "not the right password");
    const message = page.getByRole("status").filter({ hasText: "don't match an account" });
    await expect(message).toBeVisible();
    await expect(page).toHaveURL(/\/signin/);

    await signIn(page, "nobody-here@example.com", "not the right password");
    await expect(
      page.getByRole("status").filter({ hasText: "don't match an account" }),
    ).toBeVisible();
  });

  test("repeated wrong passwords lock the account for a while, even for the right password", async ({
    page,
  }) => {
    const email = "sam.chen@example.com"; // used by no other test
    for (let attempt = 0; attempt < 5; attempt++) {
      await signIn(page, email, `wrong password ${attempt}`);
      await expect(
        page.getByRole("status").filter({ hasText: "don't match an account" }),
      ).toBeVisible();
    }
    await signIn(page, email);
    await expect(
      page.getByRole("status").filter({ hasText: "Too many failed attempts" }),
    ).toBeVisible();
    await expect(page).toHaveURL(/\/signin/);
  });

  test("an empty form shows errors beside the fields", async ({ page }) => {
    await page.goto("/signin");
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await expect(page.getByLabel("Email")).toHaveAttribute("aria-invalid", "true");
    await expect(page.locator("#field-email-error")).toContainText("valid email");
    await expect(page.locator("#field-password-error")).toContainText("Enter your password");
  });

  test("after sign-in the member lands on the page they asked for", async ({ page }) => {
    await page.goto("/account");
    await expect(page).toHaveURL(/callbackUrl=%2Faccount/);
    await page.getByLabel("Email").fill(DEMO.leader.email);
    await page.getByLabel("Password", { exact: true }).fill("learn-together-2026");
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Account" })).toBeVisible();
  });

  test("pages send a nonce-based Content-Security-Policy and framing is refused", async ({
    page,
  }) => {
    const response = await page.goto("/signin");
    const csp = response?.headers()["content-security-policy"] ?? "";
    expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
    expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(response?.headers()["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    expect(response?.headers()["permissions-policy"]).toContain("camera=()");
  });

  test("an unknown page is a 404 page", async ({ page }) => {
    const response = await page.goto("/no-such-page");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
    await expect(page.getByRole("main")).toHaveCount(1);
  });

  test("inside the app, the 404 and 403 pages keep the one main landmark", async ({ page }) => {
    await resumeSessionOf(page, "member");
    const missing = await page.goto("/discussions/no-such-discussion");
    expect(missing?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
    await expect(page.getByRole("main")).toHaveCount(1);
    const refused = await page.goto("/admin");
    expect(refused?.status()).toBe(403);
    await expect(
      page.getByRole("heading", { name: "You don't have access to this page" }),
    ).toBeVisible();
    await expect(page.getByRole("main")).toHaveCount(1);
    await expectNoAccessibilityViolations(page);
  });
});
