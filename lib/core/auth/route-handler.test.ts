// Every route handler checks sign-in and permission through routeHandler() (./route-handler.ts)
// and refuses in its client's one shape: a browser navigation is sent to sign in (or to the
// ended-session notice) and gets a 403 text when forbidden; a fetch() caller gets JSON
// { error } with 401/403. Each handler is called signed out, with an ended session, as a member
// without its permission, and once allowed, against the real database.
import { mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { NextRequest } from "next/server";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { testDb } from "@/test/db";
import { createAdmin, createLeader, createMember } from "@/test/factories";
import { createDiscussion, createReply } from "@/test/factories-discussions";
import { createNotification } from "@/test/factories-notifications";
import { createSession } from "@/test/factories-sessions";
import { createSurvey } from "@/test/factories-surveys";
import { isAccessFallbackError, redirectTarget } from "@/test/next-errors";
import { signedInAs } from "@/test/session";
import { prepareAttachment } from "@/lib/uploads/processing";
import { storePrepared } from "@/lib/uploads/uploads";
import type { Permission } from "./permissions";

// Files stored by the /files/<id> case go to a folder of this run's own.
process.env.UPLOAD_DIR ??= mkdtempSync(path.join(tmpdir(), "lc-route-uploads-"));

// Lets a test take one permission away from every role, for the permissions all roles hold.
const stub = vi.hoisted(() => ({ denied: new Set<string>(), pathname: "/" }));
vi.mock("@/lib/core/auth/permissions", async (importOriginal) => {
  const actual = await importOriginal<typeof import("./permissions")>();
  return {
    ...actual,
    hasPermission: (...args: Parameters<typeof actual.hasPermission>) =>
      !stub.denied.has(args[1]) && actual.hasPermission(...args),
  };
});
vi.mock("@/lib/core/auth/auth", () => import("@/test/session"));
vi.mock("next/headers", () => ({
  headers: async () => new Headers({ "x-pathname": stub.pathname }),
}));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn(), refresh: vi.fn() }));

const { hasPermission } = await vi.importActual<typeof import("./permissions")>("./permissions");

type Member = Awaited<ReturnType<typeof createMember>>;
type Handler = (request: NextRequest, context: { params: Promise<object> }) => Promise<Response>;

interface RouteCase {
  /** The route file under app/. */
  file: string;
  client: "navigation" | "fetch";
  permission: Permission;
  /** What a member without the permission reads (navigation only). */
  forbidden?: string;
  /** The data an allowed call needs, the member allowed, and the call's path and params. */
  setup: () => Promise<{ allowed: Member; path: string; params?: object }>;
  /** The allowed call's answer: 200 and this content type, or a redirect matching this. */
  expected: { contentType: string } | { redirect: RegExp };
}

const load = async (file: string) =>
  (await import(/* @vite-ignore */ `@/app/${file}`)) as { GET: Handler };

