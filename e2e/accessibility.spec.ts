import type { Page } from "@playwright/test";
import { expect, test } from "./support/test";
import { expectNoAccessibilityViolations } from "./support/a11y";
import { invite, stamp } from "./support/admin";
import { signIn, resumeSessionOf } from "./support/auth";
import { sql } from "./support/db";

// Every page that exists, checked with axe-core (WCAG 2.1 A and AA rules it can detect),
// at desktop and phone widths.
const MEMBER_PAGES = [
  "/",
  "/members",
  "/profile",
  "/account",
  "/account/notifications",
  "/notifications",
  "/discussions",
  "/discussions/new",
  "/discussions/new?kind=question",
  "/posts",
  "/posts/new",
  "/posts/new?type=lesson-learned",
  "/posts/mine",
  "/posts/bookmarks",
  "/posts/review",
  "/tags",
  "/search?q=testing",
  "/search?q=pairing&type=replies",
  "/recognition",
  "/recognition/new",
  "/feedback",
  "/feedback?tab=sent",
  "/feedback/new",
  "/communities",
  "/communities/frontend-guild",
  "/requests",
  "/requests/new",
];
const ADMIN_PAGES = [
  "/admin",
  "/admin/members",
  "/admin/invitations",
  "/admin/audit",
  "/admin/settings",
  "/admin/reports",
  "/admin/reports?view=hidden",
  "/admin/values",
  "/admin/webhook",
  "/admin/jobs",
  "/admin/mailbox",
  "/communities/new",
  "/communities/frontend-guild/manage",
];

const SESSION_PAGES = [
  "/sessions",
  "/sessions/past",
  "/sessions/mine",
  "/sessions/mine?when=past",
  "/sessions/proposals",
  "/sessions/proposals?status=scheduled",
  "/sessions/proposals/new",
  "/sessions/new",
];

const MENTORING_PAGES = [
  "/mentorship",
  "/admin/mentorship",
  "/admin/mentorship?tab=waiting",
  "/admin/mentorship?tab=mentors",
  "/admin/mentorship?tab=trend",
  "/admin/mentorship?health=overdue",
  "/admin/mentorship/new",
];

const INSIGHTS_PAGES = [
  "/insights",
  "/insights?from=2026-01-01&to=2026-06-30",
  "/insights/report",
  "/insights/surveys",
  "/insights/surveys/new",
  "/insights/surveys/new?template=learning-culture",
  "/recognition/insights",
  "/insights/skills",
];

// Pages reached from a list, so that they show seeded content.
const DETAIL_PAGES = [
  { from: "/discussions", link: /^Welcome/ },
  { from: "/discussions?kind=question&status=answered", link: /.+/ },
  { from: "/posts", link: /.+/ },
  { from: "/tags", link: /^#/ },
];

async function checkPage(page: Page, path: string) {
  await page.goto(path);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expectNoAccessibilityViolations(page);
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - window.innerWidth,
  );
  expect(overflow, `${path} scrolls sideways`).toBeLessThanOrEqual(0);
}

