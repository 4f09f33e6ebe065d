// @vitest-environment happy-dom
// The discussion list's filters: a plain GET form with an Apply button in the server's HTML;
// in the browser a changed select replaces the URL at once (no cursor, no empty values),
// focus stays on it, and the selects follow the URL when it changes from elsewhere.
import { cleanup, render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { ComponentProps } from "react";
import { renderToString } from "react-dom/server";
import { afterEach, describe, expect, it, vi } from "vitest";
import { listParamsSchema } from "@/lib/discussions/schemas";
import { DiscussionFilters } from "./discussion-filters";

const replace = vi.fn();
vi.mock("next/navigation", () => ({
  useRouter: () => ({ replace }),
  usePathname: () => "/discussions",
}));
// Outside the App Router: next/form and next/link as the plain elements they render.
vi.mock("next/form", () => ({ default: (props: ComponentProps<"form">) => <form {...props} /> }));
vi.mock("next/link", () => ({
  default: ({
    replace: _r,
    scroll: _s,
    ...props
  }: ComponentProps<"a"> & Record<string, unknown>) => <a {...props} />,
}));

afterEach(() => {
  cleanup();
  replace.mockReset();
});

const TAGS = [
  { name: "Onboarding", slug: "onboarding" },
  { name: "Testing", slug: "testing" },
];
const params = (raw: Record<string, string> = {}) => listParamsSchema.parse(raw);

describe("DiscussionFilters", () => {
  it("is a GET form with an Apply button before JavaScript runs", () => {
    const html = renderToString(<DiscussionFilters params={params()} tags={TAGS} />);
    expect(html).toMatch(/<form[^>]*action="\/discussions"/);
    expect(html).toContain(">Apply filters</button>");
    expect(html).not.toMatch(/<button[^>]*hidden[^>]*>Apply filters/);
    expect(html).toContain("<summary>Filters</summary>");
  });

  it("applies a changed select at once and keeps focus on it", async () => {
    const user = userEvent.setup();
    render(<DiscussionFilters params={params({ tag: "testing", cursor: "abc" })} tags={TAGS} />);
    expect(screen.getByText("Apply filters")).toHaveProperty("hidden", true);
    const kind = screen.getByLabelText("Kind");
    await user.selectOptions(kind, "question");
    expect(replace).toHaveBeenCalledWith("/discussions?kind=question&tag=testing", {
      scroll: false,
    });
    expect(document.activeElement).toBe(kind);
    expect(kind).toHaveProperty("value", "question");

    await user.selectOptions(screen.getByLabelText("Sort by"), "newest");
    expect(replace).toHaveBeenLastCalledWith("/discussions?kind=question&tag=testing&sort=newest", {
      scroll: false,
    });
    expect(screen.getByText("Filters (2 on)")).toBeTruthy();
  });

  it("follows the URL when it changes elsewhere, without remounting the selects", () => {
    const view = render(<DiscussionFilters params={params({ kind: "question" })} tags={TAGS} />);
    const kind = screen.getByLabelText("Kind");
    kind.focus();
    view.rerender(<DiscussionFilters params={params({ tag: "onboarding" })} tags={TAGS} />);
    expect(screen.getByLabelText("Kind")).toBe(kind);
    expect(kind).toHaveProperty("value", "");
    expect(screen.getByLabelText("Tag")).toHaveProperty("value", "onboarding");
    expect(document.activeElement).toBe(kind);
  });
});
