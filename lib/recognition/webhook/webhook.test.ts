// The chat webhook against a real HTTP receiver started here (node:http on port 0). The
// webhook URL is one organisation-wide setting, so every test that writes it lives in this
// file. Deliveries are pg-boss jobs on the "recognition.webhook" queue; tests run their own
// jobs (picked by the recognition's id) through the real handler with test/jobs.ts, and find
// their own requests by the recognition's unique message.
// Receivers listen on 127.0.0.1, which test/setup.ts allow-lists (WEBHOOK_ALLOWED_HOSTS) for
// every test process; the refusal tests reach the same receivers as `localhost`, which is not
// allow-listed, or pass a policy with no allowed hosts.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, describe, expect, it, vi } from "vitest";
import { PermissionDenied } from "@/lib/core/auth/authorize";
import { JOB_SCHEMA } from "@/lib/core/jobs/boss";
import { DomainError, NotFound } from "@/lib/core/forms/errors";
import { testDb } from "@/test/db";
import { createAdmin, createLeader, createMember, unique } from "@/test/factories";
import { createRecognition, createValue } from "@/test/factories-recognition";
import { queuedJobs, runQueuedJobs } from "@/test/jobs";
import { webhookHandler } from "../jobs";
import { buildChatMessage, recipientsPhrase, type ChatRecognition } from "./payload";
import {
  maskWebhookUrl,
  REFUSED_ADDRESS_FIELD_MESSAGE,
  retryDelivery,
  sendTestMessage,
  updateWebhookUrl,
} from "./admin";
import { deliverRecognition, TURNED_OFF } from "./deliver";
import { enqueueRecognitionDelivery } from "./index";
import { MAX_ATTEMPTS, retryDelayMs, webhookQueue, type WebhookJob } from "./queue";
import { countDeliveriesByStatus, listWebhookDeliveries } from "./queries";
import { REFUSED_MESSAGE } from "./send";

const APP_URL = vi.hoisted(() => {
  process.env.APP_URL = "https://commons.test/";
  return "https://commons.test";
});

/** The waiting webhook jobs of one recognition. */
const jobsFor = (recognitionId: string) =>
  queuedJobs<WebhookJob>(webhookQueue, (data) => data.recognitionId === recognitionId);

/** Runs one recognition's waiting webhook jobs through the real handler, as the worker would. */
const runJobsFor = (recognitionId: string) =>
  runQueuedJobs<WebhookJob>(webhookHandler, (data) => data.recognitionId === recognitionId);

interface ChatBody {
  text: string;
  blocks: { type: string; text: { type: string; text: string } }[];
}

interface Receiver {
  url: string;
  bodies: ChatBody[];
  contentTypes: (string | undefined)[];
  mentioning: (marker: string) => ChatBody[];
  close: () => Promise<void>;
}

type Reply = (req: IncomingMessage, res: ServerResponse) => void;

const replyOk: Reply = (_req, res) => res.end("ok");

