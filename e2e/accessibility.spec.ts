import { expect, test, type Page } from "@playwright/test";
import { expectNoAccessibilityViolations } from "./support/a11y";
import { signInAs } from "./support/auth";

// Every page that exists, checked with axe-core (WCAG 2.1 A and AA rules it can detect),
// at desktop and phone widths.
const MEMBER_PAGES = [
  "/",
  "/members",
  "/profile",
  "/account",
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
      for (const path of ["/signin", "/no-such-page"]) {
        await page.goto(path);
        await expectNoAccessibilityViolations(page);
      }
    });

    test("member pages", async ({ page }) => {
      await signInAs(page, "admin");
      for (const path of MEMBER_PAGES) await checkPage(page, path);
    });

    test("admin pages", async ({ page }) => {
      await signInAs(page, "admin");
      for (const path of ADMIN_PAGES) await checkPage(page, path);
    });

    test("session pages", async ({ page }) => {
      await signInAs(page, "admin");
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
      await signInAs(page, "admin");
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
      await signInAs(page, "admin");
      for (const path of INSIGHTS_PAGES) await checkPage(page, path);
    });

    test("content pages and a profile", async ({ page }) => {
      await signInAs(page, "admin");
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
      await page.goto("/members");
      await page.getByRole("link", { name: "Priya Nair" }).click();
      // After a client-side navigation Next.js streams the new title in.
      await expect(page).toHaveTitle(/Priya Nair/);
      await expectNoAccessibilityViolations(page);
    });
  });
}
