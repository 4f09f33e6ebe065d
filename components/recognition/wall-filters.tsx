"use client";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { EntityPicker, memberSuggestions } from "@/components/ui/entity-picker";
import { SelectField } from "@/components/ui/field";
import type { TeamOption, ValueBadge, WallParams } from "@/lib/recognition/queries";

/** The wall's filters, a GET form: the filtered wall has its own URL to share. */
export function WallFilters({
  params,
  values,
  teams,
  member,
}: {
  params: WallParams;
  values: ValueBadge[];
  teams: TeamOption[];
  member: { id: string; name: string } | null;
}) {
  const filtered = Boolean(params.value || params.team || params.member || params.featured);
  return (
    <form
      method="get"
      action="/recognition"
      role="search"
      aria-label="Filter recognitions"
      className="grid gap-4 rounded-lg border border-stone-200 bg-white p-4 md:grid-cols-2 lg:grid-cols-4 lg:items-start"
    >
      <SelectField
        name="value"
        label="Value"
        defaultValue={params.value ?? ""}
        options={[
          { value: "", label: "All values" },
          ...values.map((v) => ({
            value: v.slug,
            label: `${v.emoji ? `${v.emoji} ` : ""}${v.name}`,
          })),
        ]}
      />
      <SelectField
        name="team"
        label="Team"
        defaultValue={params.team ?? ""}
        options={[
          { value: "", label: "All teams" },
          ...teams.map((t) => ({ value: t.slug, label: t.name })),
        ]}
      />
      <EntityPicker
        name="member"
        label="Member"
        initial={member ? [{ id: member.id, label: member.name }] : []}
        max={1}
        placeholder="Anyone"
        {...memberSuggestions}
      />
      {params.member && params.as ? <input type="hidden" name="as" value={params.as} /> : null}
      <div className="space-y-3">
        <div className="flex min-h-10 items-center gap-2 lg:pt-6">
          <input
            id="field-featured"
            type="checkbox"
            name="featured"
            value="1"
            defaultChecked={Boolean(params.featured)}
            className="h-5 w-5 accent-brand-700"
          />
          <label htmlFor="field-featured" className="text-sm font-medium text-stone-800">
            Featured by leaders only
          </label>
        </div>
        <div className="flex flex-wrap items-center gap-3">
          <Button type="submit" variant="secondary">
            Filter
          </Button>
          {filtered ? <Link href="/recognition">Clear filters</Link> : null}
        </div>
      </div>
    </form>
  );
}
