import { expect, test } from "./support/test";
import { expectNoAccessibilityViolations } from "./support/a11y";
import { resumeSessionOf } from "./support/auth";

test.describe("app shell", () => {
  test("the skip link moves focus to the main content", async ({ page }) => {
    await resumeSessionOf(page, "member");
    await page.goto("/");
    await page.keyboard.press("Tab");
    const skip = page.getByRole("link", { name: "Skip to main content" });
    await expect(skip).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(page.locator("main#main")).toBeFocused();
  });

  test("the account menu works with the keyboard", async ({ page }) => {
    await resumeSessionOf(page, "member");
    await page.goto("/");
    await page.getByRole("button", { name: /Account menu/ }).focus();
    await page.keyboard.press("Enter");
    await expect(page.getByRole("menuitem", { name: "Account and password" })).toBeVisible();
    await expect(page.getByRole("menuitem", { name: "Your profile" })).toBeFocused();
    await page.keyboard.press("ArrowDown");
    await expect(page.getByRole("menuitem", { name: "Edit profile" })).toBeFocused();
    await page.keyboard.press("Escape");
    await expect(page.getByRole("menuitem", { name: "Account and password" })).toHaveCount(0);
    await expect(page.getByRole("button", { name: /Account menu/ })).toBeFocused();
  });

  test("sign-in, home and account pages have no detectable accessibility violations", async ({
    page,
  }) => {
    await page.goto("/signin");
    await expectNoAccessibilityViolations(page);
    await resumeSessionOf(page, "admin");
    await page.goto("/");
    await expect(page.getByRole("heading", { level: 1, name: /Welcome/ })).toBeVisible();
    await expectNoAccessibilityViolations(page);
    await page.goto("/account");
    await expectNoAccessibilityViolations(page);
  });

  test("on a 1280 px screen an admin's header is one row: every nav link, search and the bell", async ({
    page,
  }) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await resumeSessionOf(page, "admin");
    await page.goto("/");
    const nav = page.getByRole("navigation", { name: "Main" });
    const first = await nav.getByRole("link").first().boundingBox();
    const last = await nav.getByRole("link", { name: "Admin" }).boundingBox();
    const bell = await page.getByRole("button", { name: /^Notifications/ }).boundingBox();
    expect(last!.y).toBe(first!.y);
    expect(Math.abs(bell!.y + bell!.height / 2 - (first!.y + first!.height / 2))).toBeLessThan(8);
    const scroll = await nav.getByRole("list").evaluate((el) => el.scrollWidth - el.clientWidth);
    expect(scroll).toBeLessThanOrEqual(0);
  });

  test.describe("on a phone-sized screen", () => {
    test.use({ viewport: { width: 375, height: 740 } });

    test("navigation folds behind a menu button and the page does not scroll sideways", async ({
      page,
    }) => {
      await resumeSessionOf(page, "admin");
      await page.goto("/");
      const nav = page.getByRole("navigation", { name: "Main" });
      const menu = nav.getByRole("button", { name: /^Menu/ });
      await expect(menu).toHaveAccessibleName("Menu · Home");
      await expect(menu).toHaveAttribute("aria-expanded", "false");
      await expect(nav.getByRole("link", { name: "Members" })).toBeHidden();
      await menu.click();
      await expect(menu).toHaveAttribute("aria-expanded", "true");
      await nav.getByRole("link", { name: "Members" }).click();
      await expect(page).toHaveURL(/\/members$/);
      await expect(menu).toHaveAttribute("aria-expanded", "false");
      await expect(menu).toHaveAccessibleName("Menu · Members");
      await menu.click();
      await expect(nav.getByRole("link", { name: "Admin" })).toBeVisible();
      await page.keyboard.press("Escape");
      await expect(menu).toBeFocused();
      await expect(nav.getByRole("link", { name: "Admin" })).toBeHidden();
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - window.innerWidth,
      );
      expect(overflow).toBeLessThanOrEqual(0);
      await page.getByRole("button", { name: /Account menu/ }).click();
      await expect(page.getByRole("menuitem", { name: "Sign out" })).toBeVisible();
    });
  });
});
