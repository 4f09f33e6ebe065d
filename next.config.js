// @ts-check
const { validateEnvironment } = require("./lib/core/env/validate.cjs");
const { ACTION_BODY_LIMIT_BYTES } = require("./lib/core/forms/limits.cjs");

// Fail the build (and `next start`) with one message listing every bad variable.
validateEnvironment(process.env);

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // Lets a test run its own `next dev` beside a developer's (see scripts/run.test.ts).
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // CI's `npm test` has just run `next typegen && tsc --noEmit` on the same tree (the
  // check `next build` would repeat, 45 s on CI), so .ci/run turns the build's copy off.
  typescript: { ignoreBuildErrors: process.env.SKIP_BUILD_TYPECHECK === "1" },
  serverExternalPackages: [
    "@node-rs/argon2",
    "@electric-sql/pglite",
    "oidc-provider",
    "@touch4it/ical-timezones",
    "pg-boss",
    "nodemailer",
    "mailparser",
  ],
  experimental: {
    authInterrupts: true,
    // proxy.ts answers a larger body with 413 before Next.js reads it (Next.js itself would
    // fail the request with a 500).
    serverActions: { bodySizeLimit: ACTION_BODY_LIMIT_BYTES },
  },
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "X-Frame-Options", value: "DENY" },
          // Ignored by browsers over plain HTTP, so safe to send always.
          { key: "Strict-Transport-Security", value: "max-age=31536000; includeSubDomains" },
          {
            key: "Permissions-Policy",
            value:
              "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()",
          },
        ],
      },
    ];
  },
};

module.exports = nextConfig;
