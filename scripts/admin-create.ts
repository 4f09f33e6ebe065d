// `npm run admin:create -- --email you@example.com [--name "Your Name"] [--promote]`
// Creates an admin account straight in the database (the first one, or a recovery one).
// `npm run admin:create -- --email someone@example.com --reset-password` sets a new password
// for an existing account instead (its sessions end; its role is not changed).
// The password comes from ADMIN_PASSWORD or is asked for on the terminal without echo.
// Without DATABASE_URL it opens the embedded database in .data/pglite (stop the app first).
import { parseArgs } from "node:util";
import { withAdminDatabase } from "./admin-database";
import { createFirstAdmin, memberExists } from "../lib/admin/create-first-admin";
import { setPasswordByOperator } from "../lib/account/set-password";

const USAGE = [
  'Usage: npm run admin:create -- --email you@example.com [--name "Your Name"] [--promote]',
  "       npm run admin:create -- --email someone@example.com --reset-password",
].join("\n");

function readArgs() {
  const { values } = parseArgs({
    options: {
      email: { type: "string" },
      name: { type: "string" },
      promote: { type: "boolean", default: false },
      "reset-password": { type: "boolean", default: false },
      help: { type: "boolean", short: "h", default: false },
    },
  });
  if (values.help || !values.email || (values["reset-password"] && values.promote)) {
    console.log(USAGE);
    process.exit(values.help ? 0 : 1);
  }
  return {
    email: values.email,
    name: values.name,
    promote: values.promote,
    resetPassword: values["reset-password"],
  };
}

/** Reads a line from the terminal without showing what is typed. */
function askHidden(question: string): Promise<string> {
  const stdin = process.stdin;
  process.stdout.write(question);
  stdin.setRawMode(true);
  stdin.resume();
  stdin.setEncoding("utf8");
  return new Promise((resolve, reject) => {
    let answer = "";
    const onData = (chunk: string) => {
      for (const char of chunk) {
        if (char === "\r" || char === "\n" || char === "\u0004") {
          stdin.setRawMode(false);
          stdin.pause();
          stdin.off("data", onData);
          process.stdout.write("\n");
          resolve(answer);
          return;
        }
        if (char === "\u0003") {
          stdin.setRawMode(false);
          process.stdout.write("\n");
          reject(new Error("Cancelled."));
          return;
        }
        if (char === "\u007f" || char === "\b") answer = answer.slice(0, -1);
        else answer += char;
      }
    };
    stdin.on("data", onData);
  });
}

async function passwordFromUser(question: string): Promise<string> {
  if (process.env.ADMIN_PASSWORD) return process.env.ADMIN_PASSWORD;
  if (!process.stdin.isTTY) {
    throw new Error("Set ADMIN_PASSWORD, or run this in a terminal to type the password.");
  }
  const password = await askHidden(question);
  const again = await askHidden("Type it again: ");
  if (password !== again) throw new Error("The two passwords do not match.");
  return password;
}

async function main() {
  const args = readArgs();
  if (args.resetPassword) {
    await withAdminDatabase(async (db) => {
      if (!(await memberExists(db, args.email))) throw new Error(`${args.email} has no account.`);
      const password = await passwordFromUser(
        `New password for ${args.email} (at least 12 characters): `,
      );
      const result = await setPasswordByOperator(db, { email: args.email, password });
      if (!result.ok) throw new Error(result.message);
      console.log(
        `Set a new password for ${result.email}. Every session of that account has ended.`,
      );
    });
    return;
  }
  await withAdminDatabase(async (db) => {
    const promoting = args.promote && (await memberExists(db, args.email));
    const password = promoting
      ? undefined
      : await passwordFromUser("Password for the new admin (at least 12 characters): ");
    const result = await createFirstAdmin(db, { ...args, password });
    if (!result.ok) throw new Error(result.message);
    const messages = {
      created: `Created admin ${result.member.email}. Sign in with that email and password.`,
      promoted: `${result.member.email} is now an active admin.`,
      unchanged: `${result.member.email} was already an active admin; nothing changed.`,
    };
    console.log(messages[result.outcome]);
  });
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
