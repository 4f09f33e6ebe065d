import type { Page } from "@playwright/test";
import { expect, test } from "./support/test";
import { clickAndSave } from "./support/actions";
import { expectNoAccessibilityViolations } from "./support/a11y";
import { stamp } from "./support/admin";
import { SAVED_SESSION_ACCOUNTS, resumeSessionOf } from "./support/auth";

const PRIYA = SAVED_SESSION_ACCOUNTS.priya;

async function startDiscussion(
  page: Page,
  { title, body, kind }: { title: string; body: string; kind: "Discussion" | "Question" },
) {
  await page.goto(kind === "Question" ? "/discussions/new?kind=question" : "/discussions/new");
  await expect(page.getByRole("radio", { name: new RegExp(`^${kind}`) })).toBeChecked();
  await page.getByLabel("Title").fill(title);
  await page.getByRole("textbox", { name: "Body" }).fill(body);
  await page.getByLabel("Tags").fill("testing, e2e");
  await page.getByRole("button", { name: "Post", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  return page.url();
}

test("a question is answered, the answer accepted and the answerer notified", async ({
  browser,
  page,
}) => {
  const title = `How do we keep flaky tests out of main? ${stamp()}`;
  await resumeSessionOf(page, "member");
  const url = await startDiscussion(page, {
    title,
    body: "Our CI fails **randomly** a few times a week.",
    kind: "Question",
  });
  await expect(page.getByText("Unanswered", { exact: true })).toBeVisible();
  await expectNoAccessibilityViolations(page);

  const answerer = await browser.newPage();
  await resumeSessionOf(answerer, "priya");
  await answerer.goto(url);
  await answerer
    .getByRole("textbox", { name: "Answer or reply" })
    .fill("Quarantine them: tag flaky tests and run them in a separate, non-blocking job.");
  await answerer.getByRole("button", { name: "Post reply" }).click();
  await expect(answerer.getByText("Your reply is posted.")).toBeVisible();
  const answer = answerer.getByRole("article", { name: `Reply by ${PRIYA.name}` });
  await expect(answer).toContainText("Quarantine them");

  await page.reload();
  const reply = page.getByRole("article", { name: `Reply by ${PRIYA.name}` });
  await reply.getByRole("button", { name: /^Accept as answer/ }).click();
  await expect(page.getByText("Answer accepted.")).toBeVisible();
  const accepted = page.getByRole("region", { name: "Accepted answer" });
  await expect(accepted).toContainText("Quarantine them");
  // Its text is not repeated in the thread below.
  await expect(reply).toContainText("Shown in full at the top, as the accepted answer.");
  await expect(reply).not.toContainText("Quarantine them");
  await expect(page.getByText("Answered", { exact: true })).toBeVisible();

  await answerer.goto("/notifications");
  await expect(
    answerer.getByRole("link", { name: `Mia Member accepted your answer to “${title}”` }),
  ).toBeVisible();

  await page.goto("/discussions?kind=question&status=answered");
  await expect(page.getByRole("link", { name: title })).toBeVisible();
  await expectNoAccessibilityViolations(page);
});

test("a reaction toggles on and off with its count", async ({ page }) => {
  await resumeSessionOf(page, "member");
  await startDiscussion(page, {
    title: `Lunch and learn ideas ${stamp()}`,
    body: "What should we cover next month?",
    kind: "Discussion",
  });
  const reactions = page.getByRole("list", { name: "Reactions to this discussion" });
  const insightful = reactions.getByRole("button", { name: /^Insightful/ });
  await expect(insightful).toHaveAttribute("aria-pressed", "false");
  await expect(insightful).toHaveAccessibleName("Insightful, 0 reactions");
  await clickAndSave(page, insightful);
  await expect(insightful).toHaveAttribute("aria-pressed", "true");
  await expect(insightful).toHaveAccessibleName("Insightful, 1 reaction, you reacted");
  await page.reload();
  await expect(insightful).toHaveAttribute("aria-pressed", "true");
  await insightful.click();
  await expect(insightful).toHaveAttribute("aria-pressed", "false");
  await expect(insightful).toHaveAccessibleName("Insightful, 0 reactions");

  // A reply shows only the reactions it has, the others behind "Add a reaction".
  await page.getByRole("textbox", { name: "Reply", exact: true }).fill("Testing in production?");
  await page.getByRole("button", { name: "Post reply" }).click();
  await expect(page.getByText("Your reply is posted.")).toBeVisible();
  const onReply = page
    .getByRole("article", { name: "Reply by Mia Member" })
    .getByRole("list", { name: "Reactions to Mia Member's reply" });
  const add = onReply.getByRole("button", { name: "Add a reaction to Mia Member's reply" });
  await expect(onReply.getByRole("button")).toHaveCount(1);
  await expect(add).toHaveAttribute("aria-expanded", "false");
  await add.click();
  await expect(add).toHaveAttribute("aria-expanded", "true");
  await clickAndSave(page, onReply.getByRole("button", { name: "Thanks, 0 reactions" }));
  const thanks = onReply.getByRole("button", { name: /^Thanks/ });
  await expect(thanks).toHaveAccessibleName("Thanks, 1 reaction, you reacted");
  await page.reload();
  await expect(thanks).toHaveAccessibleName("Thanks, 1 reaction, you reacted");
  // Thanks, and the button that offers the other three.
  await expect(onReply.getByRole("button")).toHaveCount(2);
  // Checked on the reloaded page: right after a toggle, the action's refresh can be
  // re-rendering the page's <title> while axe reads it.
  await expectNoAccessibilityViolations(page);
  // Taken back, it stays where it was until the page is left.
  await thanks.click();
  await expect(thanks).toHaveAccessibleName("Thanks, 0 reactions");
});

test("a reply quotes another, and a locked discussion shows no reply form", async ({
  browser,
  page,
}) => {
  await resumeSessionOf(page, "member");
  const url = await startDiscussion(page, {
    title: `Pairing rotation ${stamp()}`,
    body: "Should we rotate pairs daily?",
    kind: "Discussion",
  });
  await page
    .getByRole("textbox", { name: "Reply", exact: true })
    .fill("Daily feels too often to me.");
  await page.getByRole("button", { name: "Post reply" }).click();
  await expect(page.getByText("Your reply is posted.")).toBeVisible();

  const leader = await browser.newPage();
  await resumeSessionOf(leader, "leader");
  await leader.goto(url);
  const first = leader.getByRole("article", { name: "Reply by Mia Member" });
  await first.getByRole("link", { name: /^Reply to this/ }).click();
  await expect(leader.getByText("Replying to Mia Member.")).toBeVisible();
  const box = leader.getByRole("textbox", { name: "Reply", exact: true });
  await expect(box).toHaveValue(/^> \*\*Mia Member\*\* wrote:/);
  await box.press("Control+End");
  await box.pressSequentially("Twice a week works for us.");
  await leader.getByRole("button", { name: "Post reply" }).click();
  await expect(leader.getByText("Your reply is posted.")).toBeVisible();
  const answer = leader.getByRole("article", { name: "Reply by Leo Leader" });
  await expect(answer.getByRole("link", { name: "Mia Member" }).first()).toBeVisible();
  await expect(answer).toContainText("In reply to Mia Member");

  await leader.getByRole("button", { name: "Lock replies to this discussion" }).click();
  await expect(leader.getByText("Discussion locked: no new replies.")).toBeVisible();

  await page.reload();
  await expect(page.getByText("This discussion is locked: it takes no new replies.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Post reply" })).toHaveCount(0);
  await expectNoAccessibilityViolations(page);
});
