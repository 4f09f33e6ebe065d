import { expect, test } from "./support/test";
import { expectNoAccessibilityViolations } from "./support/a11y";
import { resumeSessionOf } from "./support/auth";

test.describe("members", () => {
  test("home suggests colleagues who can teach what the member wants to learn", async ({
    page,
  }) => {
    await resumeSessionOf(page, "member"); // Mia wants to learn Accessibility and PostgreSQL
    await page.goto("/");
    const section = page.getByRole("region", {
      name: "Colleagues who can teach what you want to learn",
    });
    await expect(section.getByRole("link", { name: "Priya Nair" })).toBeVisible();
    await expect(section.getByRole("link", { name: "Tomás Berg" })).toBeVisible();
    await expect(section.getByText("Can help with PostgreSQL")).toBeVisible();
  });

  test("directory search by skill finds who can teach it", async ({ page }) => {
    await resumeSessionOf(page, "member");
    await page.goto("/members");
    await expectNoAccessibilityViolations(page);
    await page.getByLabel("Can teach").selectOption({ label: "PostgreSQL" });
    await page.getByRole("button", { name: "Search", exact: true }).click();
    await expect(page).toHaveURL(/offered=postgresql/);
    const results = page.getByRole("heading", { level: 3 });
    await expect(results).toHaveText(["Priya Nair"]);

    await page.goto("/members");
    await page.getByLabel("Search members").fill("postgres");
    await page.getByRole("button", { name: "Search", exact: true }).click();
    await expect(page.getByRole("link", { name: "Priya Nair" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Tomás Berg" })).toHaveCount(0);

    await page.getByRole("link", { name: "Priya Nair" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Priya Nair" })).toBeVisible();
    await expectNoAccessibilityViolations(page);
  });

  test("a profile edit with an invalid field shows its error beside the field and keeps the rest", async ({
    page,
  }) => {
    await resumeSessionOf(page, "member");
    await page.goto("/profile");
    await page.getByLabel("Title").fill("Front-end engineer, accessibility");
    await page.getByLabel("Name", { exact: true }).fill("");
    await page.getByRole("button", { name: "Save profile" }).click();
    await expect(page.locator("#field-name-error")).toHaveText("Enter your name.");
    await expect(page.getByLabel("Name", { exact: true })).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByLabel("Title")).toHaveValue("Front-end engineer, accessibility");

    // Nothing was saved.
    await page.goto("/profile");
    await expect(page.getByLabel("Title")).toHaveValue("Software Engineer");

    // A valid save, with a new skill normalised into the shared vocabulary.
    await page.getByLabel("Title").fill("Front-end engineer");
    await page.getByLabel("Add a skill you can teach").fill("  Screen   readers ");
    await page.getByRole("button", { name: "Save profile" }).click();
    await expect(page.getByText("Profile saved.")).toBeVisible();
    await page.goto("/members?q=screen+readers");
    await expect(page.getByRole("link", { name: "Mia Member" })).toBeVisible();
    await page.getByRole("link", { name: "Mia Member" }).click();
    await expect(page.getByText("Front-end engineer")).toBeVisible();
    await expect(page.getByRole("link", { name: "Screen readers" })).toBeVisible();
  });

  test("an oversized submission is refused and nothing is saved", async ({ page }) => {
    await resumeSessionOf(page, "leader");
    await page.goto("/profile");
    const bio = page.getByLabel("Short bio");
    const before = await bio.inputValue();
    // Past the 1 MB server-action limit; the browser's own maxlength is bypassed on purpose.
    await bio.evaluate((el: HTMLTextAreaElement) => {
      el.removeAttribute("maxlength");
      el.value = "a few words\n".repeat(100_000);
    });
    await page.getByRole("button", { name: "Save profile" }).click();
    await expect(page.getByRole("heading", { name: "Something went wrong" })).toBeVisible();
    await page.goto("/profile");
    await expect(page.getByLabel("Short bio")).toHaveValue(before);
  });

  test("an unknown or malformed member id is a 404 page", async ({ page }) => {
    await resumeSessionOf(page, "member");
    for (const path of [
      "/members/does-not-exist",
      "/members/%E0%A4%A",
      "/members?cursor=garbage",
    ]) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(404);
    }
  });
});
