// The chat message for one recognition, in Slack's incoming-webhook JSON: a plain `text`
// (also the notification fallback) and one mrkdwn block. Member-written text is escaped, so
// a message cannot ping a channel (<!channel>) or forge links.
import type { TransactionClient } from "@/lib/core/db/create-client";
import type { Database } from "@/lib/core/db/create-client";
import { plainExcerpt } from "@/lib/core/markdown/excerpt";

const NAMED_RECIPIENTS = 5;
const EXCERPT_CHARS = 280;

export interface ChatRecognition {
  id: string;
  message: string;
  deletedAt: Date | null;
  hiddenAt: Date | null;
  giver: { name: string };
  value: { name: string; emoji: string };
  team: { name: string } | null;
  recipients: { user: { name: string } }[];
  _count: { recipients: number };
}

export interface ChatMessage {
  text: string;
  blocks: { type: "section"; text: { type: "mrkdwn"; text: string } }[];
}

/** What the message needs, or null when the recognition no longer exists. */
export function loadChatRecognition(
  client: Database | TransactionClient,
  id: string,
): Promise<ChatRecognition | null> {
  return client.recognition.findUnique({
    where: { id },
    select: {
      id: true,
      message: true,
      deletedAt: true,
      hiddenAt: true,
      giver: { select: { name: true } },
      value: { select: { name: true, emoji: true } },
      team: { select: { name: true } },
      recipients: {
        select: { user: { select: { name: true } } },
        orderBy: { user: { name: "asc" } },
        take: NAMED_RECIPIENTS,
      },
      _count: { select: { recipients: true } },
    },
  });
}

/** Slack's three control characters in text: &, < and >. */
export function escapeForChat(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** "Ann", "Ann and Bo", "Ann, Bo and Cy", "Ann, Bo, Cy, Di, Ed and 3 others", "the X team". */
export function recipientsPhrase(recognition: ChatRecognition): string {
  if (recognition.team) return `the ${recognition.team.name} team`;
  const names = recognition.recipients.map((r) => r.user.name);
  const others = recognition._count.recipients - names.length;
  if (others > 0) return `${names.join(", ")} and ${others} ${others === 1 ? "other" : "others"}`;
  if (names.length <= 1) return names[0] ?? "someone";
  return `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
}

/** The absolute address of the recognition, or null when APP_URL is not configured. */
export function recognitionUrl(id: string, appUrl: string | undefined): string | null {
  if (!appUrl) return null;
  return `${appUrl.replace(/\/+$/, "")}/recognition/${encodeURIComponent(id)}`;
}

export function buildChatMessage(
  recognition: ChatRecognition,
  appUrl: string | undefined,
): ChatMessage {
  const giver = escapeForChat(recognition.giver.name);
  const recipients = escapeForChat(recipientsPhrase(recognition));
  const value = escapeForChat(`${recognition.value.emoji} ${recognition.value.name}`.trim());
  const excerpt = escapeForChat(plainExcerpt(recognition.message, EXCERPT_CHARS));
  const url = recognitionUrl(recognition.id, appUrl);
  const text = `${giver} recognised ${recipients} for ${value}: ${excerpt}${url ? ` ${url}` : ""}`;
  const quote = excerpt ? `\n>${excerpt}` : "";
  const link = url ? `\n<${url}|See it in Learning Commons>` : "";
  return {
    text,
    blocks: [
      {
        type: "section",
        text: {
          type: "mrkdwn",
          text: `*${giver}* recognised *${recipients}* for ${value}${quote}${link}`,
        },
      },
    ],
  };
}

/** The "Send a test message" body. */
export function testChatMessage(appUrl: string | undefined): ChatMessage {
  const where = appUrl ? ` (${appUrl.replace(/\/+$/, "")})` : "";
  const text = `Test message from Learning Commons${where}: public recognitions will be posted here.`;
  return { text, blocks: [{ type: "section", text: { type: "mrkdwn", text } }] };
}
