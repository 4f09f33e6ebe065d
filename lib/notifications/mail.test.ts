import { describe, expect, it } from "vitest";
import { testDb } from "@/test/db";
import { createMember } from "@/test/factories";
import { createDiscussion, createReply } from "@/test/factories-discussions";
import { notificationsFor } from "@/test/factories-notifications";
import { createPrivateFeedback } from "@/test/factories-recognition";
import { JOB_SCHEMA } from "@/lib/core/jobs/boss";
import { queuedJobs, runQueuedJobs } from "@/test/jobs";
import { smtpServerForThisFile } from "@/test/smtp";
import { POST } from "@/app/email/unsubscribe/[token]/route";
import { notificationMailHandler } from "./jobs";
import { preferencesOf } from "./preferences";
import { notificationMailQueue } from "./mail-queue";
import { notify, notifyMany } from "./notify";
import { NOTIFICATION_MAILS_PER_HOUR } from "./send-mail";
import type { NotificationData, NotificationKind } from "./kinds";

const smtp = smtpServerForThisFile("Commons <commons@test.example>");

const forMember = (member: { id: string }) => (data: { recipientId: string }) =>
  data.recipientId === member.id;

function tell<K extends NotificationKind>(
  recipientId: string,
  kind: K,
  data: NotificationData<K>,
  actorId: string | null = null,
) {
  return testDb.$transaction((tx) => notify(tx, { recipientId, actorId, kind, data }));
}

const roleChange = (memberId: string) => tell(memberId, "member.role_changed", { role: "LEADER" });

/** Runs the member's mail jobs; returns the mail they got (none: an empty list). */
async function mailsAfterJobs(member: { id: string; email: string }) {
  const before = smtp.messages.length;
  await runQueuedJobs(notificationMailHandler, forMember(member));
  return smtp.messages.slice(before).filter((m) => m.envelopeTo.includes(member.email));
}

describe("enqueueing the immediate mail", () => {
  it("enqueues one job per member, keyed by them, after the batching window", async () => {
    const [author, member] = [await createMember(), await createMember()];
    await testDb.$transaction((tx) =>
      notifyMany(tx, {
        recipientIds: [member.id],
        actorId: author.id,
        kind: "content.mentioned",
        data: { title: "Pairing", path: "/members" },
      }),
    );
    const jobs = await queuedJobs(notificationMailQueue, forMember(member));
    expect(jobs).toHaveLength(1);
    expect(jobs[0]!.singletonKey).toBe(member.id);
    expect(jobs[0]!.startAfter.getTime()).toBeGreaterThan(Date.now() + 60_000);
    // A second notification in the window adds no job.
    await roleChange(member.id);
    expect(await queuedJobs(notificationMailQueue, forMember(member))).toHaveLength(1);
  });

  it("enqueues nothing when the action rolls back", async () => {
    const member = await createMember();
    await expect(
      testDb.$transaction(async (tx) => {
        await notify(tx, {
          recipientId: member.id,
          actorId: null,
          kind: "member.role_changed",
          data: { role: "LEADER" },
        });
        throw new Error("rolled back");
      }),
    ).rejects.toThrow("rolled back");
    expect(await queuedJobs(notificationMailQueue, forMember(member))).toHaveLength(0);
    expect(await notificationsFor(member.id)).toHaveLength(0);
  });

  it("enqueues nothing for a kind the member turned off or gets in a digest", async () => {
    const member = await createMember();
    await testDb.notificationPreference.create({
      data: { userId: member.id, kind: "member.role_changed", email: "OFF" },
    });
    await roleChange(member.id);
    await tell(member.id, "tag.new_content", { tagName: "x", title: "y", path: "/tags/x" });
    expect(await queuedJobs(notificationMailQueue, forMember(member))).toHaveLength(0);
    expect(await mailsAfterJobs(member)).toHaveLength(0);
  });
});

