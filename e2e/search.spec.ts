import type { Page } from "@playwright/test";
import { expect, test } from "./support/test";
import { expectNoAccessibilityViolations } from "./support/a11y";
import { stamp } from "./support/admin";
import { resumeSessionOf } from "./support/auth";

async function startDiscussion(
  page: Page,
  input: { title: string; body: string; tags: string; question?: boolean },
) {
  await page.goto(input.question ? "/discussions/new?kind=question" : "/discussions/new");
  await page.getByLabel("Title").fill(input.title);
  await page.getByRole("textbox", { name: "Body" }).fill(input.body);
  await page.getByLabel("Tags").fill(input.tags);
  await page.getByRole("button", { name: "Post", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: input.title })).toBeVisible();
}

async function searchFor(page: Page, words: string, tag = "") {
  const form = page.getByRole("search", { name: "Search options" });
  await form.getByLabel("Search for").fill(words);
  await form.getByLabel("Only with tag").fill(tag);
  await form.getByRole("button", { name: "Search" }).click();
}

test("new content is found by search, highlighted, and narrowed by type and tag", async ({
  page,
}) => {
  const token = `kestrel${stamp()}`;
  const tag = `search-${stamp()}`;
  const title = `Pairing on ${token} migrations`;
  await resumeSessionOf(page, "member");
  await startDiscussion(page, {
    title,
    body: `We paired on the **${token}** rollout. See [the notes](https://example.com/notes).`,
    tags: tag,
  });

  await page.goto("/");
  await expect(
    page.getByRole("list", { name: "Recent activity" }).getByRole("link", { name: title }),
  ).toBeVisible();

  await page.goto("/search");
  await expect(page.getByRole("heading", { level: 1, name: "Search" })).toBeVisible();
  await searchFor(page, token);
  const discussions = page.getByRole("region", { name: "Discussions" });
  await expect(discussions.getByRole("link", { name: title })).toBeVisible();
  await expect(discussions.locator("mark", { hasText: token }).first()).toBeVisible();
  await expect(discussions).not.toContainText("https://example.com");
  await expectNoAccessibilityViolations(page);

  await page
    .getByRole("navigation", { name: "Result types" })
    .getByRole("link", { name: "Discussions" })
    .click();
  await expect(page).toHaveURL(/type=discussions/);
  await expect(page.getByRole("link", { name: title })).toBeVisible();

  await searchFor(page, token, tag);
  await expect(page.getByText(`Showing content tagged “${tag}”.`)).toBeVisible();
  await expect(page.getByRole("link", { name: title })).toBeVisible();
  await searchFor(page, token, `other-${stamp()}`);
  await expect(page.getByText("No discussions match.")).toBeVisible();
});

test("any typed text gives a results page, never an error", async ({ page }) => {
  await resumeSessionOf(page, "member");
  for (const typed of ['"unterminated', "-", "!!!", "a & b | c", "'); drop table x; --"]) {
    await page.goto(`/search?q=${encodeURIComponent(typed)}`);
    await expect(page.getByRole("heading", { level: 1, name: "Search" })).toBeVisible();
    await expect(page.getByLabel("Search for")).toHaveValue(typed);
  }
  await page.goto(`/search?q=${encodeURIComponent("<script>alert(1)</script>")}`);
  await expect(page.getByText("Nothing matches “<script>alert(1)</script>”.")).toBeVisible();
});

test("members are found by name from the search page", async ({ page }) => {
  await resumeSessionOf(page, "member");
  await page.goto("/search?q=priya");
  const members = page.getByRole("region", { name: "Members" });
  await expect(members.getByRole("link", { name: "Priya Nair" })).toBeVisible();
  await expect(members.locator("mark", { hasText: "Priya" })).toBeVisible();
});

test("following a tag brings its unanswered questions to the home page", async ({
  browser,
  page,
}) => {
  const tag = `follow-${stamp()}`;
  const title = `Who knows how to profile ${tag} builds?`;
  await resumeSessionOf(page, "member");
  await startDiscussion(page, { title, body: "Builds got slow.", tags: tag, question: true });

  // axe needs a page from its own context.
  const context = await browser.newContext();
  const leader = await context.newPage();
  await resumeSessionOf(leader, "leader");
  await leader.goto(`/tags?q=${tag}`);
  await leader
    .getByRole("list", { name: "Tags" })
    .getByRole("link", { name: `#${tag}` })
    .click();
  await expect(leader.getByRole("heading", { level: 1, name: `#${tag}` })).toBeVisible();
  await expect(leader.getByRole("link", { name: title })).toBeVisible();
  await leader.getByRole("button", { name: `Follow ${tag}` }).click();
  await expect(leader.getByText(`You follow ${tag}.`)).toBeVisible();
  await expect(leader.getByRole("button", { name: `Unfollow ${tag}` })).toBeVisible();
  await expectNoAccessibilityViolations(leader);

  await leader.goto("/");
  const unanswered = leader.getByRole("region", {
    name: "Unanswered questions in tags you follow",
  });
  await expect(unanswered.getByRole("link", { name: title })).toBeVisible();

  await leader.goto(`/tags?q=${tag}`);
  await expect(leader.getByRole("list", { name: "Tags" })).toContainText("Following");
  await leader.getByRole("link", { name: `#${tag}` }).click();
  await leader.getByRole("button", { name: `Unfollow ${tag}` }).click();
  await expect(leader.getByText(`You no longer follow ${tag}.`)).toBeVisible();
  await leader.goto("/");
  await expect(
    leader
      .getByRole("region", { name: "Unanswered questions in tags you follow" })
      .getByRole("link", { name: title }),
  ).toHaveCount(0);
  await context.close();
});
