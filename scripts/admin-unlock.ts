// `npm run admin:unlock -- --email someone@example.com`
// Lifts the sign-in lock that wrong passwords put on an account (five in 15 minutes), for
// when no admin can sign in to use "Clear sign-in lock" on the members page. Audited with no
// actor. Without DATABASE_URL it opens the embedded database in .data/pglite (stop the app
// first).
import { parseArgs } from "node:util";
import { withAdminDatabase } from "./admin-database";
import { clearSignInLockByEmail } from "../lib/account/sign-in-lock";

const USAGE = "Usage: npm run admin:unlock -- --email someone@example.com";

function readEmail(): string {
  const { values } = parseArgs({
    options: {
      email: { type: "string" },
      help: { type: "boolean", short: "h", default: false },
    },
  });
  if (values.help || !values.email) {
    console.log(USAGE);
    process.exit(values.help ? 0 : 1);
  }
  return values.email;
}

async function main() {
  const email = readEmail();
  const result = await withAdminDatabase((db) => clearSignInLockByEmail(db, email));
  if (!result.ok) throw new Error(result.message);
  console.log(result.message);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