describe("the immediate mail job", () => {
  it("sends one message for everything waiting and marks it emailed", async () => {
    const member = await createMember({ name: "Zoë Member" });
    await roleChange(member.id);
    await tell(member.id, "session.cancelled", { sessionId: "nope", title: "Gone" });
    await roleChange(member.id);
    await roleChange(member.id);
    const mails = await mailsAfterJobs(member);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.parsed.subject).toMatch(/^3 new notifications in \S/);
    // The notification about a session that does not exist was dropped, not mailed.
    const rows = await notificationsFor(member.id);
    expect(rows.filter((n) => n.emailedAt)).toHaveLength(3);
    expect(rows.find((n) => n.kind === "session.cancelled")?.emailedAt).toBeNull();
    expect(mails[0]!.parsed.text).toContain("/notifications");
    expect(await mailsAfterJobs(member)).toHaveLength(0);
  });

  it("uses the notification's text as the subject of a single one", async () => {
    const [actor, member] = [await createMember({ name: "Ada Admin" }), await createMember()];
    await tell(member.id, "member.role_changed", { role: "LEADER" }, actor.id);
    const [mail] = await mailsAfterJobs(member);
    expect(mail!.parsed.subject).toBe("Ada Admin made you a Leader");
    expect(mail!.parsed.text).toContain("Ada Admin made you a Leader");
  });

  it("sends nothing when the member read it first", async () => {
    const member = await createMember();
    await roleChange(member.id);
    await testDb.notification.updateMany({
      where: { recipientId: member.id },
      data: { readAt: new Date() },
    });
    expect(await mailsAfterJobs(member)).toHaveLength(0);
  });

  it("never mails a deactivated member", async () => {
    const member = await createMember();
    await roleChange(member.id);
    await testDb.user.update({ where: { id: member.id }, data: { status: "DEACTIVATED" } });
    expect(await mailsAfterJobs(member)).toHaveLength(0);
  });

  it("drops notifications about hidden or deleted content", async () => {
    const [author, member] = [await createMember(), await createMember()];
    const hidden = await createDiscussion(member.id, { hiddenAt: new Date() });
    const deleted = await createDiscussion(member.id, { deletedAt: new Date() });
    const live = await createDiscussion(member.id, { title: "Still here" });
    for (const discussion of [hidden, deleted, live]) {
      const reply = await createReply(discussion.id, author.id);
      await tell(
        member.id,
        "discussion.replied",
        { discussionId: discussion.id, replyId: reply.id, title: discussion.title },
        author.id,
      );
    }
    const mails = await mailsAfterJobs(member);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.parsed.subject).toContain("Still here");
    expect(mails[0]!.parsed.text).not.toContain(hidden.title);
    expect(mails[0]!.parsed.text).not.toContain(deleted.title);
  });

  it("never puts private feedback text in mail", async () => {
    const [giver, member] = [await createMember(), await createMember()];
    const feedback = await createPrivateFeedback(giver.id, member.id, {
      message: "Your demo rambled; SECRET-FEEDBACK-TEXT",
    });
    await tell(member.id, "private_feedback.received", { feedbackId: feedback.id }, giver.id);
    const [mail] = await mailsAfterJobs(member);
    expect(mail!.parsed.subject).toBe("You have new private feedback");
    expect(mail!.raw).not.toContain("SECRET-FEEDBACK-TEXT");
    expect(mail!.parsed.text).not.toContain(giver.name);
    expect(mail!.parsed.text).toContain(`/notifications/`);
  });

  it("sends at most the hourly number, leaving the rest for a later job", async () => {
    const member = await createMember();
    await testDb.emailMessage.createMany({
      data: Array.from({ length: NOTIFICATION_MAILS_PER_HOUR }, () => ({
        userId: member.id,
        toAddress: member.email,
        kind: "notification",
        subject: "Earlier",
        status: "SENT" as const,
        createdAt: new Date(Date.now() - 10 * 60_000),
      })),
    });
    await roleChange(member.id);
    // As the worker does: the job is active while it runs (so it may enqueue its successor).
    const [job] = await queuedJobs(notificationMailQueue, forMember(member));
    await testDb.$executeRawUnsafe(
      `UPDATE ${JOB_SCHEMA}.job SET state = 'active', started_on = now() WHERE id = $1::uuid`,
      job!.id,
    );
    const before = smtp.messages.length;
    await notificationMailHandler.run({ recipientId: member.id }, { id: job!.id, retryCount: 0 });
    expect(smtp.messages.length).toBe(before);
    expect((await notificationsFor(member.id))[0]?.emailedAt).toBeNull();
    const [later] = await queuedJobs(notificationMailQueue, forMember(member));
    expect(later!.startAfter.getTime()).toBeGreaterThan(Date.now() + 45 * 60_000);
  });

  it("carries the one-click unsubscribe headers", async () => {
    const member = await createMember();
    await roleChange(member.id);
    const [mail] = await mailsAfterJobs(member);
    expect(mail!.header("list-unsubscribe")).toMatch(/^<http.*\/email\/unsubscribe\/[\w-]{43}>$/);
    expect(mail!.header("list-unsubscribe-post")).toBe("List-Unsubscribe=One-Click");
    const token = await testDb.unsubscribeToken.findFirst({ where: { userId: member.id } });
    expect(token?.scope).toBe("member.role_changed");
    // The header's URL, posted as a mail provider does (no cookie), turns off only that kind.
    const url = mail!.header("list-unsubscribe")!.slice(1, -1);
    const response = await POST(
      new Request(url, {
        method: "POST",
        headers: { "Content-Type": "application/x-www-form-urlencoded" },
        body: "List-Unsubscribe=One-Click",
      }),
      { params: Promise.resolve({ token: url.split("/").at(-1)! }) },
    );
    expect(response.status).toBe(200);
    const preferences = await preferencesOf(testDb, member.id);
    expect(preferences["member.role_changed"]).toBe("OFF");
    expect(preferences["content.mentioned"]).toBe("IMMEDIATE");
  });
});
