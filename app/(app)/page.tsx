import type { Metadata } from "next";
import { requireUser } from "@/lib/core/auth/session";
import { loadHome } from "@/lib/feed/home";
import { feedPageSchema } from "@/lib/feed/schemas";
import { listQueryOrNotFound, pageOrNotFound } from "@/lib/core/pagination/page-or-not-found";
import type { SearchParams } from "@/lib/core/pagination/search-params";
import { HomeView } from "@/components/feed/home-view";

export const metadata: Metadata = { title: "Home" };

export default async function HomePage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await requireUser();
  const { query, params } = await listQueryOrNotFound(searchParams, feedPageSchema);
  const home = await pageOrNotFound(
    loadHome(user, { cursor: params.cursor, actions: query.actions }),
  );
  return (
    <HomeView
      firstName={user.name.split(" ")[0]!}
      timeZone={user.timeZone}
      home={home}
      query={query}
      firstPage={!params.cursor}
    />
  );
}
