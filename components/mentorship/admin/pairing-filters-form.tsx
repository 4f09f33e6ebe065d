import Link from "next/link";
import { Button, buttonClasses } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { HEALTH_LABELS, type PairingHealth } from "@/lib/mentorship/health";
import { PAIRING_STATUSES, SORT_LABELS, STATUS_LABELS } from "@/lib/mentorship/labels";

export interface PairingFilterValues {
  status?: string;
  health?: string;
  q?: string;
  sort: string;
}

/** Status, health, a name and the order: a GET form, so the filtered list has its own URL. */
export function PairingFiltersForm({ filters }: { filters: PairingFilterValues }) {
  return (
    <form
      method="get"
      action="/admin/mentorship"
      role="search"
      aria-label="Filter pairings"
      className="grid gap-3 rounded-lg border border-stone-200 bg-white p-4 sm:grid-cols-2 lg:grid-cols-[1fr_10rem_10rem_12rem_auto] lg:items-start"
    >
      <TextField
        name="q"
        label="Mentor or mentee name"
        type="search"
        defaultValue={filters.q ?? ""}
        maxLength={100}
        autoComplete="off"
      />
      <SelectField
        name="status"
        label="Status"
        defaultValue={filters.status ?? ""}
        options={[
          { value: "", label: "Any status" },
          ...PAIRING_STATUSES.map((status) => ({ value: status, label: STATUS_LABELS[status] })),
        ]}
      />
      <SelectField
        name="health"
        label="Health"
        defaultValue={filters.health ?? ""}
        options={[
          { value: "", label: "Any health" },
          ...(Object.keys(HEALTH_LABELS) as PairingHealth[]).map((health) => ({
            value: health,
            label: HEALTH_LABELS[health],
          })),
        ]}
      />
      <SelectField
        name="sort"
        label="Order"
        defaultValue={filters.sort}
        options={Object.entries(SORT_LABELS).map(([value, label]) => ({ value, label }))}
      />
      <div className="flex gap-2 lg:pt-6">
        <Button type="submit" variant="primary">
          Filter
        </Button>
        <Link href="/admin/mentorship" className={buttonClasses("ghost")}>
          Clear
        </Link>
      </div>
    </form>
  );
}
