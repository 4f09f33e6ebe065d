import type { Browser } from "@playwright/test";
import { expect, test } from "./support/test";
import { signIn, signOut } from "./support/auth";

// Accounts no other spec signs in with: these tests end their sessions.
const COPIED_COOKIE_MEMBER = "jonas.weber@example.com";
const TWO_BROWSERS_MEMBER = "lucia.romero@example.com";
const FIREFOX = "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0";

async function signedInBrowser(browser: Browser, email: string, userAgent?: string) {
  const context = await browser.newContext(userAgent ? { userAgent } : {});
  const page = await context.newPage();
  await signIn(page, email);
  await expect(page.getByRole("heading", { level: 1, name: /Welcome/ })).toBeVisible();
  return { context, page };
}

test.describe("account sessions", () => {
  test("after sign-out, a copy of the session cookie no longer opens /account", async ({
    browser,
  }) => {
    const { context, page } = await signedInBrowser(browser, COPIED_COOKIE_MEMBER);
    const copied = (await context.cookies()).filter((c) => c.name.includes("session-token"));
    expect(copied).toHaveLength(1);
    await signOut(page);

    const elsewhere = await browser.newContext();
    await elsewhere.addCookies(copied);
    const replay = await elsewhere.newPage();
    await replay.goto("/account");
    await expect(replay).toHaveURL(/\/signin/);
    await expect(replay.getByRole("heading", { level: 1, name: "Account" })).toHaveCount(0);
    await Promise.all([context.close(), elsewhere.close()]);
  });

  test("the account page lists the member's sessions and signs one out", async ({ browser }) => {
    const laptop = await signedInBrowser(browser, TWO_BROWSERS_MEMBER);
    const phone = await signedInBrowser(browser, TWO_BROWSERS_MEMBER, FIREFOX);

    await laptop.page.goto("/account");
    const list = laptop.page.getByRole("list", { name: "Signed-in sessions" });
    await expect(list.getByRole("listitem")).toHaveCount(2);
    const thisDevice = list.getByRole("listitem").filter({ hasText: "This device" });
    await expect(thisDevice).toHaveCount(1);
    await expect(thisDevice).toContainText(/Chrome on Linux|Chrome/);
    const firefox = list.getByRole("listitem").filter({ hasText: "Firefox on Linux" });
    await expect(firefox).toContainText("Signed in");

    await firefox.getByRole("button", { name: "Sign out of Firefox on Linux" }).click();
    await expect(laptop.page.getByText("That session has ended.")).toBeVisible();
    await laptop.page.reload();
    await expect(list.getByRole("listitem")).toHaveCount(1);

    await phone.page.goto("/account");
    await expect(phone.page).toHaveURL(/\/signin/);
    await expect(phone.page.getByText("Your session has ended")).toBeVisible();

    await laptop.page.goto("/account");
    await expect(laptop.page.getByRole("heading", { level: 1, name: "Account" })).toBeVisible();
    await Promise.all([laptop.context.close(), phone.context.close()]);
  });
});
