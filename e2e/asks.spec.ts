import { expect, test } from "./support/test";
import { expectNoAccessibilityViolations } from "./support/a11y";
import { stamp } from "./support/admin";
import { DEMO, resumeSessionOf } from "./support/auth";

// Ask the right colleague, in one pass: an unanswered question is routed to colleagues who can
// answer it, each with the reasons; one of them sees why they were asked, answers, and the
// asker accepts the answer.
test("an unanswered question is routed to explained colleagues, one answers, the asker accepts", async ({
  browser,
  page,
}) => {
  const title = `How do we size Kubernetes pods for batch jobs? ${stamp()}`;
  await resumeSessionOf(page, "member");
  await page.goto("/discussions/new?kind=question");
  await page.getByLabel("Title").fill(title);
  await page.getByRole("textbox", { name: "Body" }).fill("Our nightly jobs get **OOM-killed**.");
  await page.getByLabel("Tags").fill("Kubernetes");
  await page.getByRole("button", { name: "Post", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  const url = page.url();

  const asks = page.getByRole("region", { name: "Asking colleagues" });
  await asks.getByRole("button", { name: "Find someone who can answer" }).click();
  await expect(asks.getByText(/^Asked .*Leo Leader.* to help\.$/)).toBeVisible();
  await expect(asks.getByText(/^Asked to help: .*Leo Leader/)).toBeVisible();

  const leo = await (await browser.newContext()).newPage();
  await resumeSessionOf(leo, "leader");
  await leo.goto("/notifications");
  await leo.getByRole("link", { name: `Mia Member asked you to help with “${title}”` }).click();
  const panel = leo.getByRole("region", { name: "You were asked to help" });
  await expect(panel.getByRole("list", { name: "Why you were asked" })).toContainText(
    "Says they can teach Kubernetes",
  );
  await expectNoAccessibilityViolations(leo);
  await panel.getByRole("link", { name: "Answer" }).click();
  await leo
    .getByRole("textbox", { name: "Answer or reply" })
    .fill("Set requests from the p95 of last week's usage and a limit 20 % above.");
  await leo.getByRole("button", { name: "Post reply" }).click();
  await expect(leo.getByText("Your reply is posted.")).toBeVisible();
  await leo.goto(url);
  await expect(leo.getByText("You answered. Thank you.")).toBeVisible();

  await page.goto(url);
  const reply = page.getByRole("article", { name: `Reply by ${DEMO.leader.name}` });
  await reply.getByRole("button", { name: /^Accept as answer/ }).click();
  await expect(page.getByText("Answer accepted.")).toBeVisible();
  await expect(page.getByRole("region", { name: "Accepted answer" })).toContainText("p95");
});
