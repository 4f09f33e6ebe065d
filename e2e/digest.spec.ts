import { expect, test } from "./support/test";
import { acceptInvitation, invite, stamp } from "./support/admin";
import { signIn, resumeSessionOf } from "./support/auth";
import { sql } from "./support/db";
import { linkIn, mailTo, waitForMail } from "./support/mail";

/**
 * Starts the member's weekly digest now. The hourly planner (lib/digest/plan.ts) sends a
 * weekly digest in the 08:00 hour of the member's Monday, which a test run cannot wait for
 * (and no time zone is at 08:00 Monday at every moment). So the test does the one thing the
 * planner would do: it puts the same `digest.send` job in the queue, straight into pg-boss's
 * job table (the queue exists once the worker has started), and the running worker builds
 * and sends the digest through the real code and the real SMTP server. No hook in the app.
 */
async function queueWeeklyDigest(email: string) {
  const [member] = await sql<{ id: string }>(`SELECT id FROM "User" WHERE email = $1`, [email]);
  if (!member) throw new Error(`No member ${email}`);
  await sql(`INSERT INTO pgboss.job (name, data, policy) VALUES ('digest.send', $1, 'standard')`, [
    JSON.stringify({ frequency: "WEEKLY", until: new Date().toISOString(), userIds: [member.id] }),
  ]);
}

test("a member who follows a tag gets a weekly digest of what was posted in it", async ({
  browser,
  page,
}) => {
  const tag = `digest-${stamp()}`;
  const email = `digest-${stamp()}@example.com`;
  const title = `What we learned from ${tag}`;
  const password = "digest passphrase";

  await resumeSessionOf(page, "admin");
  const link = await invite(page, email, "Member");
  const reader = await (await browser.newContext()).newPage();
  await acceptInvitation(reader, link, `Dana ${stamp()}`, password);
  await signIn(reader, email, password);

  const author = await (await browser.newContext()).newPage();
  await resumeSessionOf(author, "member");
  await author.goto("/discussions/new");
  await author.getByLabel("Title").fill(title);
  await author.getByRole("textbox", { name: "Body" }).fill("Notes from our retrospective.");
  await author.getByLabel("Tags").fill(tag);
  await author.getByRole("button", { name: "Post", exact: true }).click();
  await expect(author.getByRole("heading", { level: 1, name: title })).toBeVisible();

  await reader.goto(`/tags?q=${tag}`);
  await reader
    .getByRole("list", { name: "Tags" })
    .getByRole("link", { name: `#${tag}` })
    .click();
  await reader.getByRole("button", { name: `Follow ${tag}` }).click();
  await expect(reader.getByText(`You follow ${tag}.`)).toBeVisible();

  const since = (await mailTo(email)).length;
  await queueWeeklyDigest(email);
  const mail = await waitForMail(email, { subject: /^Your weekly digest: /, since });
  // The demo seed's sessions may add "…, 1 new session" after it.
  expect(mail.subject).toMatch(new RegExp(`^Your weekly digest: 1 new in #${tag}(, |$)`));
  expect(mail.text).toContain(title);
  expect(mail.text).toMatch(/New in the tags you follow/i); // plain text writes headings in capitals
  expect(mail.header("list-unsubscribe")).toMatch(/\/email\/unsubscribe\//);
  expect(mail.header("list-unsubscribe-post")).toBe("List-Unsubscribe=One-Click");

  await reader.goto(linkIn(mail, "/discussions/"));
  await expect(reader.getByRole("heading", { level: 1, name: title })).toBeVisible();
});
