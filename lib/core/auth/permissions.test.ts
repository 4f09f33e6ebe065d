import { describe, expect, it } from "vitest";
import { ALL_PERMISSIONS, hasPermission, type Permission } from "./permissions";
import { authorize, PermissionDenied } from "./authorize";

// The full role × permission matrix, written out by hand: a change to the grants must be
// a change to this table too.
const MATRIX: Record<Permission, [member: boolean, leader: boolean, admin: boolean]> = {
  "read:member:any": [true, true, true],
  "update:profile:own": [true, true, true],
  "update:password:own": [true, true, true],
  "update:auth-session:own": [true, true, true],
  "update:notification:own": [true, true, true],
  "read:content:any": [true, true, true],
  "create:discussion:any": [true, true, true],
  "update:discussion:own": [true, true, true],
  "delete:discussion:own": [true, true, true],
  "create:reply:any": [true, true, true],
  "update:reply:own": [true, true, true],
  "delete:reply:own": [true, true, true],
  "create:reaction:any": [true, true, true],
  "update:accepted-answer:own": [true, true, true],
  "create:post:any": [true, true, true],
  "update:post:own": [true, true, true],
  "delete:post:own": [true, true, true],
  "create:comment:any": [true, true, true],
  "update:comment:own": [true, true, true],
  "delete:comment:own": [true, true, true],
  "create:helpful-vote:any": [true, true, true],
  "update:bookmark:own": [true, true, true],
  "update:tag-follow:own": [true, true, true],
  "create:report:any": [true, true, true],
  "read:session:any": [true, true, true],
  "update:session:own": [true, true, true],
  "update:rsvp:own": [true, true, true],
  "update:action-item:own": [true, true, true],
  "create:session-feedback:any": [true, true, true],
  "update:calendar-feed:own": [true, true, true],
  "create:topic-proposal:any": [true, true, true],
  "delete:topic-proposal:own": [true, true, true],
  "update:topic-vote:own": [true, true, true],
  "read:recognition:any": [true, true, true],
  "create:recognition:any": [true, true, true],
  "update:recognition:own": [true, true, true],
  "delete:recognition:own": [true, true, true],
  "update:applause:own": [true, true, true],
  "create:private-feedback:any": [true, true, true],
  "read:private-feedback:own": [true, true, true],
  "update:mentorship-profile:own": [true, true, true],
  "create:mentor-request:own": [true, true, true],
  "read:pairing:own": [true, true, true],
  "update:pairing-space:own": [true, true, true],
  "create:pairing-end-request:own": [true, true, true],
  "create:survey-response:any": [true, true, true],
  "read:insights:any": [false, true, true],
  "create:survey:any": [false, true, true],
  "update:survey:any": [false, true, true],
  "read:survey-results:any": [false, true, true],
  "create:leader-recognition:any": [false, true, true],
  "update:recognition-feature:any": [false, true, true],
  "read:recognition-insights:any": [false, true, true],
  "update:company-value:any": [false, false, true],
  "read:webhook-delivery:any": [false, false, true],
  "read:mentorship-programme:any": [false, false, true],
  "read:pairing:any": [false, false, true],
  "create:pairing:any": [false, false, true],
  "update:pairing-status:any": [false, false, true],
  "read:private-community:any": [false, false, true],
  "update:community:any": [false, false, true],
  "create:community:any": [false, true, true],
  "create:session:any": [false, true, true],
  "update:session:any": [false, true, true],
  "update:topic-proposal:any": [false, true, true],
  "update:discussion-pin:any": [false, true, true],
  "update:discussion-lock:any": [false, true, true],
  "update:post-pin:any": [false, true, true],
  "update:accepted-answer:any": [false, false, true],
  "read:report:any": [false, false, true],
  "update:content-visibility:any": [false, false, true],
  "read:admin:any": [false, false, true],
  "update:member-role:any": [false, false, true],
  "update:member-status:any": [false, false, true],
  "update:sign-in-lock:any": [false, false, true],
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
