import { describe, expect, it } from "vitest";
import { ALL_PERMISSIONS, hasPermission, type Permission } from "./permissions";
import { authorize, PermissionDenied } from "./authorize";

// The full role × permission matrix, written out by hand: a change to the grants must be
// a change to this table too.
const MATRIX: Record<Permission, [member: boolean, leader: boolean, admin: boolean]> = {
  "read:member:any": [true, true, true],
  "update:profile:own": [true, true, true],
  "update:password:own": [true, true, true],
  "update:notification:own": [true, true, true],
  "read:admin:any": [false, false, true],
  "update:member-role:any": [false, false, true],
  "update:member-status:any": [false, false, true],
  "create:invitation:any": [false, false, true],
  "delete:invitation:any": [false, false, true],
  "read:invitation:any": [false, false, true],
  "read:audit-log:any": [false, false, true],
  "update:settings:any": [false, false, true],
};

describe("role × permission matrix", () => {
  it("covers every permission", () => {
    expect(Object.keys(MATRIX).sort()).toEqual([...ALL_PERMISSIONS].sort());
  });

  for (const [permission, [member, leader, admin]] of Object.entries(MATRIX) as [
    Permission,
    boolean[],
  ][]) {
    it(permission, () => {
      expect(hasPermission("MEMBER", permission)).toBe(member);
      expect(hasPermission("LEADER", permission)).toBe(leader);
      expect(hasPermission("ADMIN", permission)).toBe(admin);
    });
  }

  it("authorize() throws PermissionDenied when the role lacks the permission", () => {
    expect(() => authorize({ id: "x", role: "MEMBER" }, "update:member-role:any")).toThrow(
      PermissionDenied,
    );
    expect(() => authorize({ id: "x", role: "ADMIN" }, "update:member-role:any")).not.toThrow();
  });
});
