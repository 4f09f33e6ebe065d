// The survey results page leads with every statement in one table row and folds each
// statement's bars behind its text (a <details>, closed until opened).
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { StatementResult, StatementsSummary, type StatementFigures } from "./statement-result";

const statements: StatementFigures[] = [
  {
    id: "s1",
    text: "I can share a mistake without fear of judgement",
    themeLabel: "Psychological safety",
    distribution: [0, 1, 1, 2, 1],
    average: 3.6,
    change: 0.4,
  },
  {
    id: "s2",
    text: "I have time in my week to learn",
    themeLabel: null,
    distribution: [0, 0, 0, 0, 0],
    average: null,
    change: null,
  },
];

describe("StatementsSummary", () => {
  it("gives each statement a row: average, change since the previous round, its meaning", () => {
    const html = renderToStaticMarkup(<StatementsSummary statements={statements} compared />);
    expect(html).toContain("Summary: each statement&#x27;s average");
    expect(html).toContain(
      '<th scope="row" class="border-b border-stone-200 px-3 py-2 text-left align-top font-medium">I can share a mistake without fear of judgement</th>',
    );
    expect(html).toContain(">3.6</td>");
    expect(html).toContain("up 0.4 since the previous round");
    expect(html).toContain(">Agree</td>");
    expect(html).toContain(">No answers</td>");
  });

  it("has no change column for a first round", () => {
    const html = renderToStaticMarkup(
      <StatementsSummary statements={statements} compared={false} />,
    );
    expect(html).not.toContain("Since the previous round");
  });
});

describe("StatementResult", () => {
  it("is closed, labelled by the statement and its average, with the bars inside", () => {
    const html = renderToStaticMarkup(<StatementResult statement={statements[0]!} position={1} />);
    expect(html).toMatch(/^<details class="fold" id="statement-s1"><summary class="fold-summary">/);
    expect(html).not.toContain(" open");
    expect(html).toContain("Statement 1: </span>I can share a mistake without fear of judgement");
    expect(html).toContain("Psychological safety · Average <strong>3.6</strong> out of 5");
    expect(html).toContain(
      'aria-label="Answers to: I can share a mistake without fear of judgement"',
    );
  });
});