for (const [label, viewport] of [
  ["desktop", { width: 1280, height: 900 }],
  ["phone", { width: 375, height: 800 }],
] as const) {
  test.describe(`accessibility on ${label}`, () => {
    test.use({ viewport });
    // Each test walks a whole list of pages (the first ones also warm the server up).
    test.slow();

    test("public pages", async ({ page }) => {
      for (const path of [
        "/signin",
        "/signup",
        "/forgot-password",
        "/verify-email",
        "/reset-password/not-a-token",
        "/confirm-email/not-a-token",
        "/no-such-page",
      ]) {
        await page.goto(path);
        await expectNoAccessibilityViolations(page);
      }
    });

    test("member pages", async ({ page }) => {
      await resumeSessionOf(page, "admin");
      for (const path of MEMBER_PAGES) await checkPage(page, path);
    });

    test("admin pages", async ({ page }) => {
      await resumeSessionOf(page, "admin");
      for (const path of ADMIN_PAGES) await checkPage(page, path);
    });

    test("session pages", async ({ page }) => {
      await resumeSessionOf(page, "admin");
      for (const path of SESSION_PAGES) await checkPage(page, path);
      for (const list of ["/sessions", "/sessions/past"]) {
        await page.goto(list);
        const href = await page
          .getByRole("main")
          .getByRole("heading", { level: 3 })
          .getByRole("link")
          .first()
          .getAttribute("href");
        await checkPage(page, href!);
        if (list === "/sessions/past") {
          await checkPage(page, `${href}/notes`);
          await checkPage(page, `${href}/edit`);
        }
      }
    });

    test("mentoring pages", async ({ page }) => {
      await resumeSessionOf(page, "admin");
      for (const path of MENTORING_PAGES) await checkPage(page, path);
      // A pair's space (seeded, with goals, check-ins and a link) and a mentee's suggestions.
      await page.goto("/admin/mentorship");
      const space = await page.getByRole("link", { name: /^Open/ }).first().getAttribute("href");
      await checkPage(page, space!);
      await page.goto("/admin/mentorship?tab=waiting");
      const suggestions = await page
        .getByRole("link", { name: /^Suggest mentors/ })
        .first()
        .getAttribute("href");
      await checkPage(page, suggestions!);
    });

    test("insights pages", async ({ page }) => {
      await resumeSessionOf(page, "admin");
      for (const path of INSIGHTS_PAGES) await checkPage(page, path);
    });

    test("content pages and a profile", async ({ page }) => {
      await resumeSessionOf(page, "admin");
      for (const { from, link } of DETAIL_PAGES) {
        await page.goto(from);
        const target = await page
          .getByRole("main")
          .getByRole("listitem")
          .getByRole("link", { name: link })
          .first()
          .getAttribute("href");
        await checkPage(page, target!);
      }
      // By search: other specs add members that may come first in the directory.
      await page.goto("/members?q=Priya");
      await page.getByRole("link", { name: "Priya Nair" }).click();
      // After a client-side navigation Next.js streams the new title in.
      await expect(page).toHaveTitle(/Priya Nair/);
      await expectNoAccessibilityViolations(page);
    });
  });
}

// Pages reached only by an id or a token, and the app's own 403 and 404 pages (one `main`
// each), checked once at desktop width.
test("pages reached by id, a 403 and a 404 inside the app", async ({ browser }) => {
  test.slow();
  const [author] = await sql<{ email: string; discussion: string; post: string; reply: string }>(
    `SELECT u.email, d.id AS discussion, p.id AS post, r.id || ' ' || r."discussionId" AS reply
       FROM "User" u
       JOIN "Discussion" d ON d."authorId" = u.id AND d."deletedAt" IS NULL AND d."hiddenAt" IS NULL
       JOIN "KnowledgePost" p ON p."authorId" = u.id AND p."deletedAt" IS NULL AND p."hiddenAt" IS NULL
       JOIN "Reply" r ON r."authorId" = u.id AND r."deletedAt" IS NULL AND r."hiddenAt" IS NULL
      WHERE u.email LIKE '%@example.com' AND u.status = 'ACTIVE'
      ORDER BY u.email LIMIT 1`,
  );
  expect(author, "a demo member with a discussion, a post and a reply").toBeTruthy();
  const [replyId, replyDiscussion] = author!.reply.split(" ");
  const page = await (await browser.newContext()).newPage();
  await signIn(page, author!.email);
  for (const path of [
    `/discussions/${author!.discussion}/edit`,
    `/discussions/${replyDiscussion}/replies/${replyId}/edit`,
    `/posts/${author!.post}/edit`,
  ])
    await checkPage(page, path);
  await page.context().close();

  const member = await (await browser.newContext()).newPage();
  await resumeSessionOf(member, "member");
  const forbidden = await member.goto("/admin/members");
  expect(forbidden?.status()).toBe(403);
  await expect(member.getByRole("main")).toHaveCount(1);
  await expectNoAccessibilityViolations(member);
  const missing = await member.goto("/discussions/no-such-discussion");
  expect(missing?.status()).toBe(404);
  await expect(member.getByRole("main")).toHaveCount(1);
  await expectNoAccessibilityViolations(member);
  await member.context().close();

  const admin = await (await browser.newContext()).newPage();
  await resumeSessionOf(admin, "admin");
  const link = await invite(admin, `a11y-${stamp()}@example.com`, "Member");
  await admin.context().close();
  const guest = await (await browser.newContext()).newPage();
  await guest.goto(link);
  await expect(guest.getByRole("heading", { name: "Join Learning Commons" })).toBeVisible();
  await expectNoAccessibilityViolations(guest);
  await guest.context().close();
});
