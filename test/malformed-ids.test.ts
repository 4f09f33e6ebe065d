// Ids from URLs, forms and cursors go through the shared id schema (lib/core/ids.ts), not a
// length check: an id holding a control character (PostgreSQL text cannot hold NUL), too long,
// or blank is "not found" or a field error, never a database error (a 500).
import { describe, expect, it } from "vitest";
import { testDb } from "@/test/db";
import { createAdmin, createMember } from "@/test/factories";
import { NotFound } from "@/lib/core/forms/errors";
import { encodeCursor } from "@/lib/core/pagination/cursor";
import { revokeSession } from "@/lib/account/sessions";
import { clearSignInLock } from "@/lib/account/sign-in-lock";
import { pairingPrefill } from "@/lib/mentorship/prefill";
import { getPairingSpace, listCheckIns } from "@/lib/mentorship/queries";
import { feedbackComments } from "@/lib/sessions/after/queries";
import { surveyForAnswer, surveyResults } from "@/lib/surveys/queries";

const MALFORMED = ["abc\u0000def", "\u0000", "x".repeat(41), "   "];

describe.each(MALFORMED)("a malformed id (%j)", (bad) => {
  it("is not found by the mentorship and survey loaders", async () => {
    const admin = await createAdmin();
    await expect(getPairingSpace(admin, bad)).rejects.toBeInstanceOf(NotFound);
    await expect(listCheckIns(admin, bad)).rejects.toBeInstanceOf(NotFound);
    await expect(surveyForAnswer(admin, bad)).rejects.toBeInstanceOf(NotFound);
    await expect(surveyResults(admin, bad)).rejects.toBeInstanceOf(NotFound);
  });

  it("is ignored by the new pairing form's prefill", async () => {
    const admin = await createAdmin();
    expect(await pairingPrefill(admin, { mentor: bad, mentee: bad, request: bad })).toEqual({
      mentor: null,
      mentee: null,
      goals: "",
      request: null,
    });
  });

  it("is refused by the account's session and sign-in lock forms", async () => {
    const [admin, member] = [await createAdmin(), await createMember()];
    // A session id is longer than a record id: 41 characters is "already ended" there.
    expect(await revokeSession(testDb, member, null, { sessionId: bad })).toMatchObject({
      ok: false,
    });
    expect(await clearSignInLock(testDb, admin, { memberId: bad })).toMatchObject({
      ok: false,
      fieldErrors: { memberId: [expect.any(String)] },
    });
  });

  it("in a page cursor of a session's feedback comments starts from the first page", async () => {
    const cursor = encodeCursor(["2026-11-02", bad]);
    await expect(feedbackComments("no-such-session", { cursor })).resolves.toMatchObject({
      items: [],
    });
  });
});