const ROUTES: RouteCase[] = [
  ...(
    [
      ["api/tags/route.ts", "read:content:any", "tags"],
      ["api/posts/route.ts", "read:content:any", "posts"],
      ["api/skills/route.ts", "read:member:any", "skills"],
      ["api/mentions/route.ts", "read:member:any", "mentions"],
    ] as const
  ).map(([file, permission, name]): RouteCase => ({
    file,
    client: "fetch",
    permission,
    setup: async () => ({ allowed: await createMember(), path: `/api/${name}?q=a` }),
    expected: { contentType: "application/json" },
  })),
  {
    file: "api/discussions/similar/route.ts",
    client: "fetch",
    permission: "read:content:any",
    setup: async () => ({
      allowed: await createMember(),
      path: "/api/discussions/similar?q=onboarding%20checklist",
    }),
    expected: { contentType: "application/json" },
  },
  {
    file: "api/notifications/recent/route.ts",
    client: "fetch",
    permission: "update:notification:own",
    setup: async () => ({ allowed: await createMember(), path: "/api/notifications/recent" }),
    expected: { contentType: "application/json" },
  },
  {
    file: "(app)/admin/mentorship/pairings.csv/route.ts",
    client: "navigation",
    permission: "read:mentorship-programme:any",
    forbidden: "Only admins can download the mentoring programme.",
    setup: async () => ({
      allowed: await createAdmin(),
      path: "/admin/mentorship/pairings.csv?status=active",
    }),
    expected: { contentType: "text/csv; charset=utf-8" },
  },
  {
    file: "(app)/admin/mailbox/[id]/message.eml/route.ts",
    client: "navigation",
    permission: "read:admin:any",
    forbidden: "Only admins can read captured mail.",
    setup: async () => {
      const message = await testDb.capturedEmail.create({
        data: {
          toAddress: "someone@example.com",
          subject: "Captured",
          raw: new Uint8Array(Buffer.from("Subject: Captured\r\n\r\nHello\r\n")),
        },
      });
      return {
        allowed: await createAdmin(),
        path: `/admin/mailbox/${message.id}/message.eml`,
        params: { id: message.id },
      };
    },
    expected: { contentType: "message/rfc822" },
  },
  {
    file: "files/[id]/route.ts",
    client: "navigation",
    permission: "read:content:any",
    forbidden: "Your account can't open files.",
    setup: async () => {
      const member = await createMember();
      const notes = await prepareAttachment(Buffer.from("Meeting notes"), "notes.txt");
      const stored = await storePrepared(member.id, notes);
      return { allowed: member, path: `/files/${stored.id}`, params: { id: stored.id } };
    },
    expected: { contentType: "text/plain; charset=utf-8" },
  },
  {
    file: "(app)/insights/export/[table]/route.ts",
    client: "navigation",
    permission: "read:insights:any",
    forbidden: "Only leaders and admins can download insights.",
    setup: async () => ({
      allowed: await createLeader(),
      path: "/insights/export/key-measures.csv",
      params: { table: "key-measures.csv" },
    }),
    expected: { contentType: "text/csv; charset=utf-8" },
  },
  {
    file: "(app)/insights/surveys/[id]/results.csv/route.ts",
    client: "navigation",
    permission: "read:survey-results:any",
    forbidden: "Only leaders and admins can download survey results.",
    setup: async () => {
      const leader = await createLeader();
      const survey = await createSurvey(leader.id);
      return {
        allowed: leader,
        path: `/insights/surveys/${survey.id}/results.csv`,
        params: { id: survey.id },
      };
    },
    expected: { contentType: "text/csv; charset=utf-8" },
  },
  {
    file: "(app)/sessions/[id]/feedback.csv/route.ts",
    client: "navigation",
    permission: "read:session:any",
    forbidden: "Not allowed.",
    setup: async () => {
      const host = await createMember();
      const session = await createSession([host.id]);
      return {
        allowed: host,
        path: `/sessions/${session.id}/feedback.csv`,
        params: { id: session.id },
      };
    },
    expected: { contentType: "text/csv; charset=utf-8" },
  },
  {
    file: "(app)/sessions/[id]/ics/route.ts",
    client: "navigation",
    permission: "read:session:any",
    forbidden: "Not allowed.",
    setup: async () => {
      const session = await createSession([(await createMember()).id]);
      return {
        allowed: await createMember(),
        path: `/sessions/${session.id}/ics`,
        params: { id: session.id },
      };
    },
    expected: { contentType: "text/calendar; charset=utf-8" },
  },
  {
    file: "(app)/notifications/[id]/open/route.ts",
    client: "navigation",
    permission: "update:notification:own",
    forbidden: "Not allowed.",
    setup: async () => {
      const member = await createMember();
      const notification = await createNotification(member.id);
      return {
        allowed: member,
        path: `/notifications/${notification.id}/open`,
        params: { id: notification.id },
      };
    },
    expected: { redirect: /^\/\S*/ },
  },
  {
    file: "(app)/discussions/[id]/replies/[replyId]/route.ts",
    client: "navigation",
    permission: "read:content:any",
    forbidden: "Not allowed.",
    setup: async () => {
      const author = await createMember();
      const discussion = await createDiscussion(author.id);
      const reply = await createReply(discussion.id, author.id);
      return {
        allowed: author,
        path: `/discussions/${discussion.id}/replies/${reply.id}`,
        params: { id: discussion.id, replyId: reply.id },
      };
    },
    expected: { redirect: /^\/discussions\/\w+/ },
  },
];

/**
 * Not wrapped, by design: Auth.js's own routes, the sign-out landing, the token-read feed and
 * the token-read unsubscribe link.
 */
/** Wrapped, but POST/DELETE only: tested with their uploads in lib/uploads/routes.test.ts. */
const WITHOUT_GET = ["api/uploads/route.ts", "api/uploads/avatar/route.ts"];

const UNWRAPPED = [
  "api/auth/[...nextauth]/route.ts",
  "auth/ended/route.ts",
  "calendar/[feed]/route.ts",
  // One-click unsubscribe: mail providers post without cookies; the token is the authorisation
  // (tested in lib/notifications).
  "email/unsubscribe/[token]/route.ts",
];

