import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requirePermission } from "@/lib/core/auth/session";
import { findMembers, parseDirectoryParams, toDirectoryQuery } from "@/lib/members/directory";
import { listTeams } from "@/lib/members/queries";
import type { DirectoryParams } from "@/lib/members/schemas";
import { skillsInUse } from "@/lib/skills/queries";
import { DirectorySearchForm } from "@/components/members/directory-search-form";
import { MemberCard } from "@/components/members/member-card";
import { PaginationNav } from "@/components/ui/pagination-nav";

export const metadata: Metadata = { title: "Members" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

function directoryHref(params: DirectoryParams, cursor: string | null): string {
  const query = new URLSearchParams();
  for (const key of ["q", "offered", "wanted", "team"] as const) {
    if (params[key]) query.set(key, params[key]);
  }
  if (cursor) query.set("cursor", cursor);
  const search = query.toString();
  return search ? `/members?${search}` : "/members";
}

export default async function MembersPage({ searchParams }: { searchParams: SearchParams }) {
  await requirePermission("read:member:any");
  const params = parseDirectoryParams(await searchParams);
  const query = params && toDirectoryQuery(params);
  if (!params || !query) notFound();

  const [page, skills, teams] = await Promise.all([findMembers(query), skillsInUse(), listTeams()]);
  const filtered = Boolean(params.q || params.offered || params.wanted || params.team);
  const formKey = directoryHref(params, null);

  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">Members</h1>
      <p className="text-stone-700">
        Find colleagues who can teach what you want to learn, or who want to learn what you know.
      </p>
      <div key={formKey}>
        <DirectorySearchForm params={params} skills={skills} teams={teams} />
      </div>
      <section aria-labelledby="results-heading" className="space-y-4">
        <h2 id="results-heading" className="text-lg font-semibold">
          {filtered ? "Matching members" : "All members"}
        </h2>
        {page.items.length ? (
          <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
            {page.items.map((member) => (
              <li key={member.id}>
                <MemberCard member={member} />
              </li>
            ))}
          </ul>
        ) : (
          <p className="rounded-lg border border-dashed border-stone-300 bg-white p-6 text-stone-700">
            {filtered ? (
              <>
                No members match your search. Try fewer or shorter words, or{" "}
                <Link href="/members">clear the search and filters</Link>.
              </>
            ) : (
              "No members yet."
            )}
          </p>
        )}
        <PaginationNav
          nextCursor={page.nextCursor}
          isFirstPage={!params.cursor}
          hrefFor={(cursor) => directoryHref(params, cursor)}
          label="Member pages"
        />
      </section>
    </div>
  );
}
