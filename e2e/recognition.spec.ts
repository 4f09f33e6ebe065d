import type { Browser, Page } from "@playwright/test";
import { expect, test } from "./support/test";
import { expectNoAccessibilityViolations } from "./support/a11y";
import { stamp } from "./support/admin";
import { resumeSessionOf, type SavedSessionAccount } from "./support/auth";

// Each test walks a whole flow with several members.
test.slow();

const QUESTION = "How do we announce form errors to screen reader users?";

async function pageFor(browser: Browser, who: SavedSessionAccount): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await resumeSessionOf(page, who);
  return page;
}

async function setDailyLimit(admin: Page, limit: number) {
  await admin.goto("/admin/settings");
  await admin.getByLabel("Recognitions a member can give per day").fill(String(limit));
  await admin.getByRole("button", { name: "Save limit" }).click();
  await expect(
    admin.getByRole("status").filter({ hasText: /Saved|Nothing to change/ }),
  ).toBeVisible();
}

async function thankFromForm(page: Page, message: string) {
  await page.getByRole("radio", { name: /Shares knowledge/ }).check();
  await page.getByRole("textbox", { name: "Your message" }).fill(message);
  await page.getByRole("button", { name: "Send recognition" }).click();
}

test("a member thanks an answerer, a leader features it, private feedback stays private, the daily limit holds", async ({
  browser,
}) => {
  const message = `Your answer on live regions fixed our forms ${stamp()}`;
  const mia = await pageFor(browser, "member");

  // Thank the accepted answer's author, linked to it.
  await mia.goto("/discussions?kind=question&status=answered");
  await mia.getByRole("link", { name: QUESTION }).click();
  await mia
    .getByRole("region", { name: "Accepted answer" })
    .getByRole("link", { name: "Thank Tomás Berg" })
    .click();
  await expect(mia.getByRole("list", { name: "Chosen: Who are you thanking?" })).toContainText(
    "Tomás Berg",
  );
  await expect(mia.getByLabel("Link to what you are thanking them for")).toHaveValue(
    /\/discussions\/.+\/replies\//,
  );
  await expectNoAccessibilityViolations(mia);
  await thankFromForm(mia, message);
  await expect(mia.getByText("Thank you! Your recognition is on the wall.")).toBeVisible();
  await expect(mia).toHaveURL(/\/recognition\/(?!new)[^/?]+\?given=1$/);
  await expectNoAccessibilityViolations(mia);
  const recognition = mia.getByRole("article").filter({ hasText: message });
  await expect(recognition).toContainText("Tomás Berg");
  await expect(recognition.getByRole("link", { name: new RegExp(QUESTION) })).toBeVisible();

  // A leader features it, and it is on the home page's wall.
  const leader = await pageFor(browser, "leader");
  await leader.goto("/recognition");
  const card = leader.getByRole("article").filter({ hasText: message });
  await card.getByRole("button", { name: "Feature on the home page" }).click();
  await expect(card.getByRole("button", { name: "Unfeature" })).toBeVisible();
  await leader.goto("/");
  await expect(leader.getByRole("region", { name: "Recognition wall" })).toContainText(message);

  // Private feedback: readable by the two of them only.
  const secret = `Private: thank you for your patience in review ${stamp()}`;
  // By search: the directory's first page of 20 fills up with the members other specs create.
  await mia.goto("/members?q=Berg");
  await mia.getByRole("link", { name: "Tomás Berg" }).click();
  await mia.getByRole("link", { name: "Send private feedback" }).click();
  await mia.getByRole("textbox", { name: "Your feedback" }).fill(secret);
  await mia.getByRole("button", { name: "Send privately" }).click();
  await expect(mia.getByText("Sent. Only the two of you can read it.")).toBeVisible();
  await expectNoAccessibilityViolations(mia);
  const feedbackUrl = new URL(mia.url()).pathname;

  const priya = await pageFor(browser, "priya");
  const admin = await pageFor(browser, "admin");
  for (const outsider of [priya, admin]) {
    const response = await outsider.goto(feedbackUrl);
    expect(response?.status()).toBe(404);
    await outsider.goto(`/search?q=${encodeURIComponent(secret)}`);
    await expect(outsider.getByText(/^Nothing matches/)).toBeVisible();
    await outsider.goto("/recognition");
    await expect(outsider.getByText(secret)).toHaveCount(0);
  }
  const tomas = await pageFor(browser, "tomas");
  await tomas.goto(feedbackUrl);
  await expect(tomas.getByText(secret)).toBeVisible();

  // The daily limit refuses one more, with a clear message.
  await setDailyLimit(admin, 1);
  try {
    await mia.goto("/recognition/new");
    await mia.getByRole("combobox", { name: "Who are you thanking?" }).fill("Priya");
    await mia.getByRole("option", { name: /Priya Nair/ }).click();
    await thankFromForm(mia, `One more thank-you ${stamp()}`);
    await expect(
      mia.getByRole("status").filter({ hasText: "You've reached today's limit of 1" }),
    ).toBeVisible();
  } finally {
    await setDailyLimit(admin, 10);
  }
});
