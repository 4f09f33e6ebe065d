// "organisation.name" is organisation-wide and every mail other test files send reads it, so
// the audited save runs in a rolled-back transaction; one test commits a name for the moment
// it takes to capture a mail (a name that still holds "Learning Commons"), then restores it.
import { afterEach, describe, expect, it, vi } from "vitest";
import { PermissionDenied } from "@/lib/core/auth/authorize";
import { parseCapturedMail } from "@/lib/core/mail/captured";
import { sendMail } from "@/lib/core/mail/send";
import { closeMailTransports } from "@/lib/core/mail/transport";
import { getSetting } from "@/lib/core/settings/queries";
import { testDb } from "@/test/db";
import { createAdmin, createLeader, createMember, unique } from "@/test/factories";
import { form } from "@/test/form-data";
import { sampleMailBody } from "@/test/mail-fixture";
import { signedInAs } from "@/test/session";
import { saveOrganisationName, updateOrganisationSettings } from "./update";

vi.mock("@/lib/core/auth/auth", () => import("@/test/session"));
vi.mock("next/headers", () => ({ headers: async () => new Headers() }));
vi.mock("next/cache", () => ({ refresh: vi.fn(), revalidatePath: vi.fn() }));

const { updateOrganisationSettingsAction } = await import("./actions");

afterEach(() => closeMailTransports());

describe("updateOrganisationSettings", () => {
  it.each([
    ["", "Enter the organisation's name."],
    ["   ", "Enter the organisation's name."],
    ["x".repeat(81), "Keep the name to 80 characters or fewer."],
    ["Acme\r\nBcc: evil@example.com", "Keep the name on one line."],
  ])("refuses %j beside the field and saves nothing", async (name, message) => {
    const admin = await createAdmin();
    const before = await getSetting("organisation.name");
    expect(await updateOrganisationSettings(admin, { name })).toMatchObject({
      ok: false,
      fieldErrors: { name: [message] },
    });
    expect(await getSetting("organisation.name")).toBe(before);
    expect(await testDb.auditLog.count({ where: { actorId: admin.id } })).toBe(0);
  });

  it("refuses leaders and members", async () => {
    for (const actor of [await createLeader(), await createMember()]) {
      await expect(updateOrganisationSettings(actor, { name: "Evil Corp" })).rejects.toBeInstanceOf(
        PermissionDenied,
      );
      signedInAs(actor);
      expect(
        await updateOrganisationSettingsAction(null, form({ name: "Evil Corp" })),
      ).toMatchObject({ ok: false });
    }
    expect(await getSetting("organisation.name")).not.toBe("Evil Corp");
  });

  it("saves the name and audits before and after (rolled back); the same name changes nothing", async () => {
    const admin = await createAdmin();
    const before = await getSetting("organisation.name");
    const rollback = new Error("rollback");
    await expect(
      testDb.$transaction(async (tx) => {
        expect(await saveOrganisationName(tx, admin, "Acme Learning")).toMatchObject({ ok: true });
        expect(await getSetting("organisation.name", tx)).toBe("Acme Learning");
        expect(
          await tx.auditLog.findMany({
            where: { actorId: admin.id, action: "settings.update" },
            select: { entityType: true, entityId: true, before: true, after: true },
          }),
        ).toEqual([
          {
            entityType: "Setting",
            entityId: "organisation.name",
            before: { name: before },
            after: { name: "Acme Learning" },
          },
        ]);
        expect(await saveOrganisationName(tx, admin, "Acme Learning")).toEqual({
          ok: true,
          message: "Nothing to change: the name was already this.",
        });
        throw rollback;
      }),
    ).rejects.toBe(rollback);
    expect(await getSetting("organisation.name")).toBe(before);
  });

  it("is used in the mail sent next: the sender's name and the heading", async () => {
    const admin = await createAdmin();
    const member = await createMember();
    const original = await testDb.setting.findUnique({ where: { key: "organisation.name" } });
    const name = `Learning Commons ${unique("Acme")}`;
    const subject = `Hello ${unique()}`;
    delete process.env.SMTP_URL;
    delete process.env.MAIL_FROM;
    signedInAs(admin);
    try {
      expect(
        await updateOrganisationSettingsAction(null, form({ name: `  ${name} ` })),
      ).toMatchObject({ ok: true });
      await sendMail({
        to: { address: member.email, name: member.name, userId: member.id },
        kind: "test",
        subject,
        body: sampleMailBody,
      });
    } finally {
      if (original) {
        await testDb.setting.update({
          where: { key: "organisation.name" },
          data: { value: original.value ?? undefined, updatedById: original.updatedById },
        });
      } else {
        await testDb.setting.deleteMany({ where: { key: "organisation.name" } });
      }
    }
    const captured = await testDb.capturedEmail.findFirstOrThrow({ where: { subject } });
    const mail = await parseCapturedMail(captured.raw);
    expect(mail.from).toContain(`${name}`);
    expect(mail.html).toContain(name);
    expect(mail.text).toContain(name);
    expect(
      await testDb.auditLog.findFirst({
        where: { actorId: admin.id, action: "settings.update", entityId: "organisation.name" },
      }),
    ).toMatchObject({ after: { name } });
  });
});
