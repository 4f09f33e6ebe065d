import type { Browser, Page } from "@playwright/test";
import { expect, test } from "./support/test";
import sharp from "sharp";
import { expectNoAccessibilityViolations } from "./support/a11y";
import { stamp } from "./support/admin";
import { resumeSessionOf, type SavedSessionAccount } from "./support/auth";
import { clickAndSave } from "./support/actions";
import { sql } from "./support/db";
import { pngHeaderOnly } from "../test/fixtures/png";

// Issue 19's flows: pictures and files in content, answer votes and sorting, unread replies,
// similar questions while typing, the bell's menu, and the browser's time zone offered.
test.slow();

async function pageFor(
  browser: Browser,
  who: SavedSessionAccount,
  timezoneId?: string,
): Promise<Page> {
  const page = await (await browser.newContext({ timezoneId })).newPage();
  await resumeSessionOf(page, who);
  return page;
}

/** A photo-sized PNG, as a screenshot would be. */
async function screenshotPng(): Promise<Buffer> {
  return sharp({
    create: { width: 1200, height: 700, channels: 3, background: { r: 30, g: 90, b: 160 } },
  })
    .png()
    .toBuffer();
}

async function attach(
  page: Page,
  field: string,
  file: { name: string; mimeType: string; buffer: Buffer },
) {
  const chooser = page.waitForEvent("filechooser");
  await page
    .getByRole("toolbar", { name: `Formatting for ${field}` })
    .getByRole("button", { name: "Attach an image or file" })
    .click();
  await (await chooser).setFiles(file);
}

async function ask(page: Page, title: string, body: string) {
  await page.goto("/discussions/new?kind=question");
  await page.getByLabel("Title").fill(title);
  await page.getByRole("textbox", { name: "Body" }).fill(body);
  await page.getByRole("button", { name: "Post", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  return new URL(page.url()).pathname;
}

async function answer(page: Page, path: string, text: string) {
  await page.goto(path);
  await page.getByRole("textbox", { name: "Answer or reply" }).fill(text);
  await page.getByRole("button", { name: "Post reply" }).click();
  await expect(page.getByText("Your reply is posted.")).toBeVisible();
}

test("a screenshot goes into a question and shows in the thread; bad files are refused, nothing stored", async ({
  browser,
}) => {
  const mia = await pageFor(browser, "member");
  await mia.goto("/discussions/new?kind=question");
  const title = `Why does the build page look like this? ${stamp()}`;
  await mia.getByLabel("Title").fill(title);
  const body = mia.getByRole("textbox", { name: "Body" });
  await body.fill("Here is what I see:\n\n");
  await attach(mia, "Body", {
    name: "screenshot.png",
    mimeType: "image/png",
    buffer: await screenshotPng(),
  });
  await expect(mia.getByText("1 file uploaded.")).toBeVisible();
  await expect(body).toHaveValue(/!\[screenshot\.png\]\(\/files\/[^)]+\)/);

  const before = Number((await sql<{ n: string }>(`SELECT count(*) AS n FROM "Upload"`))[0]!.n);
  for (const bad of [
    {
      name: "logo.svg",
      mimeType: "image/svg+xml",
      buffer: Buffer.from(
        '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
      ),
    },
    { name: "empty.png", mimeType: "image/png", buffer: Buffer.alloc(0) },
    // A program named as a picture.
    {
      name: "photo.jpg",
      mimeType: "image/jpeg",
      buffer: Buffer.concat([
        Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]),
        Buffer.alloc(120, 0),
      ]),
    },
    { name: "huge.png", mimeType: "image/png", buffer: pngHeaderOnly(20_000, 20_000) },
    { name: "big.pdf", mimeType: "application/pdf", buffer: Buffer.alloc(11 * 1024 * 1024, 7) },
  ]) {
    await attach(mia, "Body", bad);
    await expect(
      mia.getByRole("alert").filter({ hasText: `Could not upload ${bad.name}` }),
    ).toBeVisible();
  }
  const after = Number((await sql<{ n: string }>(`SELECT count(*) AS n FROM "Upload"`))[0]!.n);
  expect(after).toBe(before);
  await expect(body).toHaveValue(
    /^Here is what I see:\n\n!\[screenshot\.png\]\(\/files\/[^)]+\)\s*$/,
  );

  await mia.getByRole("button", { name: "Post", exact: true }).click();
  await expect(mia.getByRole("heading", { level: 1, name: title })).toBeVisible();
  const path = new URL(mia.url()).pathname;

  // Another member sees the picture: served by the app, re-encoded.
  const priya = await pageFor(browser, "priya");
  await priya.goto(path);
  const picture = priya.getByRole("main").getByRole("img", { name: "screenshot.png" });
  await expect(picture).toBeVisible();
  expect(await picture.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
  const src = (await picture.getAttribute("src"))!;
  const served = await priya.request.get(src);
  expect(served.status()).toBe(200);
  expect(served.headers()["content-type"]).toBe("image/webp");
  expect(served.headers()["x-content-type-options"]).toBe("nosniff");
  await expectNoAccessibilityViolations(priya);
});

