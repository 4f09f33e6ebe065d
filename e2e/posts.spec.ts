import type { Page } from "@playwright/test";
import { expect, test } from "./support/test";
import { expectNoAccessibilityViolations } from "./support/a11y";
import { stamp } from "./support/admin";
import { resumeSessionOf } from "./support/auth";

interface NewPost {
  kind: "How-to" | "Lesson learned" | "Case study" | "Resource notes";
  title: string;
  body?: string;
}

/** Writes a post on /posts/new and saves it as a draft; the page is then the draft's. */
async function saveDraft(page: Page, post: NewPost) {
  await page.goto("/posts/new");
  await page.getByLabel("Kind of post").selectOption({ label: post.kind });
  await page.getByLabel("Title").fill(post.title);
  await page.getByLabel("Summary").fill(`What ${post.title} is about, in short.`);
  if (post.body !== undefined) await page.getByLabel("Your post", { exact: true }).fill(post.body);
  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(
    page.getByText("Draft saved. Only you can see it until you publish it."),
  ).toBeVisible();
  await expect(page.getByRole("heading", { level: 1, name: post.title })).toBeVisible();
}

async function publish(page: Page) {
  await page.getByRole("button", { name: "Publish", exact: true }).click();
  await expect(page.getByText("Published. Everyone can read it now.")).toBeVisible();
}

test.describe("knowledge posts", () => {
  test("a draft is published and then found by a word in its body", async ({ page }) => {
    const id = stamp();
    const title = `Rotating secrets ${id}`;
    const word = `zq${id}`;
    await resumeSessionOf(page, "member");
    await saveDraft(page, {
      kind: "How-to",
      title,
      body: `## Steps\n\nRun the ${word} script, then restart.\n\n## Check\n\nLog in again.`,
    });
    await expect(page.getByText("Draft", { exact: true })).toBeVisible();
    await expectNoAccessibilityViolations(page);
    const postUrl = page.url().split("?")[0]!;

    await page.goto(`/search?q=${word}`);
    await expect(page.getByRole("link", { name: title })).toHaveCount(0);

    await page.goto(postUrl);
    await publish(page);
    await expect(page.getByText("Draft", { exact: true })).toHaveCount(0);

    await page.goto(`/search?q=${word}`);
    await page.getByRole("link", { name: title }).click();
    await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();

    await page.goto("/posts");
    await expect(page.getByRole("link", { name: title })).toBeVisible();
    await expectNoAccessibilityViolations(page);
  });

  test("a lesson learned starts with the three prompts", async ({ page }) => {
    const title = `Lesson from the outage ${stamp()}`;
    await resumeSessionOf(page, "member");
    await page.goto("/posts/new");
    await expectNoAccessibilityViolations(page);
    await page.getByLabel("Kind of post").selectOption({ label: "Lesson learned" });
    const body = page.getByLabel("Your post", { exact: true });
    await expect(body).toHaveValue(/## What happened/);
    await expect(body).toHaveValue(/## What we learned/);
    await expect(body).toHaveValue(/## What we'd do differently/);

    // The same prompts without JavaScript: the template link pre-fills them.
    await page.goto("/posts/new?type=lesson-learned");
    await expect(page.getByLabel("Kind of post")).toHaveValue("LESSON_LEARNED");
    await expect(body).toHaveValue(/## What we'd do differently/);

    await saveDraft(page, { kind: "Lesson learned", title });
    await publish(page);
    const contents = page.getByRole("navigation", { name: "Contents" });
    await expect(contents.getByRole("link")).toHaveText([
      "What happened",
      "What we learned",
      "What we'd do differently",
    ]);
    await contents.getByRole("link", { name: "What we learned" }).click();
    await expect(page).toHaveURL(/#section-what-we-learned$/);
    await expectNoAccessibilityViolations(page);
  });

  test("a reader's helpful vote toggles", async ({ browser, page }) => {
    const title = `Pairing on reviews ${stamp()}`;
    await resumeSessionOf(page, "member");
    await saveDraft(page, { kind: "Case study", title, body: "We paired on every review." });
    await publish(page);
    const postUrl = page.url().split("?")[0]!;

    const reader = await (await browser.newContext()).newPage();
    await resumeSessionOf(reader, "leader");
    await reader.goto(postUrl);
    const helpful = reader.getByRole("button", { name: "Helpful", exact: true });
    await expect(helpful).toHaveAttribute("aria-pressed", "false");
    await helpful.click();
    await expect(reader.getByText("Marked as helpful.")).toBeVisible();
    await expect(helpful).toHaveAttribute("aria-pressed", "true");
    await expect(reader.getByText("1 person found this helpful")).toBeVisible();

    await helpful.click();
    await expect(reader.getByText("Helpful vote removed.")).toBeVisible();
    await expect(helpful).toHaveAttribute("aria-pressed", "false");
    await expect(reader.getByText("0 people found this helpful")).toBeVisible();
    await expectNoAccessibilityViolations(reader);
    await reader.context().close();
  });
});
