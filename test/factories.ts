// Test data straight into the database (no UI): unique per call, so test files can run in
// parallel and in any order.
import { randomUUID } from "node:crypto";
import type { Role } from "@/lib/generated/prisma/enums";
import { testDb } from "./db";
import { TEST_PASSWORD, testPasswordHash } from "./factories-password";

export function unique(prefix = "t"): string {
  return `${prefix}${randomUUID().slice(0, 8)}`;
}

export { TEST_PASSWORD };

export async function createMember(
  overrides: Partial<{
    name: string;
    email: string;
    role: Role;
    status: "ACTIVE" | "DEACTIVATED";
    title: string;
    teamId: string;
    withPassword: boolean;
  }> = {},
) {
  const tag = unique("m");
  const { withPassword = true, ...data } = overrides;
  return testDb.user.create({
    data: {
      name: `Member ${tag}`,
      email: `${tag}@test.example`,
      passwordHash: withPassword ? await testPasswordHash() : null,
      ...data,
    },
  });
}

export const createAdmin = () => createMember({ role: "ADMIN" });
export const createLeader = () => createMember({ role: "LEADER" });