test("a file in private feedback is served to its two members only (404 for a third)", async ({
  browser,
}) => {
  const mia = await pageFor(browser, "member");
  await mia.goto("/members?q=Berg");
  await mia.getByRole("link", { name: "Tomás Berg" }).click();
  await mia.getByRole("link", { name: "Send private feedback" }).click();
  await mia
    .getByRole("textbox", { name: "Your feedback" })
    .fill(`My notes from your review ${stamp()}\n\n`);
  await attach(mia, "Your feedback", {
    name: "review-notes.txt",
    mimeType: "text/plain",
    buffer: Buffer.from("1. Thank you for the patient review.\n"),
  });
  await expect(mia.getByText("1 file uploaded.")).toBeVisible();
  await mia.getByRole("button", { name: "Send privately" }).click();
  await expect(mia.getByText("Sent. Only the two of you can read it.")).toBeVisible();
  const href = (await mia.getByRole("link", { name: "review-notes.txt" }).getAttribute("href"))!;
  expect(href).toMatch(/^\/files\/\w+$/);

  const tomas = await pageFor(browser, "tomas");
  const forTomas = await tomas.request.get(href);
  expect(forTomas.status()).toBe(200);
  expect(forTomas.headers()["content-disposition"]).toMatch(/^attachment;/);
  expect(await forTomas.text()).toContain("patient review");

  const priya = await pageFor(browser, "priya");
  expect((await priya.request.get(href)).status()).toBe(404);
});

/** The list row of a discussion, found by its title link. */
const rowOf = (page: Page, title: string) =>
  page
    .getByRole("main")
    .getByRole("listitem")
    .filter({ has: page.getByRole("link", { name: title, exact: true }) });

test("answers are voted up and re-sorted; new replies are marked until read", async ({
  browser,
}) => {
  const mia = await pageFor(browser, "member");
  const title = `Which test runner for a small service? ${stamp()}`;
  const path = await ask(mia, title, "We have about 200 tests.");
  const priya = await pageFor(browser, "priya");
  // New to Priya in the list until she opens it.
  await priya.goto("/discussions");
  await expect(rowOf(priya, title)).toContainText("New");
  await answer(priya, path, "Vitest: fast, and it speaks TypeScript.");
  const tomas = await pageFor(browser, "tomas");
  await answer(tomas, path, "Node's own test runner: nothing to install.");

  await mia.goto(path);
  const byTomas = mia.getByRole("article", { name: "Reply by Tomás Berg" });
  await clickAndSave(mia, byTomas.getByRole("button", { name: "Upvote this answer, 0 votes" }));
  await expect(
    byTomas.getByRole("button", { name: "Upvote this answer, 1 vote, you voted" }),
  ).toHaveAttribute("aria-pressed", "true");
  await mia.reload();
  const replies = mia.getByRole("list", { name: "Replies" }).getByRole("article");
  await expect(
    mia.getByRole("navigation", { name: "Sort replies" }).getByText("Most votes"),
  ).toHaveAttribute("aria-current", "true");
  await expect(replies.first()).toHaveAccessibleName("Reply by Tomás Berg");
  await mia.getByRole("link", { name: "Oldest first" }).click();
  await expect(mia).toHaveURL(/sort=oldest/);
  await expect(replies.first()).toHaveAccessibleName("Reply by Priya Nair");
  await expectNoAccessibilityViolations(mia);

  // Tomás sees his score, not a button to vote for himself.
  await tomas.goto(path);
  await expect(tomas.getByRole("article", { name: "Reply by Tomás Berg" })).toContainText("1 vote");
  await expect(tomas.getByRole("button", { name: /^Upvote this answer/ })).toHaveCount(1);

  // A reply after Mia's visit is new to her, once: marked in the list and in the thread.
  await answer(priya, path, "Also: whichever one your team already knows.");
  await mia.goto("/discussions");
  await expect(rowOf(mia, title)).toContainText("Updated");
  await mia.goto(path);
  await expect(mia.locator("#first-unread")).toContainText("New since your last visit");
  await mia.reload();
  await expect(mia.locator("#first-unread")).toHaveCount(0);
  await mia.goto("/discussions");
  await expect(rowOf(mia, title)).not.toContainText("Updated");

  // "Mark all read" clears the list for Tomás.
  await answer(priya, path, "One more thought on runners.");
  await tomas.goto("/discussions");
  await expect(rowOf(tomas, title)).toContainText("Updated");
  await tomas.getByRole("button", { name: "Mark all read" }).click();
  await expect(rowOf(tomas, title)).not.toContainText("Updated");
});

