import { defineConfig, devices } from "@playwright/test";

// Run through `npm run test:e2e` (scripts/e2e.ts), which builds the app, starts a fresh
// database, a local OpenID provider and the app's server (scripts/server.mjs), then sets
// E2E_BASE_URL.
const baseURL = process.env.E2E_BASE_URL ?? "http://localhost:3200";
const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

const PAGE_CHECKS = /\/(accessibility|screenshots|shell|bad-input)\.spec\.ts$/;
const ACCOUNT_FLOWS =
  /\/(account-email|account-sessions|admin|admin-mail|insights|members|mentorship|notifications|sign-in|sign-up|sso)\.spec\.ts$/;

export default defineConfig({
  testDir: "e2e",
  fullyParallel: false,
  // Four lanes on two cores (see projects): the browsers, the server and the database spend
  // much of their time waiting on one another, so four lanes finish sooner than two.
  workers: 4,
  retries: 0,
  forbidOnly: !!process.env.CI,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  use: {
    baseURL,
    // The demo admin's profile is in UTC; a browser elsewhere would be offered its own zone on
    // every page (e2e/community.spec.ts tests that offer in a context of its own).
    timezoneId: "UTC",
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: chromium,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
      ],
    },
  },
  // "setup" signs the seeded accounts in once (e2e/auth.setup.ts) for the other lanes.
  // "pages" only reads (axe, screenshots, the app shell, and bad input that must be refused
  // with nothing written), signed in as accounts no test changes, so its tests run two at a
  // time beside the flows. The flows write: each of their two lanes keeps to one test at a time,
  // and whatever shared state a flow reads or changes (settings, the demo members, the accounts
  // it makes) stays within its lane: "accounts" (sign-in, invitations, roles, mail to accounts,
  // insights) and "content" (discussions, posts, sessions, recognition, notifications by mail).
  projects: [
    {
      name: "setup",
      testMatch: /auth\.setup\.ts$/,
      use: { ...devices["Desktop Chrome"], channel: undefined },
    },
    {
      name: "pages",
      testMatch: PAGE_CHECKS,
      dependencies: ["setup"],
      fullyParallel: true,
      workers: 2,
      use: { ...devices["Desktop Chrome"], channel: undefined },
    },
    {
      name: "accounts",
      testMatch: ACCOUNT_FLOWS,
      dependencies: ["setup"],
      workers: 1,
      use: { ...devices["Desktop Chrome"], channel: undefined },
    },
    {
      name: "content",
      testMatch: /\.spec\.ts$/,
      testIgnore: [PAGE_CHECKS, ACCOUNT_FLOWS],
      dependencies: ["setup"],
      workers: 1,
      use: { ...devices["Desktop Chrome"], channel: undefined },
    },
  ],
});
