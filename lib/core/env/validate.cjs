// @ts-check
// The one list of environment variables, validated at build (next.config.js), at server
// start (instrumentation.ts) and by the scripts. Plain CommonJS so that next.config.js can
// load it without a TypeScript step.
const { isIPv6 } = require("node:net");
const { z } = require("zod");
const { parseTrustedProxies } = require("./trusted-proxies.cjs");

const optionalText = z
  .string()
  .trim()
  .transform((v) => (v === "" ? undefined : v))
  .optional();

const postgresUrl = z
  .string()
  .trim()
  .refine((v) => /^postgres(ql)?:\/\/.+/.test(v), "must be a postgres:// or postgresql:// URL");

const trustedProxies = z
  .string()
  .trim()
  .transform((value, ctx) => {
    const parsed = parseTrustedProxies(value);
    if (typeof parsed !== "string") return parsed;
    ctx.addIssue({ code: "custom", message: parsed });
    return z.NEVER;
  });

const environmentSchema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    DATABASE_URL: postgresUrl.optional(),
    AUTH_SECRET: z
      .string()
      .min(32, "must be at least 32 characters (try: openssl rand -base64 32)")
      .optional(),
    APP_URL: z.url("must be a full URL such as https://learning.example.com").optional(),
    OIDC_ISSUER: z.url("must be the issuer URL of your OpenID Connect provider").optional(),
    OIDC_CLIENT_ID: optionalText,
    OIDC_CLIENT_SECRET: optionalText,
    OIDC_DISPLAY_NAME: optionalText,
    EMBEDDED_DATA_DIR: optionalText,
    // Proxies whose X-Forwarded-For entries are believed: a hop count or addresses/CIDRs.
    TRUSTED_PROXIES: trustedProxies.optional(),
    // Outgoing mail: an smtp:// or smtps:// URL with credentials; unset, mail is captured in
    // the database and shown on the admin mailbox page (docs/decisions/017-email.md).
    SMTP_URL: z
      .string()
      .trim()
      .refine((v) => /^smtps?:\/\/[^\s/]+/.test(v), "must be an smtp:// or smtps:// URL")
      .optional(),
    // The sender: an address, optionally with a display name: "Acme Learning <learning@acme.example>".
    MAIL_FROM: z
      .string()
      .trim()
      .refine(
        (v) =>
          /^(?:[^<>\r\n]*<[^\s<>@]+@[^\s<>@]+\.[^\s<>@]+>|[^\s<>@]+@[^\s<>@]+\.[^\s<>@]+)$/.test(v),
        'must be an address such as learning@acme.example or "Acme Learning <learning@acme.example>"',
      )
      .optional(),
    // "off" keeps the background worker out of `npm run dev` / `npm start` (run `npm run worker`).
    WORKER: z.enum(["on", "off"]).optional(),
    // How often an idle worker polls its queues (seconds); tests run it faster.
    WORKER_POLL_SECONDS: z.coerce.number().min(0.5).max(60).optional(),
    // How long to wait for the SMTP server to connect and greet before the attempt fails.
    SMTP_TIMEOUT_SECONDS: z.coerce.number().min(1).max(300).optional(),
    // How long "immediately" mail waits to gather notifications into one message.
    MAIL_BATCH_WINDOW_SECONDS: z.coerce.number().int().min(0).max(3600).optional(),
    // Hosts an outgoing webhook may reach even on a private network: "hooks.internal,10.0.0.5".
    WEBHOOK_ALLOWED_HOSTS: optionalText.refine(
      (v) =>
        !v ||
        v
          .split(/[\s,]+/)
          .every((h) => /^[a-z0-9.-]*$/i.test(h) || isIPv6(h.replace(/^\[|\]$/g, ""))),
      "must be host names or IP addresses separated by commas (no scheme, port or path)",
    ),
    // Uploaded files (docs/decisions/019-uploads.md): a local folder by default, or an
    // S3-compatible bucket.
    UPLOAD_STORAGE: z.enum(["local", "s3"]).optional(),
    UPLOAD_DIR: optionalText,
    S3_BUCKET: optionalText,
    S3_ENDPOINT: z.url("must be the URL of the S3-compatible service").optional(),
    S3_REGION: optionalText,
    S3_ACCESS_KEY_ID: optionalText,
    S3_SECRET_ACCESS_KEY: optionalText,
  })
  .superRefine((env, ctx) => {
    if (env.SMTP_URL && !env.MAIL_FROM) {
      ctx.addIssue({
        code: "custom",
        path: ["MAIL_FROM"],
        message: "is required when SMTP_URL is set (the address mail is sent from)",
      });
    }
    if (env.UPLOAD_STORAGE === "s3" && !env.S3_BUCKET) {
      ctx.addIssue({
        code: "custom",
        path: ["S3_BUCKET"],
        message: "is required when UPLOAD_STORAGE=s3 (the bucket uploaded files are kept in)",
      });
    }
    const oidc = ["OIDC_ISSUER", "OIDC_CLIENT_ID", "OIDC_CLIENT_SECRET"];
    const set = oidc.filter((k) => env[/** @type {"OIDC_ISSUER"} */ (k)]);
    if (set.length > 0 && set.length < oidc.length) {
      for (const k of oidc.filter((k) => !set.includes(k))) {
        ctx.addIssue({
          code: "custom",
          path: [k],
          message:
            "is required when single sign-on is configured (set all of OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET, or none)",
        });
      }
    }
  });

/**
 * @param {Record<string, string | undefined>} source
 * @param {{ requireRuntime?: boolean }} [options] also require what a running server needs
 */
function validateEnvironment(source, options = {}) {
  const input = Object.fromEntries(
    Object.entries(source).filter(([, v]) => v !== undefined && v !== ""),
  );
  const result = environmentSchema.safeParse(input);
  /** @type {string[]} */
  const problems = [];
  if (!result.success) {
    for (const issue of result.error.issues) {
      problems.push(`  ${issue.path.join(".") || "(environment)"}: ${issue.message}`);
    }
  }
  if (options.requireRuntime) {
    if (!input.DATABASE_URL)
      problems.push(
        "  DATABASE_URL: is required (npm run dev / npm start set it for the embedded database)",
      );
    if (!input.AUTH_SECRET)
      problems.push("  AUTH_SECRET: is required (try: openssl rand -base64 32)");
  }
  if (problems.length > 0 || !result.success) {
    throw new Error(
      `Invalid environment; fix these variables (see .env.example):\n${problems.join("\n")}`,
    );
  }
  return result.data;
}

module.exports = { validateEnvironment, environmentSchema };
