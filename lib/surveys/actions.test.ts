// The survey server actions are public endpoints: called directly (as a form post would be),
// they act as the signed-in member, refuse visitors and the wrong members, refresh the pages
// that show surveys, and answering writes no log line.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { revalidatePath } from "next/cache";
import { toDateInput } from "@/lib/core/dates";
import { testDb } from "@/test/db";
import { createLeader, createMember, unique } from "@/test/factories";
import { createSurvey } from "@/test/factories-surveys";
import {
  closeSurveyAction,
  createSurveyAction,
  runAgainAction,
  submitResponseAction,
} from "./actions";
import { signedInAs } from "@/test/session";
import { form } from "@/test/form-data";

vi.mock("@/lib/core/auth/auth", () => import("@/test/session"));
vi.mock("next/headers", () => ({ headers: async () => new Headers() }));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));

const toSignIn = { digest: expect.stringMatching(/NEXT_REDIRECT;[^;]*;\/signin/) };
const today = () => toDateInput(new Date());
const inDays = (days: number) => toDateInput(new Date(Date.now() + days * 86_400_000));
const logs = [vi.spyOn(console, "log"), vi.spyOn(console, "info"), vi.spyOn(console, "error")];

beforeEach(() => {
  signedInAs(null);
  vi.clearAllMocks();
});
afterEach(() => signedInAs(null));

function expectRefreshed() {
  expect(revalidatePath).toHaveBeenCalledWith("/insights", "layout");
  expect(revalidatePath).toHaveBeenCalledWith("/surveys", "layout");
  expect(revalidatePath).toHaveBeenCalledWith("/");
}

describe("survey actions", () => {
  it("lets a leader create, close and run a survey again", async () => {
    const leader = await createLeader();
    signedInAs(leader);
    const title = `Pulse ${unique()}`;
    const created = await createSurveyAction(
      null,
      form({
        title,
        intro: "",
        opensOn: today(),
        closesOn: inDays(7),
        statements: "I have time in my week to learn",
        questions: "",
      }),
    );
    expect(created).toMatchObject({ ok: true, data: { id: expect.any(String) } });
    const id = created.ok ? created.data!.id : "";
    expect((await testDb.pulseSurvey.findUniqueOrThrow({ where: { id } })).title).toBe(title);
    expectRefreshed();

    vi.clearAllMocks();
    expect(await closeSurveyAction(null, form({ id }))).toMatchObject({ ok: true });
    expectRefreshed();

    const again = await runAgainAction(null, form({ id, opensOn: inDays(1), closesOn: inDays(8) }));
    expect(again).toMatchObject({ ok: true, data: { id: expect.any(String) } });
    expect(
      await testDb.pulseSurvey.findUniqueOrThrow({ where: { id: again.ok ? again.data!.id : "" } }),
    ).toMatchObject({ previousRoundId: id, title });
  });

  it("refuses members who try to create or close a survey, and keeps what they typed", async () => {
    const member = await createMember();
    const survey = await createSurvey(null);
    signedInAs(member);
    const title = `Pulse ${unique()}`;
    expect(
      await createSurveyAction(
        null,
        form({ title, opensOn: today(), closesOn: inDays(3), statements: "A statement" }),
      ),
    ).toMatchObject({
      ok: false,
      message: "You don't have permission to do that.",
      values: { title },
    });
    expect(await closeSurveyAction(null, form({ id: survey.id }))).toMatchObject({
      ok: false,
      message: "You don't have permission to do that.",
    });
    expect(await testDb.pulseSurvey.count({ where: { title } })).toBe(0);
    expect(
      (await testDb.pulseSurvey.findUniqueOrThrow({ where: { id: survey.id } })).closedAt,
    ).toBeNull();
    expect(revalidatePath).not.toHaveBeenCalled();
  });

  it("saves a member's answers without a log line, once", async () => {
    const member = await createMember();
    const survey = await createSurvey(null, { questions: [] });
    signedInAs(member);
    const fields: Record<string, string> = { surveyId: survey.id };
    for (const question of survey.questions) fields[`q-${question.id}`] = "4";
    expect(await submitResponseAction(null, form(fields))).toMatchObject({ ok: true });
    expectRefreshed();
    expect(await submitResponseAction(null, form(fields))).toMatchObject({
      ok: false,
      message: "You have already answered this survey. Thank you!",
    });
    for (const log of logs) expect(log).not.toHaveBeenCalled();
    expect(
      await testDb.pulseReceipt.count({ where: { surveyId: survey.id, sealed: { not: null } } }),
    ).toBe(1);
  });

  it("sends a signed-out visitor to sign in and changes nothing", async () => {
    const survey = await createSurvey(null);
    const attempts = [
      () => createSurveyAction(null, form({ title: "Sneaky", statements: "x" })),
      () => closeSurveyAction(null, form({ id: survey.id })),
      () => runAgainAction(null, form({ id: survey.id })),
      () => submitResponseAction(null, form({ surveyId: survey.id })),
    ];
    for (const attempt of attempts) await expect(attempt()).rejects.toMatchObject(toSignIn);
    expect(await testDb.pulseResponse.count({ where: { surveyId: survey.id } })).toBe(0);
    expect(await testDb.pulseReceipt.count({ where: { surveyId: survey.id } })).toBe(0);
    expect(
      (await testDb.pulseSurvey.findUniqueOrThrow({ where: { id: survey.id } })).closedAt,
    ).toBeNull();
  });
});