async function startReceiver(reply: Reply = replyOk): Promise<Receiver> {
  const bodies: ChatBody[] = [];
  const contentTypes: (string | undefined)[] = [];
  const server = createServer((req, res) => {
    let raw = "";
    req.on("data", (chunk) => (raw += chunk));
    req.on("end", () => {
      bodies.push(JSON.parse(raw) as ChatBody);
      contentTypes.push(req.headers["content-type"]);
      reply(req, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hook`,
    bodies,
    contentTypes,
    mentioning: (marker) => bodies.filter((body) => body.text.includes(marker)),
    close: () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

/** An address where nothing listens: the port of a server that was just closed. */
async function refusingUrl(): Promise<string> {
  const receiver = await startReceiver();
  await receiver.close();
  return receiver.url;
}

async function setWebhookUrl(url: string): Promise<void> {
  await testDb.setting.upsert({
    where: { key: "recognition.webhookUrl" },
    create: { key: "recognition.webhookUrl", value: url },
    update: { value: url },
  });
}

async function queuedRecognition(overrides: { message?: string } = {}) {
  const giver = await createMember();
  const recipient = await createMember();
  const message = overrides.message ?? `Thanks ${unique("msg")}`;
  const recognition = await createRecognition(giver.id, [recipient.id], { message });
  await testDb.$transaction((tx) => enqueueRecognitionDelivery(tx, recognition.id));
  const delivery = await testDb.webhookDelivery.findFirstOrThrow({
    where: { recognitionId: recognition.id },
  });
  return { giver, recipient, recognition, delivery, marker: message };
}

afterAll(async () => {
  // Leave the organisation-wide setting as other test files expect it: off.
  await setWebhookUrl("");
});

describe("the chat message", () => {
  const recognition = (overrides: Partial<ChatRecognition> = {}): ChatRecognition => ({
    id: "rec1",
    message: "Thanks for *pairing*",
    deletedAt: null,
    hiddenAt: null,
    giver: { name: "Ann" },
    value: { name: "Collaborates", emoji: "" },
    team: null,
    recipients: [{ user: { name: "Bo" } }, { user: { name: "Cy" } }],
    _count: { recipients: 2 },
    ...overrides,
  });

  it("leaves the link out when APP_URL is not configured", () => {
    const message = buildChatMessage(recognition(), undefined);
    expect(message.text).toBe("Ann recognised Bo and Cy for Collaborates: Thanks for pairing");
    expect(message.blocks[0]!.text.text).not.toContain("http");
  });

  it("names a team, or the first recipients and how many others", () => {
    expect(recipientsPhrase(recognition({ team: { name: "Platform" } }))).toBe("the Platform team");
    const many = ["A", "B", "C", "D", "E"].map((name) => ({ user: { name } }));
    expect(recipientsPhrase(recognition({ recipients: many, _count: { recipients: 8 } }))).toBe(
      "A, B, C, D, E and 3 others",
    );
  });
});

describe("enqueueRecognitionDelivery", () => {
  it("queues nothing when no webhook URL is configured; one pending delivery and its job when one is", async () => {
    const giver = await createMember();
    const recipient = await createMember();
    const recognition = await createRecognition(giver.id, [recipient.id]);

    await setWebhookUrl("");
    await testDb.$transaction((tx) => enqueueRecognitionDelivery(tx, recognition.id));
    expect(await testDb.webhookDelivery.count({ where: { recognitionId: recognition.id } })).toBe(
      0,
    );
    expect(await jobsFor(recognition.id)).toHaveLength(0);

    await setWebhookUrl("https://chat.example.test/hook");
    await testDb.$transaction((tx) => enqueueRecognitionDelivery(tx, recognition.id));
    const rows = await testDb.webhookDelivery.findMany({
      where: { recognitionId: recognition.id },
    });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ status: "PENDING", attempts: 0 });
    const jobs = await jobsFor(recognition.id);
    expect(jobs.map((job) => job.data)).toEqual([
      { deliveryId: rows[0]!.id, recognitionId: recognition.id },
    ]);
    await setWebhookUrl("");
  });

  it("is rolled back with the caller's transaction: no delivery, no job", async () => {
    await setWebhookUrl("https://chat.example.test/hook");
    const giver = await createMember();
    const recognition = await createRecognition(giver.id, [(await createMember()).id]);
    await expect(
      testDb.$transaction(async (tx) => {
        await enqueueRecognitionDelivery(tx, recognition.id);
        throw new Error("the recognition failed to save");
      }),
    ).rejects.toThrow("the recognition failed to save");
    expect(await testDb.webhookDelivery.count({ where: { recognitionId: recognition.id } })).toBe(
      0,
    );
    expect(await jobsFor(recognition.id)).toHaveLength(0);
    await setWebhookUrl("");
  });

  it("only inserts: a slow receiver does not slow the enqueue", async () => {
    const receiver = await startReceiver((_req, res) => {
      setTimeout(() => res.end("ok"), 2_000);
    });
    await setWebhookUrl(receiver.url);
    const giver = await createMember();
    const recognition = await createRecognition(giver.id, [(await createMember()).id]);

    const started = performance.now();
    await testDb.$transaction((tx) => enqueueRecognitionDelivery(tx, recognition.id));
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(receiver.mentioning(recognition.message)).toHaveLength(0);

    await runJobsFor(recognition.id);
    const delivery = await testDb.webhookDelivery.findFirstOrThrow({
      where: { recognitionId: recognition.id },
    });
    expect(delivery).toMatchObject({ status: "DELIVERED" });
    expect(receiver.mentioning(recognition.message)).toHaveLength(1);
    await receiver.close();
  });

  it("uses the queue's retry policy: 6 attempts, 30 s doubling up to an hour", async () => {
    await setWebhookUrl("https://chat.example.test/hook");
    const { recognition } = await queuedRecognition();
    await setWebhookUrl("");
    const [policy] = await testDb.$queryRawUnsafe<
      {
        retry_limit: number;
        retry_delay: number;
        retry_backoff: boolean;
        retry_delay_max: number | null;
      }[]
    >(
      `SELECT retry_limit, retry_delay, retry_backoff, retry_delay_max FROM ${JOB_SCHEMA}.job
        WHERE name = $1 AND data->>'recognitionId' = $2`,
      webhookQueue.name,
      recognition.id,
    );
    expect(policy).toEqual({
      retry_limit: MAX_ATTEMPTS - 1,
      retry_delay: 30,
      retry_backoff: true,
      retry_delay_max: 3600,
    });
    expect(retryDelayMs(1)).toBe(30_000);
    expect(retryDelayMs(2)).toBe(2 * retryDelayMs(1));
    expect(retryDelayMs(20)).toBe(60 * 60_000);
  });
});

describe("the webhook job", () => {
  it("posts Slack-compatible JSON to the receiver and marks the delivery delivered", async () => {
    const receiver = await startReceiver();
    await setWebhookUrl(receiver.url);
    const value = await createValue({ name: "Lifts others", emoji: "🙌" });
    const giver = await createMember({ name: `Ann ${unique()}` });
    const recipient = await createMember({ name: `Bo ${unique()}` });
    const marker = unique("thanks");
    const recognition = await createRecognition(giver.id, [recipient.id], {
      valueId: value.id,
      message: `**Great** [write-up](https://example.test/x) ${marker} <!channel> & more`,
    });
    await testDb.$transaction((tx) => enqueueRecognitionDelivery(tx, recognition.id));

    expect(await runJobsFor(recognition.id)).toHaveLength(1);
    const row = await testDb.webhookDelivery.findFirstOrThrow({
      where: { recognitionId: recognition.id },
    });

    const link = `${APP_URL}/recognition/${recognition.id}`;
    const [body] = receiver.mentioning(marker);
    expect(receiver.mentioning(marker)).toHaveLength(1);
    expect(body!.text).toBe(
      `${giver.name} recognised ${recipient.name} for 🙌 Lifts others: ` +
        `Great write-up ${marker} &lt;!channel&gt; &amp; more ${link}`,
    );
    expect(body!.blocks[0]).toMatchObject({ type: "section", text: { type: "mrkdwn" } });
    expect(body!.blocks[0]!.text.text).toContain(`<${link}|`);
    expect(receiver.contentTypes[receiver.bodies.indexOf(body!)]).toBe("application/json");
    expect(row).toMatchObject({
      status: "DELIVERED",
      attempts: 1,
      lastStatus: 200,
      lastError: null,
    });
    expect(row.deliveredAt).toBeInstanceOf(Date);

    // The same job run again (a worker died after posting) sends nothing more.
    await deliverRecognition(
      { deliveryId: row.id, recognitionId: recognition.id },
      { retryCount: 1 },
    );
    expect(receiver.mentioning(marker)).toHaveLength(1);
    await receiver.close();
  });

  it("throws to be retried after a 500, with the next attempt shown, and fails the delivery on the last attempt", async () => {
    const receiver = await startReceiver((_req, res) => {
      res.statusCode = 500;
      res.end("upstream exploded");
    });
    await setWebhookUrl(receiver.url);
    const { delivery, recognition, marker } = await queuedRecognition();
    const data = { deliveryId: delivery.id, recognitionId: recognition.id };

    const firstTry = Date.now();
    await expect(webhookHandler.run(data, { id: "x", retryCount: 0 })).rejects.toThrow(/HTTP 500/);
    let row = await testDb.webhookDelivery.findUniqueOrThrow({ where: { id: delivery.id } });
    expect(row).toMatchObject({ status: "PENDING", attempts: 1, lastStatus: 500 });
    expect(row.lastError).toContain("upstream exploded");
    const wait = row.nextAttemptAt.getTime() - firstTry;
    expect(wait).toBeGreaterThanOrEqual(retryDelayMs(1) - 1_000);
    expect(wait).toBeLessThanOrEqual(retryDelayMs(1) + 5_000);

    // pg-boss runs the retries; retryCount is what it hands each attempt.
    for (let retryCount = 1; retryCount < MAX_ATTEMPTS - 1; retryCount++) {
      await expect(webhookHandler.run(data, { id: "x", retryCount })).rejects.toThrow();
    }
    row = await testDb.webhookDelivery.findUniqueOrThrow({ where: { id: delivery.id } });
    expect(row).toMatchObject({ status: "PENDING", attempts: MAX_ATTEMPTS - 1 });

    // The last attempt records the failure and ends the job (nothing left to retry).
    await webhookHandler.run(data, { id: "x", retryCount: MAX_ATTEMPTS - 1 });
    row = await testDb.webhookDelivery.findUniqueOrThrow({ where: { id: delivery.id } });
    expect(row).toMatchObject({ status: "FAILED", attempts: MAX_ATTEMPTS, lastStatus: 500 });
    expect(receiver.mentioning(marker)).toHaveLength(MAX_ATTEMPTS);
    await receiver.close();
  });

  it("retries a refused connection, recorded without a status", async () => {
    await setWebhookUrl(await refusingUrl());
    const { delivery, recognition } = await queuedRecognition();
    await expect(runJobsFor(recognition.id)).rejects.toThrow(/ECONNREFUSED/);
    const row = await testDb.webhookDelivery.findUniqueOrThrow({ where: { id: delivery.id } });
    expect(row).toMatchObject({ status: "PENDING", attempts: 1, lastStatus: null });
    expect(row.lastError).toMatch(/ECONNREFUSED/);
  });

  it("gives up on a receiver that does not answer in time", async () => {
    const receiver = await startReceiver(() => {
      // Never answers.
    });
    await setWebhookUrl(receiver.url);
    const { delivery, recognition, marker } = await queuedRecognition();
    const started = performance.now();
    await expect(
      deliverRecognition(
        { deliveryId: delivery.id, recognitionId: recognition.id },
        { retryCount: 0 },
        { timeoutMs: 300 },
      ),
    ).rejects.toThrow(/No answer within/);
    expect(performance.now() - started).toBeLessThan(5_000);
    const row = await testDb.webhookDelivery.findUniqueOrThrow({ where: { id: delivery.id } });
    expect(row).toMatchObject({ status: "PENDING", attempts: 1, lastStatus: null });
    expect(row.lastError).toMatch(/No answer within/);
    expect(receiver.mentioning(marker)).toHaveLength(1);
    await receiver.close();
  });

  it("does not post recognitions that were deleted or hidden after being queued", async () => {
    const receiver = await startReceiver();
    await setWebhookUrl(receiver.url);
    const deleted = await queuedRecognition();
    const hidden = await queuedRecognition();
    await testDb.recognition.update({
      where: { id: deleted.recognition.id },
      data: { deletedAt: new Date() },
    });
    await testDb.recognition.update({
      where: { id: hidden.recognition.id },
      data: { hiddenAt: new Date() },
    });

    await runJobsFor(deleted.recognition.id);
    await runJobsFor(hidden.recognition.id);
    expect(
      await testDb.webhookDelivery.findUniqueOrThrow({ where: { id: deleted.delivery.id } }),
    ).toMatchObject({ status: "FAILED", lastError: expect.stringMatching(/deleted/) });
    expect(
      await testDb.webhookDelivery.findUniqueOrThrow({ where: { id: hidden.delivery.id } }),
    ).toMatchObject({ status: "FAILED", lastError: expect.stringMatching(/hidden/) });
    expect(receiver.mentioning(deleted.marker)).toHaveLength(0);
    expect(receiver.mentioning(hidden.marker)).toHaveLength(0);
    await receiver.close();
  });

  it("sends nothing once posting was turned off", async () => {
    await setWebhookUrl("https://chat.example.test/hook");
    const { delivery, recognition } = await queuedRecognition();
    await setWebhookUrl("");
    await runJobsFor(recognition.id);
    expect(
      await testDb.webhookDelivery.findUniqueOrThrow({ where: { id: delivery.id } }),
    ).toMatchObject({ status: "FAILED", attempts: 0, lastError: TURNED_OFF });
  });
});

describe("admin services", () => {
  it("refuse members and leaders", async () => {
    await setWebhookUrl("https://chat.example.test/hook");
    const delivery = (await queuedRecognition()).delivery;
    await setWebhookUrl("");
    for (const actor of [await createMember(), await createLeader()]) {
      await expect(
        updateWebhookUrl(actor, { url: "https://evil.example.test/hook" }),
      ).rejects.toBeInstanceOf(PermissionDenied);
      await expect(sendTestMessage(actor, {})).rejects.toBeInstanceOf(PermissionDenied);
      await expect(retryDelivery(actor, { id: delivery.id })).rejects.toBeInstanceOf(
        PermissionDenied,
      );
      await expect(listWebhookDeliveries(actor, {})).rejects.toBeInstanceOf(PermissionDenied);
      await expect(countDeliveriesByStatus(actor)).rejects.toBeInstanceOf(PermissionDenied);
    }
    const setting = await testDb.setting.findUnique({ where: { key: "recognition.webhookUrl" } });
    expect(setting?.value).toBe("");
  });

  it("saves a URL, audits it masked, refuses non-web addresses, and turning off drops the queue", async () => {
    await setWebhookUrl("");
    const admin = await createAdmin();
    for (const url of ["ftp://files.example.test/hook", "not a url", "javascript:alert(1)"]) {
      const refused = await updateWebhookUrl(admin, { url });
      expect(refused).toMatchObject({ ok: false, fieldErrors: { url: [expect.any(String)] } });
    }

    const secret = `https://hooks.example.test/services/T000/${unique("secret")}`;
    expect(await updateWebhookUrl(admin, { url: `  ${secret} ` })).toMatchObject({ ok: true });
    const saved = await testDb.setting.findUniqueOrThrow({
      where: { key: "recognition.webhookUrl" },
    });
    expect(saved).toMatchObject({ value: secret, updatedById: admin.id });
    const audit = await testDb.auditLog.findFirstOrThrow({
      where: { actorId: admin.id, action: "settings.update" },
    });
    expect(audit).toMatchObject({
      entityType: "Setting",
      entityId: "recognition.webhookUrl",
      before: { webhookUrl: "" },
      after: { webhookUrl: maskWebhookUrl(secret) },
    });
    expect(JSON.stringify(audit.after)).not.toContain("secret");

    const { delivery } = await queuedRecognition();
    expect(await updateWebhookUrl(admin, { url: "" })).toMatchObject({ ok: true });
    expect(
      await testDb.webhookDelivery.findUniqueOrThrow({ where: { id: delivery.id } }),
    ).toMatchObject({ status: "FAILED", lastError: expect.stringMatching(/turned off/) });
    expect(await updateWebhookUrl(admin, { url: "" })).toMatchObject({
      ok: true,
      message: expect.stringMatching(/Nothing to change/),
    });
  });

  it("sends a test message and reports what the chat service answered", async () => {
    const admin = await createAdmin();
    await setWebhookUrl("");
    await expect(sendTestMessage(admin, {})).rejects.toBeInstanceOf(DomainError);

    const receiver = await startReceiver();
    await setWebhookUrl(receiver.url);
    expect(await sendTestMessage(admin, {})).toMatchObject({ ok: true });
    expect(receiver.mentioning("Test message from Learning Commons")).toHaveLength(1);
    await receiver.close();

    const broken = await startReceiver((_req, res) => {
      res.statusCode = 404;
      res.end("no_service");
    });
    await setWebhookUrl(broken.url);
    expect(await sendTestMessage(admin, {})).toMatchObject({
      ok: false,
      message: expect.stringMatching(/HTTP 404.*no_service/),
    });
    await broken.close();
    await setWebhookUrl("");
  });

  it("retries a failed delivery with fresh attempts, and lists deliveries newest first", async () => {
    const admin = await createAdmin();
    await setWebhookUrl("https://chat.example.test/hook");
    const failed = await queuedRecognition();
    const sent = await queuedRecognition();
    await testDb.webhookDelivery.update({
      where: { id: failed.delivery.id },
      data: { status: "FAILED", attempts: MAX_ATTEMPTS, lastError: "boom" },
    });
    await testDb.webhookDelivery.update({
      where: { id: sent.delivery.id },
      data: { status: "DELIVERED", attempts: 1 },
    });
    const jobsBefore = (await jobsFor(failed.recognition.id)).length;

    const before = Date.now();
    expect(await retryDelivery(admin, { id: failed.delivery.id })).toMatchObject({ ok: true });
    const retried = await testDb.webhookDelivery.findUniqueOrThrow({
      where: { id: failed.delivery.id },
    });
    expect(retried).toMatchObject({ status: "PENDING", attempts: 0 });
    expect(retried.nextAttemptAt.getTime()).toBeGreaterThanOrEqual(before - 1000);
    // Sent again through the queue: one new job for it.
    expect(await jobsFor(failed.recognition.id)).toHaveLength(jobsBefore + 1);
    // Waiting already (a second click): refused, no second job.
    await expect(retryDelivery(admin, { id: failed.delivery.id })).rejects.toThrow(
      /already waiting/,
    );
    expect(await jobsFor(failed.recognition.id)).toHaveLength(jobsBefore + 1);
    await expect(retryDelivery(admin, { id: sent.delivery.id })).rejects.toBeInstanceOf(
      DomainError,
    );
    // Waiting without a job (queued before deliveries were jobs): "Send now" queues one.
    await testDb.$executeRawUnsafe(
      `DELETE FROM ${JOB_SCHEMA}.job WHERE name = $1 AND data->>'recognitionId' = $2`,
      webhookQueue.name,
      failed.recognition.id,
    );
    expect(await retryDelivery(admin, { id: failed.delivery.id })).toMatchObject({ ok: true });
    expect(await jobsFor(failed.recognition.id)).toHaveLength(1);
    await setWebhookUrl("");
    await testDb.webhookDelivery.update({
      where: { id: failed.delivery.id },
      data: { status: "FAILED" },
    });
    await expect(retryDelivery(admin, { id: failed.delivery.id })).rejects.toThrow(
      /webhook address first/,
    );
    await expect(retryDelivery(admin, { id: "nope" })).rejects.toBeInstanceOf(NotFound);
    expect(await retryDelivery(admin, { id: "" })).toMatchObject({ ok: false });

    const page = await listWebhookDeliveries(admin, { status: "DELIVERED" });
    expect(page.items.every((row) => row.status === "DELIVERED")).toBe(true);
    expect(page.items.map((row) => row.id)).toContain(sent.delivery.id);
    const all = await listWebhookDeliveries(admin, {});
    expect(all.items.map((row) => row.id)).toContain(sent.delivery.id);
    const times = all.items.map((row) => row.createdAt.getTime());
    expect(times).toEqual([...times].sort((a, b) => b - a));
    if (all.nextCursor) {
      const next = await listWebhookDeliveries(admin, { cursor: all.nextCursor });
      expect(next.items.map((row) => row.id)).not.toContain(all.items[0]!.id);
    }
    const counts = await countDeliveriesByStatus(admin);
    expect(counts.DELIVERED).toBeGreaterThanOrEqual(1);
  });
});

describe("addresses on internal networks (server-side request forgery)", () => {
  const localhostUrl = (receiver: Receiver) => receiver.url.replace("127.0.0.1", "localhost");

  it("are refused on save, with the reason beside the field, and nothing is contacted or saved", async () => {
    const admin = await createAdmin();
    await setWebhookUrl("");
    const receiver = await startReceiver();
    const port = new URL(receiver.url).port;
    const refused = [
      localhostUrl(receiver),
      `http://[::1]:${port}/hook`,
      `http://[::ffff:127.0.0.1]:${port}/hook`,
      `http://0.0.0.0:${port}/hook`,
      "http://169.254.169.254/latest/meta-data/",
      "http://[fd00:ec2::254]/latest/meta-data/",
      "https://10.0.0.1/hook",
      "https://172.16.5.4/hook",
      "https://192.168.1.1/hook",
      "https://100.64.0.1/hook",
      "https://[fc00::1]/hook",
      "https://[fe80::1]/hook",
      "https://224.0.0.1/hook",
    ];
    for (const url of refused) {
      expect(await updateWebhookUrl(admin, { url }), url).toEqual({
        ok: false,
        message: expect.any(String),
        fieldErrors: { url: [REFUSED_ADDRESS_FIELD_MESSAGE] },
      });
    }
    // A name that resolves to a private address, and 127.0.0.1 itself without the allow-list.
    const privateDns = {
      allowedHosts: [],
      resolve: async () => [{ address: "192.168.10.20", family: 4 as const }],
    };
    expect(
      await updateWebhookUrl(
        admin,
        { url: "https://chat.example.com/hook" },
        { policy: privateDns },
      ),
    ).toMatchObject({ ok: false, fieldErrors: { url: [REFUSED_ADDRESS_FIELD_MESSAGE] } });
    expect(
      await updateWebhookUrl(admin, { url: receiver.url }, { policy: { allowedHosts: [] } }),
    ).toMatchObject({ ok: false, fieldErrors: { url: [REFUSED_ADDRESS_FIELD_MESSAGE] } });

    expect(receiver.bodies).toHaveLength(0);
    const setting = await testDb.setting.findUnique({ where: { key: "recognition.webhookUrl" } });
    expect(setting?.value ?? "").toBe("");
    expect(
      await testDb.auditLog.count({ where: { actorId: admin.id, action: "settings.update" } }),
    ).toBe(0);

    // Allow-listed (127.0.0.1 in the tests' configuration), the same receiver is accepted.
    expect(await updateWebhookUrl(admin, { url: receiver.url })).toMatchObject({ ok: true });
    await updateWebhookUrl(admin, { url: "" });
    await receiver.close();
  });

  it("are refused on delivery, when a saved address now leads inside: failed at once, nothing sent", async () => {
    const receiver = await startReceiver();
    // Saved before the check existed, or a name whose DNS answer changed since it was saved.
    await setWebhookUrl(localhostUrl(receiver));
    const { delivery, recognition, marker } = await queuedRecognition();

    // Not retried: the job ends without throwing.
    await runJobsFor(recognition.id);
    const row = await testDb.webhookDelivery.findUniqueOrThrow({ where: { id: delivery.id } });
    expect(row).toMatchObject({
      status: "FAILED",
      attempts: 1,
      lastStatus: null,
      lastError: REFUSED_MESSAGE,
    });
    expect(receiver.mentioning(marker)).toHaveLength(0);
    expect(receiver.bodies).toHaveLength(0);
    await setWebhookUrl("");
    await receiver.close();
  });

  it("a test message says only delivered, refused or failed: not whether something answered inside", async () => {
    const admin = await createAdmin();
    const listening = await startReceiver((_req, res) => {
      res.statusCode = 404;
      res.end("internal admin console");
    });
    const silentPort = new URL(await refusingUrl()).port;

    await setWebhookUrl(localhostUrl(listening));
    const toListening = await sendTestMessage(admin, {});
    await setWebhookUrl(`http://localhost:${silentPort}/hook`);
    const toNothing = await sendTestMessage(admin, {});

    expect(toListening).toEqual({
      ok: false,
      message: `The test message was not sent. ${REFUSED_MESSAGE}`,
    });
    expect(toNothing).toEqual(toListening);
    for (const leak of ["404", "internal admin", "ECONNREFUSED", "127.0.0.1", "loopback", "HTTP"]) {
      expect(toListening.ok === false && toListening.message).not.toContain(leak);
    }
    expect(listening.bodies).toHaveLength(0);

    // The operator's allow-list is what lets it through.
    await setWebhookUrl(localhostUrl(listening));
    expect(
      await sendTestMessage(admin, {}, { policy: { allowedHosts: ["localhost"] } }),
    ).toMatchObject({ ok: false, message: expect.stringMatching(/HTTP 404/) });
    expect(listening.mentioning("Test message from Learning Commons")).toHaveLength(1);
    await setWebhookUrl("");
    await listening.close();
  });

  it("a redirect from the chat service is not followed", async () => {
    const admin = await createAdmin();
    const inside = await startReceiver();
    const redirecting = await startReceiver((_req, res) => {
      res.statusCode = 302;
      res.setHeader("location", `http://127.0.0.1:${new URL(inside.url).port}/hook`);
      res.end();
    });
    await setWebhookUrl(redirecting.url);
    expect(await sendTestMessage(admin, {})).toMatchObject({
      ok: false,
      message: expect.stringMatching(/HTTP 302 \(redirects are not followed\)/),
    });
    expect(redirecting.bodies).toHaveLength(1);
    expect(inside.bodies).toHaveLength(0);
    await setWebhookUrl("");
    await inside.close();
    await redirecting.close();
  });
});
