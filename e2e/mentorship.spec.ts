import type { Browser } from "@playwright/test";
import { expect, test } from "./support/test";
import { expectNoAccessibilityViolations } from "./support/a11y";
import { acceptInvitation, invite, stamp } from "./support/admin";
import { signIn, resumeSessionOf } from "./support/auth";
import { sql } from "./support/db";

// One flow through the programme with several members signed in at once.
test.slow();

async function newPage(browser: Browser) {
  return (await browser.newContext()).newPage();
}

test("a new member asks for a mentor, an admin pairs them from a suggestion, the mentor checks in, the space stays private, health turns overdue", async ({
  browser,
}) => {
  // Earlier runs against the same database end their pairings below; one that failed
  // half-way may still hold a mentor's place.
  await sql(
    `UPDATE "MentorPairing" p SET status = 'ENDED', "endedAt" = now(), "endReason" = 'Left by an earlier e2e run'
     FROM "User" u WHERE u.id = p."menteeId" AND u.name LIKE 'Nico Mentee %' AND p.status IN ('ACTIVE', 'PAUSED')`,
  );

  // A new member who wants to learn data analysis asks for a mentor.
  const admin = await newPage(browser);
  await resumeSessionOf(admin, "admin");
  const email = `mentee-${stamp()}@example.com`;
  const name = `Nico Mentee ${stamp()}`;
  const link = await invite(admin, email, "Member");
  const mentee = await newPage(browser);
  await acceptInvitation(mentee, link, name, "mentee passphrase 1");
  await signIn(mentee, email, "mentee passphrase 1");
  await expect(mentee.getByRole("heading", { level: 1, name: /Welcome/ })).toBeVisible();
  await mentee.goto("/profile");
  await mentee.getByLabel("Add a skill you want to learn").fill("Data analysis");
  await mentee.getByRole("button", { name: "Save profile" }).click();
  await expect(mentee.getByText("Profile saved.")).toBeVisible();
  await mentee.goto("/mentorship");
  await mentee.getByLabel("A note for the admins (optional)").fill("Mornings suit me best.");
  await mentee.getByRole("button", { name: "Ask for a mentor" }).click();
  await expect(mentee.getByText(/You asked for a mentor on/)).toBeVisible();

  // The admin opens the suggestions for them and reads the top mentor's explanation.
  await admin.goto("/admin/mentorship?tab=waiting");
  await admin.getByRole("link", { name: `Suggest mentors for ${name}` }).click();
  await expect(admin.getByRole("heading", { level: 1 })).toContainText(name);
  const top = admin
    .getByRole("list", { name: `Suggested mentors for ${name}, best match first` })
    .getByRole("listitem")
    .first();
  await expect(top).toContainText(`Offers the skill ${name} wants: Data analysis`);
  await expect(top).toContainText(/Score \d+/);
  const mentorName = (
    await top.getByRole("heading", { level: 2 }).getByRole("link").innerText()
  ).trim();
  await expectNoAccessibilityViolations(admin);

  // …and creates the pairing from it.
  await top.getByRole("link", { name: new RegExp(`^Pair with ${name}`) }).click();
  await expect(admin.getByRole("heading", { level: 1 })).toBeVisible();
  await admin.getByLabel("Goals").fill("Build a first customer-health report\nRead a query plan");
  await admin.getByRole("button", { name: "Create pairing" }).click();
  await expect(admin).toHaveURL(/:\/\/[^/]+\/mentorship\/[^/]+$/);
  const spacePath = new URL(admin.url()).pathname;
  await expect(admin.getByRole("main")).toContainText(mentorName);
  await expect(
    admin.getByText("Build a first customer-health report", { exact: true }),
  ).toBeVisible();

  // Both were told.
  await mentee.goto("/notifications");
  await expect(mentee.getByRole("main")).toContainText(`${mentorName} is now your mentor`);

  // The mentor logs a check-in, and the mentee sees it in their space.
  const [mentorRow] = await sql<{ email: string }>(
    `SELECT u.email FROM "MentorPairing" p JOIN "User" u ON u.id = p."mentorId" WHERE p.id = $1`,
    [spacePath.split("/").pop()],
  );
  const mentor = await newPage(browser);
  await signIn(mentor, mentorRow!.email);
  await expect(mentor.getByRole("heading", { level: 1, name: /Welcome/ })).toBeVisible();
  await mentor.goto(spacePath);
  const notes = `First check-in: picked the churn dashboard ${stamp()}`;
  await mentor.getByLabel("Notes").fill(notes);
  await mentor.getByLabel("Next steps (optional)").fill("Nico drafts the first query.");
  await mentor.getByRole("button", { name: "Log check-in" }).click();
  await expect(mentor.getByText(notes)).toBeVisible();
  await mentee.goto(spacePath);
  await expect(mentee.getByText(notes)).toBeVisible();

  // A third member cannot open the pair's space.
  const leader = await newPage(browser);
  await resumeSessionOf(leader, "leader");
  const response = await leader.goto(spacePath);
  expect(response?.status()).toBe(404);
  await expect(leader.getByText(notes)).toHaveCount(0);

  // On track now; overdue once the last check-in is older than the cadence plus grace.
  const pairings = `/admin/mentorship?q=${encodeURIComponent(name)}`;
  await admin.goto(pairings);
  const row = admin.getByRole("row").filter({ hasText: name });
  await expect(row).toContainText("On track");
  await sql(
    `UPDATE "MentorPairing" SET "lastCheckInOn" = current_date - 30, "startsOn" = current_date - 60 WHERE id = $1`,
    [spacePath.split("/").pop()],
  );
  await admin.goto(pairings);
  await expect(row).toContainText("Overdue");
  await admin.goto(`/admin/mentorship?health=overdue&q=${encodeURIComponent(name)}`);
  await expect(admin.getByRole("row").filter({ hasText: name })).toBeVisible();

  // The admin ends it (which also frees the mentor's place for the next run).
  await admin.goto(spacePath);
  await admin.getByLabel("Reason for ending").fill("End of the e2e run.");
  await admin.getByRole("button", { name: "End mentorship" }).click();
  await expect(admin.getByText(/ended/i).first()).toBeVisible();
});
