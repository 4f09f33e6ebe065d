import { readFile } from "node:fs/promises";
import type { Browser, Page } from "@playwright/test";
import { expect, test } from "./support/test";
import ICAL from "ical.js";
import { expectNoAccessibilityViolations } from "./support/a11y";
import { stamp } from "./support/admin";
import { resumeSessionOf, type SavedSessionAccount } from "./support/auth";
import { moveSessionIntoThePast, sql } from "./support/db";

// Each test walks a whole flow with three or four members.
test.slow();

async function pageFor(browser: Browser, who: SavedSessionAccount): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await resumeSessionOf(page, who);
  return page;
}

/** The form-level message (role=status) that says `text`. */
const status = (page: Page, text: string | RegExp) =>
  page.getByRole("status").filter({ hasText: text });

async function schedule(leader: Page, title: string, seats: string) {
  await leader.goto("/sessions/new");
  await leader.getByLabel("Title").fill(title);
  await leader.getByLabel("Format", { exact: true }).selectOption({ label: "Lunch-and-learn" });
  await leader.getByRole("textbox", { name: "What it is about" }).fill("We pair on a flaky test.");
  await leader.getByLabel("Seats (optional)").fill(seats);
  await leader.getByRole("button", { name: "Schedule session" }).click();
  await expect(leader.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(leader.getByText("Session scheduled.")).toBeVisible();
  return leader.url();
}

test("a full session waitlists and promotes, then gets notes, an action item, anonymous feedback and an .ics", async ({
  browser,
}) => {
  const title = `Lunch-and-learn: taming flaky tests ${stamp()}`;
  const leader = await pageFor(browser, "leader");
  const sessionId = new URL(await schedule(leader, title, "2")).pathname.split("/")[2]!;
  const url = `/sessions/${sessionId}`;
  await expectNoAccessibilityViolations(leader);

  const mia = await pageFor(browser, "member");
  await mia.goto(url);
  await mia.getByRole("button", { name: "I'm going" }).click();
  await expect(status(mia, "You're going.")).toBeVisible();

  const priya = await pageFor(browser, "priya");
  await priya.goto(url);
  await priya.getByRole("button", { name: "I'm going" }).click();
  await expect(status(priya, "You're going.")).toBeVisible();

  const tomas = await pageFor(browser, "tomas");
  await tomas.goto(url);
  await tomas.getByRole("button", { name: "Join the waitlist" }).click();
  await expect(status(tomas, /on the waitlist \(number 1\)/)).toBeVisible();

  await mia.getByRole("button", { name: "I can't go after all" }).click();
  await expect(status(mia, "You're not going.")).toBeVisible();

  await tomas.goto("/notifications");
  await expect(
    tomas.getByRole("link", { name: `A seat opened up: you are going to “${title}”` }),
  ).toBeVisible();
  await tomas.goto(url);
  await expect(tomas.getByText("You're going.")).toBeVisible();

  // The .ics file downloads and parses, with the session's real start.
  await leader.reload();
  const downloading = leader.waitForEvent("download");
  await leader.getByRole("link", { name: "Add to calendar (.ics)" }).click();
  const file = await (await downloading).path();
  const event = new ICAL.Event(
    new ICAL.Component(ICAL.parse(await readFile(file, "utf8"))).getFirstSubcomponent("vevent")!,
  );
  const [row] = await sql<{ startsAt: Date }>(
    `SELECT "startsAt" FROM "LearningSession" WHERE id = $1`,
    [sessionId],
  );
  expect(event.summary).toBe(title);
  expect(event.startDate.toJSDate().getTime()).toBe(row!.startsAt.getTime());

  // The session takes place; the host records notes with an action item for Priya.
  await moveSessionIntoThePast(sessionId);
  await leader.goto(`${url}/notes`);
  await leader
    .getByRole("textbox", { name: "Summary" })
    .fill("We found the race in the retry helper.");
  await leader
    .getByRole("textbox", { name: "Key takeaways" })
    .fill("- Quarantine first, fix second");
  await leader.getByRole("button", { name: "Save notes" }).click();
  await expect(status(leader, /saved/i)).toBeVisible();
  await leader.getByLabel("What needs doing").fill("Write up the retry fix");
  await leader.getByRole("combobox", { name: "Owner" }).fill("Priya");
  await leader.getByRole("option", { name: /Priya Nair/ }).click();
  await leader.getByRole("button", { name: "Add action item" }).click();
  await expect(leader.getByText("Write up the retry fix").first()).toBeVisible();

  // Priya sees her action item at home and rates the session anonymously.
  await priya.goto("/");
  await expect(priya.getByText("Write up the retry fix").first()).toBeVisible();
  await priya.goto(url);
  await priya.getByRole("radio", { name: "4 – Very good" }).check();
  const comment = `Pairing on the flaky test helped ${stamp()}`;
  await priya.getByRole("textbox", { name: "Comment (optional)" }).fill(comment);
  await priya.getByRole("checkbox", { name: "Leave my name off" }).check();
  await priya.getByRole("button", { name: "Send rating" }).click();
  await expect(status(priya, /Your rating was saved without your name\./)).toBeVisible();

  // One anonymous rating alone would be Priya's: the host sees that it waits, not what it says.
  await leader.goto(url);
  await expect(leader.getByText(/1 anonymous rating is waiting/)).toBeVisible();
  await expect(leader.getByText(comment)).toHaveCount(0);
  await expectNoAccessibilityViolations(leader);
});

test("a topic proposal with votes becomes a session and its proposer is told", async ({
  browser,
}) => {
  const topic = `Contract testing for our APIs ${stamp()}`;
  const mia = await pageFor(browser, "member");
  await mia.goto("/sessions/proposals/new");
  await mia.getByLabel("Topic").fill(topic);
  await mia
    .getByRole("textbox", { name: "Why it matters" })
    .fill("Our integration tests are slow and break for unrelated reasons.");
  await mia.getByRole("button", { name: "Propose topic" }).click();
  await expect(mia.getByText("Topic proposed.")).toBeVisible();

  const priya = await pageFor(browser, "priya");
  await priya.goto("/sessions/proposals");
  const card = priya.getByRole("article", { name: topic });
  await card.getByRole("button", { name: `Vote for ${topic}` }).click();
  await expect(card.getByRole("button", { name: `Vote for ${topic}` })).toHaveAttribute(
    "aria-pressed",
    "true",
  );

  const leader = await pageFor(browser, "leader");
  await leader.goto("/sessions/proposals");
  const leaderCard = leader.getByRole("article", { name: topic });
  await expect(leaderCard).toContainText("1");
  await leaderCard.getByRole("link", { name: /Schedule as a session/ }).click();
  await expect(leader.getByLabel("Title")).toHaveValue(topic);
  await leader.getByLabel("Format", { exact: true }).selectOption({ label: "Workshop" });
  await leader.getByRole("button", { name: "Schedule session" }).click();
  await expect(leader.getByRole("heading", { level: 1, name: topic })).toBeVisible();
  await expect(leader.getByText("Proposed by:")).toBeVisible();
  await expect(leader.getByRole("link", { name: "Mia Member" }).first()).toBeVisible();

  await mia.goto("/notifications");
  await expect(
    mia.getByRole("link", { name: `Leo Leader scheduled your topic “${topic}”` }),
  ).toBeVisible();
});
