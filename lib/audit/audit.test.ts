import { describe, expect, it } from "vitest";
import { encodeCursor, InvalidCursor } from "@/lib/core/pagination/cursor";
import { testDb } from "@/test/db";
import { createAdmin, createMember, unique } from "@/test/factories";
import { changeRows } from "./diff";
import { auditFilterOptions, listAuditEntries } from "./queries";
import { recordAudit } from "@/lib/core/audit/record";
import { auditFilterSchema } from "./schemas";
import type { AuditAction } from "@/lib/core/audit/actions";
import { formatDateTime } from "@/lib/core/date-format";
import { entityHref, entityTypeLabel, fieldLabel } from "./labels";

/** An action name no other test writes, so a test finds only its own entries. */
const testAction = () => `test.${unique()}` as AuditAction;

describe("recordAudit", () => {
  it("writes inside the caller's transaction, so a rolled-back change leaves no entry", async () => {
    const member = await createMember();
    const action = testAction();
    await expect(
      testDb.$transaction(async (tx) => {
        await recordAudit(tx, {
          actorId: member.id,
          action,
          entityType: "User",
          entityId: member.id,
          after: { x: 1 },
        });
        throw new Error("roll back");
      }),
    ).rejects.toThrow("roll back");
    expect(await testDb.auditLog.count({ where: { action } })).toBe(0);
  });

  it("stores dates as ISO strings and a missing side as SQL NULL", async () => {
    const action = testAction();
    const at = new Date("2026-01-02T03:04:05.678Z");
    await testDb.$transaction((tx) =>
      recordAudit(tx, {
        actorId: null,
        action,
        entityType: "Thing",
        entityId: "t1",
        after: { at },
      }),
    );
    const entry = await testDb.auditLog.findFirstOrThrow({ where: { action } });
    expect(entry).toMatchObject({
      actorId: null,
      before: null,
      after: { at: "2026-01-02T03:04:05.678Z" },
    });
  });
});

describe("listAuditEntries", () => {
  async function writeEntries(action: AuditAction, actorId: string, count: number) {
    for (let i = 0; i < count; i++) {
      await testDb.$transaction((tx) =>
        recordAudit(tx, {
          actorId,
          action,
          entityType: "User",
          entityId: actorId,
          before: { n: i },
          after: { n: i + 1 },
        }),
      );
    }
  }

  it("lists newest first with the actor's and member's names, page by page", async () => {
    const admin = await createAdmin();
    const action = testAction();
    await writeEntries(action, admin.id, 5);
    const seen: number[] = [];
    let cursor: string | undefined;
    do {
      const page = await listAuditEntries({ action, cursor }, 2);
      for (const entry of page.items) {
        expect(entry).toMatchObject({
          actor: { id: admin.id, name: admin.name },
          entityLabel: admin.name,
        });
        seen.push((entry.before as { n: number }).n);
      }
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual([4, 3, 2, 1, 0]);
  });

  it("filters by entity type as well as action", async () => {
    const admin = await createAdmin();
    const action = testAction();
    await writeEntries(action, admin.id, 1);
    expect((await listAuditEntries({ action, entityType: "User" })).items).toHaveLength(1);
    expect((await listAuditEntries({ action, entityType: "Invitation" })).items).toHaveLength(0);
    expect((await auditFilterOptions()).actions).toContain(action);
  });

  it("refuses a malformed cursor", async () => {
    await expect(listAuditEntries({ cursor: "garbage" })).rejects.toBeInstanceOf(InvalidCursor);
    await expect(
      listAuditEntries({ cursor: encodeCursor(["yesterday", "x"]) }),
    ).rejects.toBeInstanceOf(InvalidCursor);
  });
});

describe("auditFilterSchema", () => {
  it("accepts blank filters and refuses odd ones", () => {
    expect(auditFilterSchema.parse({ action: "", entityType: "" })).toEqual({});
    expect(auditFilterSchema.safeParse({ action: "x'; drop" }).success).toBe(false);
  });
});

describe("changeRows", () => {
  it("lines up each field's value before and after, marking what changed", () => {
    expect(
      changeRows({ role: "MEMBER", email: "a@x.test" }, { role: "LEADER", email: "a@x.test" }),
    ).toEqual([
      { field: "Role", before: "MEMBER", after: "LEADER", changed: true },
      { field: "Email", before: "a@x.test", after: "a@x.test", changed: false },
    ]);
  });

  it("shows a missing side as a dash and lists as text", () => {
    expect(changeRows(null, { allowedDomains: ["a.test", "b.test"], open: true })).toEqual([
      { field: "Allowed domains", before: "—", after: "a.test, b.test", changed: true },
      { field: "Open", before: "—", after: "true", changed: true },
    ]);
  });

  it("shows stored instants as a date and time in the reader's zone", () => {
    expect(
      changeRows({ pinnedAt: null }, { pinnedAt: "2026-03-01T09:30:00.000Z" }, "Europe/Berlin"),
    ).toEqual([
      {
        field: "Pinned at",
        before: "—",
        after: formatDateTime(new Date("2026-03-01T09:30:00.000Z"), "Europe/Berlin"),
        changed: true,
      },
    ]);
    expect(formatDateTime(new Date("2026-03-01T09:30:00.000Z"), "Europe/Berlin")).toContain(
      "10:30",
    );
  });
});

describe("audit labels", () => {
  it("names entity types and fields in words, and links entities that have a page", () => {
    expect(entityTypeLabel("KnowledgePost")).toBe("Knowledge post");
    expect(entityTypeLabel("MentorPairing")).toBe("Mentorship");
    expect(entityTypeLabel("SomethingNew")).toBe("SomethingNew");
    expect(entityHref("LearningSession", "s1")).toBe("/sessions/s1");
    expect(entityHref("Setting", "signup.open")).toBeNull();
    expect(fieldLabel("allowedDomains")).toBe("Allowed domains");
    expect(fieldLabel("signup.open")).toBe("Signup open");
  });
});
