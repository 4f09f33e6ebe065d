import type { Metadata } from "next";
import { requirePermission } from "@/lib/core/auth/session";
import { listAllValues } from "@/lib/recognition/values/queries";
import { moveValueAction, setValueArchivedAction } from "@/lib/recognition/values/actions";
import { ActionButtonForm } from "@/components/admin/action-button-form";
import { ValueBadge } from "@/components/recognition/value-badge";
import { ValueForm } from "@/components/recognition/admin/value-form";

export const metadata: Metadata = { title: "Company values · Admin" };

type Value = Awaited<ReturnType<typeof listAllValues>>[number];

function ActiveValue({ value, first, last }: { value: Value; first: boolean; last: boolean }) {
  const headingId = `value-${value.id}-heading`;
  return (
    <li
      aria-labelledby={headingId}
      className="space-y-3 rounded-lg border border-stone-200 bg-white p-4"
    >
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="space-y-1">
          <h3 id={headingId} className="font-semibold">
            <ValueBadge value={value} />
          </h3>
          {value.description ? <p className="text-sm text-stone-700">{value.description}</p> : null}
        </div>
        <div className="flex flex-wrap gap-2">
          {first ? null : (
            <ActionButtonForm
              action={moveValueAction}
              fields={{ id: value.id, direction: "up" }}
              label="Move up"
              srSuffix={` ${value.name}`}
              pendingText="Moving…"
            />
          )}
          {last ? null : (
            <ActionButtonForm
              action={moveValueAction}
              fields={{ id: value.id, direction: "down" }}
              label="Move down"
              srSuffix={` ${value.name}`}
              pendingText="Moving…"
            />
          )}
          <ActionButtonForm
            action={setValueArchivedAction}
            fields={{ id: value.id, archived: "true" }}
            label="Archive"
            srSuffix={` ${value.name}`}
            pendingText="Archiving…"
            variant="danger"
            confirm={{
              question: `Archive “${value.name}”? Past recognitions keep it, but nobody can choose it any more.`,
              confirmLabel: "Archive it",
            }}
          />
        </div>
      </div>
      <details>
        <summary className="cursor-pointer text-sm font-medium text-brand-800">
          Edit<span className="sr-only"> {value.name}</span>
        </summary>
        <div className="pt-3">
          <ValueForm value={value} />
        </div>
      </details>
    </li>
  );
}

function ArchivedValue({ value }: { value: Value }) {
  return (
    <li className="flex flex-wrap items-center justify-between gap-3 rounded-lg border border-stone-200 bg-stone-50 p-4">
      <ValueBadge value={value} />
      <ActionButtonForm
        action={setValueArchivedAction}
        fields={{ id: value.id, archived: "false" }}
        label="Restore"
        srSuffix={` ${value.name}`}
        pendingText="Restoring…"
      />
    </li>
  );
}

export default async function AdminValuesPage() {
  await requirePermission("update:company-value:any");
  const values = await listAllValues();
  const active = values.filter((value) => !value.archivedAt);
  const archived = values.filter((value) => value.archivedAt);
  return (
    <div className="max-w-3xl space-y-8">
      <div className="space-y-2">
        <h1 className="text-2xl font-semibold">Company values</h1>
        <p className="text-stone-700">
          Every recognition is given for one of these values. Members choose from them in this
          order.
        </p>
      </div>

      <section aria-labelledby="active-values-heading" className="space-y-3">
        <h2 id="active-values-heading" className="text-lg font-semibold">
          In use ({active.length})
        </h2>
        {active.length ? (
          <ol className="space-y-3">
            {active.map((value, index) => (
              <ActiveValue
                key={value.id}
                value={value}
                first={index === 0}
                last={index === active.length - 1}
              />
            ))}
          </ol>
        ) : (
          <p className="text-stone-700">
            No values yet: members can&apos;t give recognition until you add one.
          </p>
        )}
      </section>

      <section
        aria-labelledby="new-value-heading"
        className="space-y-4 rounded-lg border border-stone-200 bg-white p-5"
      >
        <h2 id="new-value-heading" className="text-lg font-semibold">
          Add a value
        </h2>
        <ValueForm />
      </section>

      {archived.length ? (
        <section aria-labelledby="archived-values-heading" className="space-y-3">
          <h2 id="archived-values-heading" className="text-lg font-semibold">
            Archived ({archived.length})
          </h2>
          <p className="text-sm text-stone-700">
            Past recognitions still show these values; restore one to offer it again.
          </p>
          <ul className="space-y-3">
            {archived.map((value) => (
              <ArchivedValue key={value.id} value={value} />
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
