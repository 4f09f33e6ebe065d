import type { Browser } from "@playwright/test";
import { expect, test } from "./support/test";
import { expectNoAccessibilityViolations } from "./support/a11y";
import { stamp } from "./support/admin";
import { signIn, resumeSessionOf } from "./support/auth";
import { sql } from "./support/db";

// Each test signs in several members and walks a whole flow.
test.slow();

const RESPONDENTS = [
  "member@example.com",
  "priya.nair@example.com",
  "tomas.berg@example.com",
  "grace.okafor@example.com",
  "sam.chen@example.com",
];

async function answerSurvey(browser: Browser, email: string, surveyPath: string, seed: number) {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, email);
  await expect(page.getByRole("heading", { level: 1, name: /Welcome/ })).toBeVisible();
  await expect(page.getByRole("region", { name: "Open surveys" })).toBeVisible();
  await page.goto(surveyPath);
  if (seed === 0) await expectNoAccessibilityViolations(page);
  const statements = page.getByRole("radiogroup");
  const count = await statements.count();
  expect(count).toBe(12);
  for (let i = 0; i < count; i++) {
    await statements
      .nth(i)
      .getByRole("radio")
      .nth((i + seed) % 5)
      .check();
  }
  await page.getByRole("button", { name: "Send my answers" }).click();
  await expect(page.getByText("Thank you for answering.")).toBeVisible();
  await page.context().close();
}

test("a leader runs a pulse from the template; results appear only once it closes", async ({
  browser,
}) => {
  const leader = await (await browser.newContext()).newPage();
  await resumeSessionOf(leader, "leader");
  await leader.goto("/insights/surveys");
  await leader.getByRole("link", { name: "New from the learning-culture template" }).click();
  const title = `Learning culture pulse ${stamp()}`;
  await leader.getByLabel("Title").fill(title);
  await expect(leader.getByLabel("Statements")).toHaveValue(
    /I can share a mistake without fear of judgement/,
  );
  await leader.getByRole("button", { name: "Create survey" }).click();
  await expect(leader).toHaveURL(/\/insights\/surveys\/(?!new$)[^/?]+$/);
  const resultsPath = new URL(leader.url()).pathname;
  const surveyPath = `/surveys/${resultsPath.split("/").pop()}`;
  await expect(leader.getByRole("heading", { level: 1 })).toContainText(title);

  for (const [index, email] of RESPONDENTS.entries()) {
    await answerSurvey(browser, email, surveyPath, index);
    await leader.goto(resultsPath);
    await expect(
      leader.getByText(
        new RegExp(`^${index + 1} (person has|people have) answered so far. Results appear when`),
      ),
    ).toBeVisible();
    await expect(leader.getByRole("list", { name: /^Answers to:/ })).toHaveCount(0);
  }

  await leader.getByRole("button", { name: "Close now" }).click();
  await leader.getByRole("button", { name: "Close the survey" }).click();
  await expect(leader.getByText(/from the whole organisation\./)).toBeVisible();
  await expect(leader.getByText(/answered so far/)).toHaveCount(0);
  // A summary table first; each statement's detail folds out.
  const statement = "I can share a mistake without fear of judgement";
  await expect(
    leader
      .getByRole("table", { name: "Summary: each statement's average" })
      .getByRole("rowheader", { name: statement }),
  ).toBeVisible();
  await expect(leader.getByRole("list", { name: `Answers to: ${statement}` })).toBeHidden();
  await leader.locator("summary.fold-summary", { hasText: statement }).click();
  await expect(leader.getByRole("list", { name: `Answers to: ${statement}` })).toBeVisible();
  await expectNoAccessibilityViolations(leader);

  // Nothing on the page says who answered.
  const text = await leader.getByRole("main").innerText();
  for (const name of ["Mia Member", "Priya Nair", "Tomás Berg", "Grace Okafor", "Sam Chen"]) {
    expect(text).not.toContain(name);
  }
});

test("the dashboard lists a quiet member, and the review report prints", async ({ page }) => {
  // A member who joined long ago and has not been heard from since.
  const name = `Aaron Quiet ${stamp()}`;
  await sql(
    `INSERT INTO "User" (id, email, name, "createdAt", "updatedAt")
     VALUES ($1, $2, $3, now() - interval '200 days', now())`,
    [`quiet-${stamp()}`, `quiet-${stamp()}@example.com`, name],
  );
  // An activity roll-up older than 15 minutes: the page counts live and rebuilds it afterwards.
  await sql(`UPDATE "ActivityRollup" SET "refreshedAt" = now() - interval '1 hour'`);
  await resumeSessionOf(page, "leader");
  await page.goto("/insights");
  const quiet = page.getByRole("list", { name: "Not heard from in 90 days" });
  await expect(quiet.getByRole("link", { name })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "Participation" })).toBeVisible();
  const fresh = /Counts activity up to \d{1,2} [A-Z][a-z]{2} \d{4}, \d{2}:\d{2}/;
  await expect(async () => {
    await page.reload();
    await expect(page.getByText(fresh)).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
  await expect(quiet.getByRole("link", { name })).toBeVisible();

  await page.goto("/insights/report");
  await expect(
    page.getByRole("heading", { level: 1, name: "Learning culture review" }),
  ).toBeVisible();
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("navigation", { name: "Main" })).toBeHidden();
  await expect(page.getByRole("button", { name: /Print/ })).toBeHidden();
  const pdf = await page.pdf({ format: "A4" });
  expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
  expect(pdf.length).toBeGreaterThan(5_000);
});

test("members cannot open the dashboard, the report or the exports", async ({ page }) => {
  await resumeSessionOf(page, "member");
  for (const path of ["/insights", "/insights/report", "/insights/surveys"]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(403);
  }
  const csv = await page.request.get("/insights/export/key-measures.csv");
  expect(csv.status()).toBe(403);
});
