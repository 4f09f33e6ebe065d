// The failed-jobs page's data and its retry action, on the real queue tables: a job is made
// to fail on a queue of its own (no retries), then listed redacted and retried by an admin.
import { randomBytes } from "node:crypto";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { PermissionDenied, type Actor } from "@/lib/core/auth/authorize";
import { processBoss, JOB_SCHEMA } from "@/lib/core/jobs/boss";
import { enqueue } from "@/lib/core/jobs/enqueue";
import { defineQueue } from "@/lib/core/jobs/queue";
import { testDb } from "@/test/db";
import { createAdmin, createMember } from "@/test/factories";
import { form } from "@/test/form-data";
import { signedInAs } from "@/test/session";
import { failedJobs, mailProblems, queueCounts } from "./queries";
import { queueLabel } from "./labels";
import { NO_LONGER_FAILED } from "./retry";

vi.mock("@/lib/core/auth/auth", () => import("@/test/session"));
vi.mock("next/headers", () => ({ headers: async () => new Headers() }));
vi.mock("next/cache", () => ({ refresh: vi.fn(), revalidatePath: vi.fn() }));

const { retryJobAction } = await import("./actions");

const TOKEN = "Zx9".repeat(14);

async function failedJob() {
  const queue = defineQueue(`test.admin.${randomBytes(5).toString("hex")}`, z.object({}), {
    retry: { retryLimit: 0 },
  });
  const id = await testDb.$transaction((tx) => enqueue(tx, queue, {}));
  const boss = await processBoss();
  await boss.fail(
    queue.name,
    id!,
    new Error(`SMTP refused ann.smith@example.com: https://mail.test/reset/${TOKEN}?k=1 ${TOKEN}`),
  );
  return { queue: queue.name, id: id! };
}

async function findListed(admin: Actor, id: string) {
  let cursor: string | undefined;
  for (let page = 0; page < 20; page++) {
    const result = await failedJobs(admin, cursor);
    const found = result.jobs.find((job) => job.id === id);
    if (found || !result.nextCursor) return found;
    cursor = result.nextCursor;
  }
  return undefined;
}

const stateOf = async (id: string) =>
  (
    await testDb.$queryRawUnsafe<{ state: string }[]>(
      `SELECT state::text AS state FROM ${JOB_SCHEMA}.job WHERE id = $1::uuid`,
      id,
    )
  )[0]?.state;

beforeEach(() => signedInAs(null));

describe("failed jobs", () => {
  it("are listed with the message only, addresses and tokens blanked", async () => {
    const admin = await createAdmin();
    const { queue, id } = await failedJob();
    const listed = await findListed(admin, id);
    expect(listed).toMatchObject({ queue, attempts: 1 });
    expect(listed!.error).toBe("SMTP refused [address]: https://mail.test/… [token]");
    expect(listed!.error).not.toContain("example.com");
    expect(listed!.error).not.toContain(TOKEN);
    expect(JSON.stringify(listed)).not.toMatch(/stack|at .*\.ts/);
  });

  it("are put back in their queue by an admin's retry, audited; a second retry says it is no longer failed", async () => {
    const admin = await createAdmin();
    signedInAs(admin);
    const { queue, id } = await failedJob();
    expect(await retryJobAction(null, form({ queue, id }))).toMatchObject({ ok: true });
    expect(["created", "retry"]).toContain(await stateOf(id));
    const audit = await testDb.auditLog.findFirstOrThrow({
      where: { actorId: admin.id, action: "job.retry", entityId: id },
    });
    expect(audit.after).toEqual({ queue });
    expect(await retryJobAction(null, form({ queue, id }))).toEqual({
      ok: false,
      message: NO_LONGER_FAILED,
      fieldErrors: undefined,
      values: expect.anything(),
    });
  });

  it("refuse a member, and malformed input", async () => {
    const { queue, id } = await failedJob();
    const member = await createMember();
    signedInAs(member);
    expect(await retryJobAction(null, form({ queue, id }))).toMatchObject({
      ok: false,
      message: "You don't have permission to do that.",
    });
    expect(await stateOf(id)).toBe("failed");
    await expect(failedJobs(member)).rejects.toBeInstanceOf(PermissionDenied);
    await expect(queueCounts(member)).rejects.toBeInstanceOf(PermissionDenied);
    await expect(mailProblems(member)).rejects.toBeInstanceOf(PermissionDenied);

    signedInAs(await createAdmin());
    expect(await retryJobAction(null, form({ queue: "Bad Queue;", id: "nope" }))).toMatchObject({
      ok: false,
      fieldErrors: { queue: [expect.any(String)], id: [expect.any(String)] },
    });
    expect(await stateOf(id)).toBe("failed");
  });

  it("counts waiting and failed jobs per queue, leaving test queues out", async () => {
    const admin = await createAdmin();
    await failedJob();
    const counts = await queueCounts(admin);
    expect(counts.every((row) => !row.queue.startsWith("test."))).toBe(true);
    expect(queueLabel("recognition.webhook")).toBe(
      "Posting recognitions to chat (recognition.webhook)",
    );
    expect(queueLabel("other.thing")).toBe("other.thing");
  });
});

describe("mail problems", () => {
  it("lists members whose mail failed, most recent first, with the reason redacted", async () => {
    const admin = await createAdmin();
    const older = await createMember();
    const newer = await createMember();
    const fine = await createMember();
    const now = Date.now();
    await testDb.user.update({
      where: { id: older.id },
      data: { emailFailedAt: new Date(now + 50_000), emailFailure: "Mailbox full" },
    });
    await testDb.user.update({
      where: { id: newer.id },
      data: {
        emailFailedAt: new Date(now + 60_000),
        emailFailure: `550 No such user ${newer.email}`,
      },
    });
    const page = await mailProblems(admin);
    const ids = page.items.map((row) => row.id);
    expect(ids.indexOf(newer.id)).toBeLessThan(ids.indexOf(older.id));
    expect(ids).not.toContain(fine.id);
    const row = page.items.find((item) => item.id === newer.id)!;
    expect(row).toMatchObject({ name: newer.name, reason: "550 No such user [address]" });
  });
});
