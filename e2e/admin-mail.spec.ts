import { expect, test } from "./support/test";
import { expectNoAccessibilityViolations } from "./support/a11y";
import { resumeSessionOf } from "./support/auth";

test.describe("admin: jobs and mail", () => {
  test("the failed-jobs page renders for an admin, linked from the admin menu", async ({
    page,
  }) => {
    await resumeSessionOf(page, "admin");
    await page.goto("/admin");
    await page
      .getByRole("navigation", { name: "Admin" })
      .getByRole("link", { name: "Jobs" })
      .click();
    await expect(page.getByRole("heading", { level: 1, name: "Background jobs" })).toBeVisible();
    await expect(page.getByRole("heading", { level: 2, name: "Failed jobs" })).toBeVisible();
    await expect(page.getByRole("heading", { level: 2, name: "Mail problems" })).toBeVisible();
    await expectNoAccessibilityViolations(page);
  });

  test("the mailbox does not exist in the production build (mail goes out over SMTP)", async ({
    page,
  }) => {
    await resumeSessionOf(page, "admin");
    expect((await page.goto("/admin/mailbox"))?.status()).toBe(404);
    expect((await page.goto("/admin/mailbox/anything/message.eml"))?.status()).toBe(404);
    await page.goto("/admin");
    await expect(page.getByRole("link", { name: "Mailbox" })).toHaveCount(0);
    await expect(page.getByText("Mail is not being sent")).toHaveCount(0);
  });

  test("members and leaders cannot open the jobs page", async ({ page }) => {
    await resumeSessionOf(page, "leader");
    expect((await page.goto("/admin/jobs"))?.status()).toBe(403);
  });
});
