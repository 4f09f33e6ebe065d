// Bad input against the production server: input that used to answer 500 — a NUL byte in a
// URL, a callbackUrl with a line feed or an ideographic space, a server action called with
// JSON or with a body over its limit, a NUL byte in a form — answers 4xx or a message beside
// the field.
import type { APIRequestContext, Page } from "@playwright/test";
import { expect, test } from "./support/test";
import { resumeSessionOf } from "./support/auth";

/** Every dynamic segment of the app, with a NUL byte (or a line feed) where its value goes. */
const PATHS_WITH_CONTROLS = [
  "/tags/%00",
  "/tags/testing%00",
  "/discussions/%00",
  "/discussions/%00/edit",
  "/discussions/cm0abcdefgh/replies/%00",
  "/discussions/cm0abcdefgh/replies/%00/edit",
  "/posts/%00",
  "/posts/%00/edit",
  "/sessions/%00",
  "/sessions/%0A",
  "/sessions/%00/edit",
  "/sessions/%00/notes",
  "/sessions/%00/ics",
  "/sessions/%00/feedback.csv",
  "/members/%00",
  "/recognition/%00",
  "/mentorship/%00",
  "/surveys/%00",
  "/feedback/%00",
  "/notifications/%00/open",
  "/calendar/%00.ics",
  "/insights/surveys/%00",
  "/insights/surveys/%00/results.csv",
  "/insights/export/%00.csv",
  "/admin/mentorship/suggestions/%00",
];

/** Query values that reach a filter, a search or a cursor. */
const QUERIES_WITH_CONTROLS = [
  "/search?q=%00",
  "/search?q=a%00b&type=members",
  "/search?tag=%00",
  "/search?cursor=%00",
  "/tags?q=%00",
  "/members?q=ab%00",
  "/members?team=%00",
  "/discussions?tag=%00",
  `/discussions?cursor=${Buffer.from('["\\u0000","x"]').toString("base64url")}`,
  "/posts?tag=%00",
  "/sessions?cursor=%00",
  "/recognition?team=%00&value=%00",
  "/recognition?member=%00",
  "/recognition/insights?team=%00",
  "/feedback/new?to=%00",
  "/sessions/new?proposal=%00",
  "/admin/members?q=%00",
  "/admin/audit?cursor=%00",
  "/admin/mentorship?q=%00",
  "/admin/mentorship/new?mentee=%00&mentor=%00",
  "/admin/mentorship/pairings.csv?q=%00",
  "/insights?from=%00",
  "/api/tags?q=%00",
  "/api/skills?q=%00",
  "/api/mentions?q=ab%00",
  "/api/posts?q=ab%00",
];

async function statusOf(request: APIRequestContext, path: string) {
  const response = await request.get(path, { maxRedirects: 0 });
  return { path, status: response.status() };
}

test.describe("a NUL byte in a URL", () => {
  test("every dynamic page and route answers 404, not 500", async ({ page }) => {
    await resumeSessionOf(page, "admin");
    const results = [];
    for (const path of PATHS_WITH_CONTROLS) results.push(await statusOf(page.request, path));
    expect(results).toEqual(PATHS_WITH_CONTROLS.map((path) => ({ path, status: 404 })));
  });

  test("query values with control characters answer below 500", async ({ page }) => {
    await resumeSessionOf(page, "admin");
    const failures = [];
    for (const path of QUERIES_WITH_CONTROLS) {
      const result = await statusOf(page.request, path);
      if (result.status >= 500) failures.push(result);
    }
    expect(failures).toEqual([]);
  });
});

