// `npm run admin:create -- --email … --reset-password`, run as an operator would: the real
// command against the test database, the password from ADMIN_PASSWORD.
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { testDb } from "@/test/db";
import { createMember } from "@/test/factories";
import { verifyPassword } from "@/lib/core/auth/password";
import { queuedJobs } from "@/test/jobs";
import { passwordChangedQueue } from "@/lib/account/queues";

const run = promisify(execFile);
const PASSWORD = "set from the command line";

function adminCreate(args: string[]) {
  return run(process.execPath, ["--import", "tsx", "scripts/admin-create.ts", ...args], {
    env: { ...process.env, ADMIN_PASSWORD: PASSWORD },
    timeout: 60_000,
  });
}

describe("admin:create --reset-password", () => {
  it("sets a new password for an existing account without changing its role", async () => {
    const member = await createMember();
    const { stdout } = await adminCreate(["--email", member.email, "--reset-password"]);
    expect(stdout).toMatch(/Set a new password/);
    const after = await testDb.user.findUniqueOrThrow({
      where: { id: member.id },
      omit: { passwordHash: false },
    });
    expect(await verifyPassword(after.passwordHash!, PASSWORD)).toBe(true);
    expect(after.role).toBe("MEMBER");
    expect(after.sessionVersion).toBe(1);
    // The "password changed" mail waits for the worker, as after a reset by link.
    const mine = (data: { userId: string }) => data.userId === member.id;
    expect(await queuedJobs(passwordChangedQueue, mine)).toHaveLength(1);
  }, 60_000);
});
