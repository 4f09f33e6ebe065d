// The proposal form's prefill from the URL: fitting values kept, anything else dropped.
import { describe, expect, it } from "vitest";
import { PROPOSAL_LIMITS as L } from "./limits";
import { proposalPrefill } from "./prefill";

describe("proposalPrefill", () => {
  it("keeps a title and a reason with line breaks", () => {
    expect(proposalPrefill({ title: " Rust basics ", why: "Many want it.\n\n- Ada" })).toEqual({
      title: "Rust basics",
      why: "Many want it.\n\n- Ada",
    });
  });

  it("drops what the form would refuse, and takes the first of repeated values", () => {
    expect(proposalPrefill({ title: "a\nb", why: `x${"\u0000"}` })).toEqual({
      title: undefined,
      why: undefined,
    });
    expect(
      proposalPrefill({ title: "t".repeat(L.titleMax + 1), why: "w".repeat(L.whyMax + 1) }),
    ).toEqual({ title: undefined, why: undefined });
    expect(proposalPrefill({ title: ["First", "Second"] })).toEqual({
      title: "First",
      why: undefined,
    });
    expect(proposalPrefill({})).toEqual({ title: undefined, why: undefined });
  });
});
