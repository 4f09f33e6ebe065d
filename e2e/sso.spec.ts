import { expect, test } from "./support/test";
import { DEMO } from "./support/auth";

// Runs against the real OpenID provider that scripts/e2e.ts starts (oidc-provider).
test.describe("single sign-on", () => {
  async function signInAtProvider(page: import("@playwright/test").Page, login: string) {
    await page.goto("/signin");
    await page.getByRole("button", { name: "Sign in with Test SSO" }).click();
    await page.locator('input[name="login"]').fill(login);
    await page.locator('input[name="password"]').fill("anything");
    await page.locator('button[type="submit"]').click();
    // The provider's consent screen.
    const consent = page.locator('button[type="submit"]');
    if (await consent.isVisible().catch(() => false)) await consent.click();
  }

  test("a member signs in through the OpenID provider, matched on verified email", async ({
    page,
  }) => {
    await signInAtProvider(page, DEMO.leader.email);
    await expect(page.getByRole("heading", { level: 1, name: /Welcome, Leo/ })).toBeVisible();
    await page.goto("/account");
    await expect(page.getByText("Linked")).toBeVisible();
  });

  test("an unverified email at the provider does not sign anyone in", async ({ page }) => {
    await signInAtProvider(page, `unverified+${DEMO.member.email}`);
    await expect(page).toHaveURL(/\/signin/);
    await expect(page.getByText("no active member here has that verified email")).toBeVisible();
  });
});
