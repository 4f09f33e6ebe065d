// What a recognition may link to: a same-site path to a discussion, a reply (an answer), a
// knowledge post, a session or a mentorship (a pairing the giver is part of). The path is read here; whether the item exists and is visible
// is checked against the database when the recognition is saved (give.ts).

export type RecognitionLink =
  | { type: "discussion"; discussionId: string }
  | { type: "reply"; discussionId: string; replyId: string }
  | { type: "post"; postId: string }
  | { type: "session"; sessionId: string }
  | { type: "mentorship"; pairingId: string };

export const LINK_HINT =
  "Optional. A page on this site, like /discussions/…, /posts/…, /sessions/… or /mentorship/…, or its full address.";

export const BAD_LINK =
  "Link to a discussion, an answer, a knowledge post, a session or a mentorship on this site: paste its address, or the part from /.";

const ID = "([A-Za-z0-9_-]{1,40})";

// Replies have their own page, and also an anchor on the discussion's page.
const PATTERNS: [RegExp, (ids: string[]) => RecognitionLink][] = [
  [
    new RegExp(`^/discussions/${ID}/replies/${ID}$`),
    ([discussionId, replyId]) => ({
      type: "reply",
      discussionId: discussionId!,
      replyId: replyId!,
    }),
  ],
  [
    new RegExp(`^/discussions/${ID}#reply-${ID}$`),
    ([discussionId, replyId]) => ({
      type: "reply",
      discussionId: discussionId!,
      replyId: replyId!,
    }),
  ],
  [new RegExp(`^/discussions/${ID}$`), ([id]) => ({ type: "discussion", discussionId: id! })],
  [new RegExp(`^/posts/${ID}$`), ([id]) => ({ type: "post", postId: id! })],
  [new RegExp(`^/sessions/${ID}$`), ([id]) => ({ type: "session", sessionId: id! })],
  [new RegExp(`^/mentorship/${ID}$`), ([id]) => ({ type: "mentorship", pairingId: id! })],
];

/** The path (with query and anchor) of a full address on this site, or null. */
function pathOnSite(value: string, siteOrigin: string | undefined): string | null {
  if (!siteOrigin || !/^https?:\/\//i.test(value)) return null;
  try {
    const url = new URL(value);
    if (url.origin !== new URL(siteOrigin).origin) return null;
    return `${url.pathname}${url.search}${url.hash}`;
  } catch {
    return null;
  }
}

/** Keeps the path and a #reply- anchor; drops the query, other anchors and a trailing slash. */
function normalisePath(raw: string, siteOrigin: string | undefined): string | null {
  const trimmed = raw.trim();
  const value = pathOnSite(trimmed, siteOrigin) ?? trimmed;
  if (!value.startsWith("/") || value.startsWith("//")) return null;
  const [beforeHash = "", hash = ""] = value.split("#", 2);
  const path = (beforeHash.split("?", 1)[0] ?? "").replace(/\/+$/, "");
  return hash.startsWith("reply-") ? `${path}#${hash}` : path;
}

/**
 * The item a same-site path (or a full address on `siteOrigin`, as members paste it from the
 * address bar) points at, or null when it is not a page we can link to.
 */
export function parseRecognitionLink(raw: string, siteOrigin?: string): RecognitionLink | null {
  const path = normalisePath(raw, siteOrigin);
  if (!path) return null;
  for (const [pattern, build] of PATTERNS) {
    const match = pattern.exec(path);
    if (match) return build(match.slice(1));
  }
  return null;
}

/** The columns of Recognition that record the link (all null for no link). */
export function linkColumns(link: RecognitionLink | null) {
  return {
    discussionId:
      link && (link.type === "discussion" || link.type === "reply") ? link.discussionId : null,
    replyId: link?.type === "reply" ? link.replyId : null,
    postId: link?.type === "post" ? link.postId : null,
    sessionId: link?.type === "session" ? link.sessionId : null,
    pairingId: link?.type === "mentorship" ? link.pairingId : null,
  };
}
