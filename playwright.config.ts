import { defineConfig, devices } from "@playwright/test";

// Run through `npm run test:e2e` (scripts/e2e.ts), which builds the app, starts a fresh
// database, a local OpenID provider and the app's server (scripts/server.mjs), then sets
// E2E_BASE_URL.
const baseURL = process.env.E2E_BASE_URL ?? "http://localhost:3200";
const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export default defineConfig({
  testDir: "e2e",
  fullyParallel: false,
  // Two lanes, one worker each (see projects): the page checks beside the flows.
  workers: 2,
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
  // "setup" signs the seeded accounts in once (e2e/auth.setup.ts) for both lanes.
  // "pages" only reads (axe, screenshots, the app shell, and bad input that must be refused
  // with nothing written), signed in as demo accounts it never changes, so it runs beside
  // "flows", which write and keep to one test at a time because several of them read or
  // change shared state (settings, the demo members).
  projects: [
    {
      name: "setup",
      testMatch: /auth\.setup\.ts$/,
      use: { ...devices["Desktop Chrome"], channel: undefined },
    },
    {
      name: "pages",
      testMatch: /(accessibility|screenshots|shell|bad-input)\.spec\.ts$/,
      dependencies: ["setup"],
      workers: 1,
      use: { ...devices["Desktop Chrome"], channel: undefined },
    },
    {
      name: "flows",
      testIgnore: /(accessibility|screenshots|shell|bad-input)\.spec\.ts$/,
      dependencies: ["setup"],
      workers: 1,
      use: { ...devices["Desktop Chrome"], channel: undefined },
    },
  ],
});