test("similar questions are offered while a title is typed", async ({ page }) => {
  await resumeSessionOf(page, "leader");
  await page.goto("/discussions/new?kind=question");
  const title = page.getByLabel("Title");
  await title.pressSequentially("announce form errors to screen readers", { delay: 20 });
  await expect(
    page.getByRole("status").filter({ hasText: /\d+ similar questions?/ }),
  ).toBeVisible();
  await expect(
    page.getByRole("link", { name: /How do we announce form errors to screen reader users\?/ }),
  ).toBeVisible();
  await expect(title).toBeFocused();
  await expectNoAccessibilityViolations(page);
});

test("the bell opens the newest notifications without marking them read", async ({ browser }) => {
  const mia = await pageFor(browser, "member");
  const path = await ask(mia, `Where do we keep architecture notes? ${stamp()}`, "Wiki or repo?");
  const priya = await pageFor(browser, "priya");
  await answer(priya, path, "In the repo, next to the code: docs/decisions.");

  await mia.goto("/sessions");
  const bell = mia.getByRole("button", { name: /^Notifications, \d+ unread$/ });
  await bell.click();
  await expect(bell).toHaveAttribute("aria-expanded", "true");
  const recent = mia.getByRole("list", { name: "Recent notifications" });
  await expect(recent.getByRole("link").filter({ hasText: "Priya Nair" }).first()).toContainText(
    "Unread",
  );
  await expectNoAccessibilityViolations(mia);
  await mia.keyboard.press("Escape");
  await expect(bell).toBeFocused();
  await expect(bell).toHaveAttribute("aria-expanded", "false");

  await mia.goto("/notifications");
  await mia.goto("/sessions");
  await expect(mia.getByRole("button", { name: /^Notifications, \d+ unread$/ })).toBeVisible();
});

test("the browser's time zone is offered to an account still in UTC", async ({ browser }) => {
  const ada = await pageFor(browser, "admin", "Asia/Tokyo");
  await ada.goto("/");
  try {
    const prompt = ada.getByRole("region", { name: "Show times in Asia/Tokyo?" });
    await expect(prompt).toBeVisible();
    await prompt.getByRole("button", { name: "Use Asia/Tokyo" }).click();
    await expect(ada.getByText("Times are now shown in Asia/Tokyo.")).toBeVisible();
    await ada.reload();
    await expect(ada.getByRole("region", { name: /^Show times in/ })).toHaveCount(0);
    const [row] = await sql<{ timeZone: string }>(
      `SELECT "timeZone" FROM "User" WHERE email = 'admin@example.com'`,
    );
    expect(row!.timeZone).toBe("Asia/Tokyo");
  } finally {
    await sql(`UPDATE "User" SET "timeZone" = 'UTC' WHERE email = 'admin@example.com'`);
  }
});
