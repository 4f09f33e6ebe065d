import { describe, expect, it } from "vitest";
import { createMember } from "@/test/factories";
import { createSurvey } from "@/test/factories-surveys";
import { nextRoundOf, roundNumbers, roundTitle } from "./rounds";

describe("survey rounds", () => {
  it("numbers each round by walking back the chain, and finds the next round", async () => {
    const leader = await createMember({ role: "LEADER" });
    const first = await createSurvey(leader.id);
    const second = await createSurvey(leader.id, { previousRoundId: first.id });
    const third = await createSurvey(leader.id, { previousRoundId: second.id });
    const alone = await createSurvey(leader.id);
    const rounds = await roundNumbers([third.id, first.id, alone.id, second.id]);
    expect(Object.fromEntries(rounds)).toEqual({
      [first.id]: 1,
      [second.id]: 2,
      [third.id]: 3,
      [alone.id]: 1,
    });
    expect(await nextRoundOf(first.id)).toBe(second.id);
    expect(await nextRoundOf(third.id)).toBeNull();
    expect(await roundNumbers([])).toEqual(new Map());
  });

  it("titles a survey by its round only when it has more than one", () => {
    expect(roundTitle("Pulse", 1, false)).toBe("Pulse");
    expect(roundTitle("Pulse", 1, true)).toBe("Round 1 of Pulse");
    expect(roundTitle("Pulse", 3, false)).toBe("Round 3 of Pulse");
  });
});