type Answer =
  | { status: number; contentType: string | null; body: string }
  | { redirect: string }
  | { fallback: true };

/** What the handler answered: its Response, where it redirected, or a thrown 403/404. */
async function answer(route: RouteCase, call: { path: string; params?: object }): Promise<Answer> {
  const { GET } = await load(route.file);
  stub.pathname = call.path;
  try {
    const response = await GET(new NextRequest(`http://localhost${call.path}`), {
      params: Promise.resolve(call.params ?? {}),
    });
    return {
      status: response.status,
      contentType: response.headers.get("content-type"),
      body: await response.text(),
    };
  } catch (error) {
    const target = redirectTarget(error);
    if (target !== null) return { redirect: target };
    if (isAccessFallbackError(error)) return { fallback: true };
    throw error;
  }
}

beforeEach(() => {
  signedInAs(null);
  stub.denied.clear();
});

describe("route handlers", () => {
  it("wraps every app/**/route.ts but Auth.js's, the sign-out landing, the calendar feed and unsubscribe", () => {
    const app = path.resolve(import.meta.dirname, "../../../app");
    const files = readdirSync(app, { recursive: true, encoding: "utf8" })
      .filter((file) => path.basename(file) === "route.ts")
      .map((file) => file.split(path.sep).join("/"));
    expect(files.toSorted()).toEqual(
      [...ROUTES.map((route) => route.file), ...WITHOUT_GET, ...UNWRAPPED].toSorted(),
    );
  });

  it("answers input that doesn't parse in its client's shape, after the checks", async () => {
    const route = (file: string) => ROUTES.find((candidate) => candidate.file === file)!;
    signedInAs(await createMember());
    expect(await answer(route("api/tags/route.ts"), { path: "/api/tags?q=a%00" })).toEqual({
      status: 400,
      contentType: "application/json",
      body: JSON.stringify({ error: "Type at most 100 characters, without control characters." }),
    });
    const ics = route("(app)/sessions/[id]/ics/route.ts");
    expect(await answer(ics, { path: "/sessions/a%00/ics", params: { id: "a\u0000" } })).toEqual({
      status: 404,
      contentType: "text/plain; charset=utf-8",
      body: "That session was not found.",
    });
    const replyLink = route("(app)/discussions/[id]/replies/[replyId]/route.ts");
    const params = { id: "x".repeat(200), replyId: "cm0abcdefgh" };
    expect(await answer(replyLink, { path: "/discussions/x/replies/y", params })).toEqual({
      fallback: true,
    });
  });

  describe.each(ROUTES)("GET $file", (route) => {
    it("refuses a signed-out visitor and an ended session", async () => {
      const call = await route.setup();
      const deactivated = await createMember({ status: "DEACTIVATED" });
      for (const who of [null, deactivated]) {
        signedInAs(who);
        const result = await answer(route, call);
        if (route.client === "navigation") {
          expect(result).toEqual({
            redirect: who ? "/auth/ended" : `/signin?callbackUrl=${encodeURIComponent(call.path)}`,
          });
        } else {
          expect(result).toMatchObject({ status: 401, contentType: "application/json" });
          expect(JSON.parse((result as { body: string }).body)).toEqual({
            error: expect.stringMatching(/^Sign in/),
          });
        }
      }
    });

    it("refuses a member without the permission", async () => {
      const call = await route.setup();
      const member = await createMember();
      // A permission every role holds is taken away for this call.
      if (hasPermission("MEMBER", route.permission)) stub.denied.add(route.permission);
      signedInAs(member);
      const result = await answer(route, call);
      if (route.client === "navigation") {
        expect(result).toEqual({
          status: 403,
          contentType: "text/plain; charset=utf-8",
          body: route.forbidden,
        });
      } else {
        expect(result).toMatchObject({ status: 403, contentType: "application/json" });
        expect(JSON.parse((result as { body: string }).body)).toEqual({ error: "Not allowed." });
      }
    });

    it("answers an allowed call", async () => {
      const call = await route.setup();
      signedInAs(call.allowed);
      const result = await answer(route, call);
      if ("redirect" in route.expected) {
        expect(result).toEqual({ redirect: expect.stringMatching(route.expected.redirect) });
      } else {
        expect(result).toMatchObject({ status: 200, contentType: route.expected.contentType });
      }
    });
  });
});
