// The admins' side of the chat webhook: set or clear its URL (audited), send a test message,
// and send a failed delivery again (a new job on the webhook queue). Each service authorises and validates itself.
import { authorize, type Actor } from "@/lib/core/auth/authorize";
import { recordAudit } from "@/lib/core/audit/record";
import { db } from "@/lib/core/db/client";
import type { TransactionClient } from "@/lib/core/db/create-client";
import { env } from "@/lib/core/env";
import { JOB_SCHEMA } from "@/lib/core/jobs/boss";
import { enqueue } from "@/lib/core/jobs/enqueue";
import { failure, invalid, success, type ActionResult } from "@/lib/core/forms/action-result";
import { DomainError, NotFound } from "@/lib/core/forms/errors";
import { resolveOutboundTarget, type OutboundPolicy } from "@/lib/core/net/outbound";
import { getSetting } from "@/lib/core/settings/queries";
import { testChatMessage } from "./payload";
import { webhookQueue } from "./queue";
import { deliveryIdSchema, webhookUrlFormSchema } from "./schemas";
import { postToChat, SEND_TIMEOUT_MS, webhookPolicy, type SendOptions } from "./send";

const SETTING_KEY = "recognition.webhookUrl";

/**
 * The URL as the audit log shows it. A webhook URL is a credential (anyone holding it can
 * post), so only its origin and last characters are kept: enough to tell two apart.
 */
export function maskWebhookUrl(url: string): string {
  if (!url) return "";
  const { origin } = new URL(url);
  return `${origin}/…${url.slice(-4)}`;
}

async function saveUrl(tx: TransactionClient, url: string, actorId: string): Promise<void> {
  await tx.setting.upsert({
    where: { key: SETTING_KEY },
    create: { key: SETTING_KEY, value: url, updatedById: actorId },
    update: { value: url, updatedById: actorId },
  });
}

/** Turning posting off drops what is still queued, so turning it on later doesn't flood. */
async function dropQueued(tx: TransactionClient): Promise<void> {
  await tx.webhookDelivery.updateMany({
    where: { status: "PENDING" },
    data: { status: "FAILED", lastError: "Not sent: posting to chat was turned off." },
  });
}

export const REFUSED_ADDRESS_FIELD_MESSAGE =
  "This address leads to a private or internal network (such as this server, the local " +
  "network or a cloud metadata service), which the app does not post to. Use the chat " +
  "service's public webhook address; an operator can allow an internal host with WEBHOOK_ALLOWED_HOSTS.";

/**
 * The form's schema plus the address check: the host is resolved now and every address it
 * has must be public (or the host allow-listed). A host that does not resolve yet is saved:
 * each delivery checks again anyway.
 */
function webhookUrlSaveSchema(policy: OutboundPolicy) {
  return webhookUrlFormSchema.superRefine(async ({ url }, ctx) => {
    // Only a well-formed web address is checked: the form's own rules speak for the rest.
    if (!URL.canParse(url) || !/^https?:$/.test(new URL(url).protocol)) return;
    const target = await resolveOutboundTarget(url, policy, AbortSignal.timeout(SEND_TIMEOUT_MS));
    if (!target.ok && target.refused)
      ctx.addIssue({ code: "custom", path: ["url"], message: REFUSED_ADDRESS_FIELD_MESSAGE });
  });
}

export async function updateWebhookUrl(
  actor: Actor,
  input: unknown,
  { policy = webhookPolicy() }: Pick<SendOptions, "policy"> = {},
): Promise<ActionResult> {
  authorize(actor, "update:settings:any");
  const parsed = await webhookUrlSaveSchema(policy).safeParseAsync(input);
  if (!parsed.success) return invalid(parsed.error);
  const { url } = parsed.data;
  return db.$transaction(async (tx) => {
    // One writer at a time, so the audited "before" is what this change replaced.
    await tx.$queryRaw`SELECT pg_advisory_xact_lock(hashtext('settings:recognition.webhookUrl'))::text`;
    const before = await getSetting(SETTING_KEY, tx);
    if (before === url) return success("Nothing to change: the address was already this.");
    await saveUrl(tx, url, actor.id);
    if (!url) await dropQueued(tx);
    await recordAudit(tx, {
      actorId: actor.id,
      action: "settings.update",
      entityType: "Setting",
      entityId: SETTING_KEY,
      before: { webhookUrl: maskWebhookUrl(before) },
      after: { webhookUrl: maskWebhookUrl(url) },
    });
    return success(
      url
        ? "Saved. New public recognitions will be posted to this address."
        : "Saved. Posting recognitions to chat is off.",
    );
  });
}

/**
 * Posts a test message to the saved URL now, and says what the chat service answered. For an
 * address that is refused (internal network), it says only that: nothing about whether
 * something answered there.
 */
export async function sendTestMessage(
  actor: Actor,
  _input: unknown,
  options: SendOptions = {},
): Promise<ActionResult> {
  authorize(actor, "update:settings:any");
  const url = await getSetting(SETTING_KEY);
  if (!url) throw new DomainError("Save a webhook address first, then send a test message.");
  const outcome = await postToChat(url, testChatMessage(env.APP_URL), options);
  if (outcome.ok) return success("Test message sent. Check the channel.");
  if (outcome.refused) return failure(`The test message was not sent. ${outcome.error}`);
  return failure(`The test message was not delivered. ${outcome.error}`);
}

/** Whether a job for this delivery waits or runs (so queuing another would post it twice). */
async function hasLiveJob(tx: TransactionClient, deliveryId: string): Promise<boolean> {
  const rows = await tx.$queryRawUnsafe<unknown[]>(
    `SELECT 1 FROM ${JOB_SCHEMA}.job
      WHERE name = $1 AND data->>'deliveryId' = $2 AND state IN ('created', 'retry', 'active')
      LIMIT 1`,
    webhookQueue.name,
    deliveryId,
  );
  return rows.length > 0;
}

/**
 * Queues a delivery again as a new job: a failed one with a fresh set of attempts, or a
 * waiting one that has no job (queued before deliveries were jobs, or its job was removed).
 */
export async function retryDelivery(actor: Actor, input: unknown): Promise<ActionResult> {
  authorize(actor, "update:settings:any");
  const parsed = deliveryIdSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const { id } = parsed.data;
  return db.$transaction(async (tx) => {
    // Two clicks at once: the second waits here and then sees the first one's job.
    await tx.$queryRaw`SELECT pg_advisory_xact_lock(hashtext(${`webhook-delivery:${id}`}))::text`;
    const delivery = await tx.webhookDelivery.findUnique({
      where: { id },
      select: { status: true, recognitionId: true },
    });
    if (!delivery) throw new NotFound("That delivery");
    if (delivery.status === "DELIVERED") throw new DomainError("This one was already delivered.");
    if (!(await getSetting(SETTING_KEY, tx)))
      throw new DomainError("Save a webhook address first, then send it again.");
    if (delivery.status === "PENDING" && (await hasLiveJob(tx, id)))
      throw new DomainError("This one is already waiting to be sent.");
    await tx.webhookDelivery.update({
      where: { id },
      data: {
        status: "PENDING",
        nextAttemptAt: new Date(),
        ...(delivery.status === "FAILED" ? { attempts: 0 } : {}),
      },
    });
    await enqueue(tx, webhookQueue, { deliveryId: id, recognitionId: delivery.recognitionId });
    return success("Queued. It will be sent in a moment.");
  });
}
