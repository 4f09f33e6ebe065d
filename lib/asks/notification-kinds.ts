// The notification kinds of asking colleagues, written as lib/notifications/kinds.ts writes its
// own. lib/notifications/{kinds,labels,preferences}.ts were claimed by another helper when this
// was built, so they are not registered there yet: registering is one spread in
// NOTIFICATION_KINDS (`...ASK_NOTIFICATION_KINDS`) plus a label and an email default per kind
// (ASK_KIND_LABELS, ASK_KIND_EMAIL below). Until then lib/asks/tell.ts writes none (in-app,
// the asked member still sees the ask on the thread and under /requests).
import { z } from "zod";

export const ASK_NOTIFICATION_KINDS = {
  "ask.received": {
    data: z.object({
      discussionId: z.string().optional(),
      requestId: z.string().optional(),
      title: z.string(),
      reasons: z.array(z.string()).max(6),
    }),
    render: (
      data: { discussionId?: string; requestId?: string; title: string; reasons: string[] },
      context: { actorName: string | null },
    ) => ({
      text: `${context.actorName ?? "Learning Commons"} asked you to help with “${data.title}”${
        data.reasons.length ? ` (${data.reasons.join("; ")})` : ""
      }`,
      href: data.discussionId ? `/discussions/${data.discussionId}` : `/requests/${data.requestId}`,
    }),
  },
  "request.fulfilled": {
    data: z.object({ requestId: z.string(), postId: z.string(), title: z.string() }),
    render: (
      data: { requestId: string; postId: string; title: string },
      context: { actorName: string | null },
    ) => ({
      text: `${context.actorName ?? "Someone"} wrote the post you asked for: “${data.title}”`,
      href: `/posts/${data.postId}`,
    }),
  },
} as const;

export type AskNotificationKind = keyof typeof ASK_NOTIFICATION_KINDS;

export const ASK_KIND_LABELS: Record<AskNotificationKind, string> = {
  "ask.received": "I am asked to help with a question or a requested post",
  "request.fulfilled": "A post I asked or voted for is published",
};

export const ASK_KIND_EMAIL = {
  "ask.received": "IMMEDIATE",
  "request.fulfilled": "IMMEDIATE",
} as const;