test.describe("the sign-in callbackUrl", () => {
  test("a line feed or an ideographic space in it never makes sign-in fail", async ({
    page,
    request,
  }) => {
    for (const callbackUrl of ["%0A", "/account%0ASet-Cookie:%20a=b", "/%E3%80%80", "%E3%80%80"]) {
      const response = await request.get(`/signin?callbackUrl=${callbackUrl}`);
      expect({ callbackUrl, status: response.status() }).toEqual({ callbackUrl, status: 200 });
    }

    await resumeSessionOf(page, "member");
    const toHome = await page.request.get("/signin?callbackUrl=/account%0Ax", { maxRedirects: 0 });
    expect(toHome.status()).toBe(307);
    expect(toHome.headers().location).toBe("/");
    const toSearch = await page.request.get("/signin?callbackUrl=/search?q=%E3%80%80", {
      maxRedirects: 0,
    });
    expect(toSearch.status()).toBe(307);
    expect(toSearch.headers().location).toBe("/search?q=%E3%80%80");
  });

  test("the sign-in form posted with a line feed or U+3000 in its hidden field signs in", async ({
    browser,
  }) => {
    for (const [callbackUrl, landing] of [
      ["/account\nSet-Cookie: a=b", /\/$/],
      ["/search?q=\u3000", /\/search\?q=%E3%80%80$/],
    ] as const) {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto("/signin");
      await page
        .locator("form")
        .filter({ has: page.getByLabel("Email") })
        .locator('input[name="callbackUrl"]')
        .evaluate((input, value) => ((input as HTMLInputElement).value = value), callbackUrl);
      await page.getByLabel("Email").fill("member@example.com");
      await page.getByLabel("Password", { exact: true }).fill("learn-together-2026");
      await page.getByRole("button", { name: "Sign in", exact: true }).click();
      await expect(page).toHaveURL(landing);
      await expect(page.getByRole("button", { name: /Account menu/ })).toBeVisible();
      await context.close();
    }
  });
});

/** A real server action id: the single sign-on form of the sign-in page posts to one. */
async function actionId(request: APIRequestContext): Promise<string> {
  const html = await (await request.get("/signin")).text();
  const id = /name="\$ACTION_ID_([0-9a-f]+)"/.exec(html)?.[1];
  expect(id, "the sign-in page has a server action form").toBeTruthy();
  return id!;
}

test.describe("a server action called with something else than its form", () => {
  test("JSON answers 415, arguments that are not a form 404, a body over 1 MB 413", async ({
    request,
  }) => {
    const id = await actionId(request);
    const headers = { "Next-Action": id, Accept: "text/x-component" };

    const json = await request.post("/signin", {
      headers: { ...headers, "Content-Type": "application/json" },
      data: JSON.stringify({ callbackUrl: "/" }),
    });
    expect(json.status()).toBe(415);

    const textJson = await request.post("/signin", {
      headers: { ...headers, "Content-Type": "text/plain;charset=UTF-8" },
      data: JSON.stringify([{ callbackUrl: "/" }]),
    });
    expect(textJson.status()).toBe(404);

    const big = "x".repeat(1024 * 1024 + 10);
    const oversized = await request.post("/signin", {
      headers,
      multipart: { callbackUrl: "/", padding: big },
    });
    expect(oversized.status()).toBe(413);

    // The same form posted without JavaScript (no Next-Action header, the action in a field).
    const noScript = await request.post("/signin", {
      multipart: { [`$ACTION_ID_${id}`]: "", callbackUrl: "/", padding: big },
    });
    expect(noScript.status()).toBe(413);
  });
});

async function setField(page: Page, selector: string, value: string) {
  await page
    .locator(selector)
    .evaluate((field, text) => ((field as HTMLInputElement).value = text), value);
}

test.describe("a NUL byte in a form", () => {
  test("is refused beside the field, and nothing is posted", async ({ page }) => {
    await resumeSessionOf(page, "member");
    await page.goto("/discussions/new");
    await setField(page, 'input[name="title"]', "Flaky tests\u0000 in main");
    await page.getByRole("textbox", { name: "Body" }).fill("Our CI fails a few times a week.");
    await page.getByRole("button", { name: "Post", exact: true }).click();
    await expect(page.getByText("Use a single line of plain text").first()).toBeVisible();
    await expect(page.getByLabel("Title")).toHaveAttribute("aria-invalid", "true");
    await expect(page).toHaveURL(/\/discussions\/new$/);
    await expect(page.getByText("Something went wrong")).toHaveCount(0);
  });
});
