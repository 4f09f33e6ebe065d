import type { Metadata } from "next";
import { ScrollableTable } from "@/components/ui/scrollable-table";
import Link from "next/link";
import { z } from "zod";
import { SpreadNotice } from "@/components/recognition/spread-notice";
import { TeamSpreadTable, ValueSpreadTable } from "@/components/recognition/spread-tables";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { PaginationNav } from "@/components/ui/pagination-nav";
import { requirePermission } from "@/lib/core/auth/session";
import { invalid } from "@/lib/core/forms/action-result";
import { formatCalendarDate, parseDateInput } from "@/lib/core/dates";
import { listQueryOrNotFound, pageOrNotFound } from "@/lib/core/pagination/page-or-not-found";
import { hrefWith, type SearchParams } from "@/lib/core/pagination/search-params";
import {
  periodSchema,
  QUIET_DAYS,
  quietMembers,
  recognitionSpread,
} from "@/lib/recognition/spread";
import { mayRecognise } from "@/lib/recognition/access";
import { teamOptions } from "@/lib/recognition/queries";
import { urlText } from "@/lib/core/forms/text";

export const metadata: Metadata = { title: "How recognition is spread" };

const paramsSchema = z.object({
  from: urlText(20).optional(),
  to: urlText(20).optional(),
  team: urlText(80).optional(),
  quiet: urlText(500).optional(),
});

const day = (value: string) => formatCalendarDate(parseDateInput(value)!);

export default async function RecognitionInsightsPage({
  searchParams,
}: {
  searchParams: Promise<SearchParams>;
}) {
  const viewer = await requirePermission("read:recognition-insights:any");
  const { query, params } = await listQueryOrNotFound(searchParams, paramsSchema);
  const asked = periodSchema.safeParse({
    from: params.from || undefined,
    to: params.to || undefined,
  });
  // A refused period is explained beside its fields; the tables show the default period.
  const period = asked.success ? asked.data : periodSchema.parse({});
  const formState = asked.success
    ? null
    : invalid(asked.error, { from: params.from ?? "", to: params.to ?? "" });
  const [spread, quiet, teams] = await Promise.all([
    recognitionSpread(viewer, period),
    pageOrNotFound(
      quietMembers(viewer, { teamSlug: params.team || undefined, cursor: params.quiet }),
    ),
    teamOptions(),
  ]);
  const span = `${day(period.from)} to ${day(period.to)}`;

  return (
    <div className="space-y-8">
      <div className="space-y-2">
        <p className="text-sm">
          <Link href="/recognition">← The recognition wall</Link>
        </p>
        <h1 className="text-2xl font-semibold">How recognition is spread</h1>
        <p className="text-stone-700">
          For leaders: where public recognition goes, so that quieter contributors are seen too.
          Private feedback is never counted here.
        </p>
      </div>

      <form
        method="get"
        action="/recognition/insights"
        aria-label="Choose the period"
        className="grid gap-4 rounded-lg border border-stone-200 bg-white p-4 sm:grid-cols-[1fr_1fr_auto] sm:items-start"
      >
        <TextField
          name="from"
          label="From"
          type="date"
          state={formState}
          defaultValue={params.from ?? period.from}
        />
        <TextField
          name="to"
          label="To"
          type="date"
          state={formState}
          defaultValue={params.to ?? period.to}
        />
        {params.team ? <input type="hidden" name="team" value={params.team} /> : null}
        <div className="sm:pt-6">
          <Button type="submit" variant="secondary">
            Show period
          </Button>
        </div>
      </form>
      <SpreadNotice
        message={formState ? `${formState.message} Showing the last 90 days instead.` : null}
      />

      <section aria-labelledby="by-team-heading" className="space-y-3">
        <h2 id="by-team-heading" className="text-lg font-semibold">
          By team
        </h2>
        <TeamSpreadTable rows={spread.byTeam} caption={`Recognition by team, ${span}`} />
        <p className="text-sm text-stone-600">
          Members count for the team they are in now. &ldquo;Received&rdquo; counts each member
          thanked, so one thank-you to three people counts three.
        </p>
      </section>

      <section aria-labelledby="by-value-heading" className="space-y-3">
        <h2 id="by-value-heading" className="text-lg font-semibold">
          By value
        </h2>
        <ValueSpreadTable rows={spread.byValue} caption={`Recognition by value, ${span}`} />
      </section>

      <section aria-labelledby="quiet-heading" className="space-y-3">
        <h2 id="quiet-heading" className="text-lg font-semibold">
          Not recognised in the last {QUIET_DAYS} days
        </h2>
        <form
          method="get"
          action="/recognition/insights"
          aria-label="Filter by team"
          className="flex flex-wrap items-end gap-3"
        >
          <input type="hidden" name="from" value={period.from} />
          <input type="hidden" name="to" value={period.to} />
          <div className="min-w-48">
            <SelectField
              name="team"
              label="Team"
              defaultValue={params.team ?? ""}
              options={[
                { value: "", label: "All teams" },
                ...teams.map((t) => ({ value: t.slug, label: t.name })),
              ]}
            />
          </div>
          <div className="pb-6">
            <Button type="submit" variant="secondary">
              Filter
            </Button>
          </div>
        </form>
        <ScrollableTable label="Members not recognised lately">
          <table className="w-full text-sm">
            <caption className="p-3 text-left font-semibold">
              Active members who received no public recognition in the last {QUIET_DAYS} days
            </caption>
            <thead>
              <tr>
                <th scope="col" className="border-b border-stone-200 px-3 py-2 text-left">
                  Member
                </th>
                <th scope="col" className="border-b border-stone-200 px-3 py-2 text-left">
                  Team
                </th>
                <th scope="col" className="border-b border-stone-200 px-3 py-2 text-left">
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {quiet.items.map((member) => (
                <tr key={member.id}>
                  <th
                    scope="row"
                    className="border-b border-stone-200 px-3 py-2 text-left font-medium"
                  >
                    <Link href={`/members/${member.id}`}>{member.name}</Link>
                    {member.title ? (
                      <span className="block font-normal text-stone-600">{member.title}</span>
                    ) : null}
                  </th>
                  <td className="border-b border-stone-200 px-3 py-2">
                    {member.team?.name ?? "No team"}
                  </td>
                  <td className="border-b border-stone-200 px-3 py-2">
                    {/* Quiet members are active ones (lib/recognition/spread.ts). */}
                    {!mayRecognise(viewer, { id: member.id, active: true }) ? null : (
                      <Link href={`/recognition/new?to=${encodeURIComponent(member.id)}`}>
                        Thank<span className="sr-only"> {member.name}</span>
                      </Link>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {quiet.items.length ? null : (
            <p className="p-3 text-stone-700">
              Everyone was recognised in the last {QUIET_DAYS} days.
            </p>
          )}
        </ScrollableTable>
        <PaginationNav
          nextCursor={quiet.nextCursor}
          isFirstPage={!params.quiet}
          hrefFor={(cursor) =>
            `${hrefWith("/recognition/insights", query, { quiet: cursor })}#quiet-heading`
          }
          label="Pages of members not recognised"
        />
      </section>
    </div>
  );
}
