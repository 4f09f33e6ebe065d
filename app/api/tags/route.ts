// Autocomplete for the shared tag vocabulary: GET /api/tags?q=test → { tags: [{ name, slug }] }.
import { NextResponse, type NextRequest } from "next/server";
import { can, currentUser } from "@/lib/auth/session";
import { tagSuggestionQuerySchema } from "@/lib/tags/schemas";
import { suggestTags } from "@/lib/tags/queries";

export async function GET(request: NextRequest) {
  const user = await currentUser();
  if (!user) return NextResponse.json({ error: "Sign in to search tags." }, { status: 401 });
  if (!can(user, "read:content:any"))
    return NextResponse.json({ error: "Not allowed." }, { status: 403 });
  const query = tagSuggestionQuerySchema.safeParse({
    q: request.nextUrl.searchParams.get("q") ?? "",
  });
  if (!query.success)
    return NextResponse.json(
      { error: "Type at most 100 characters, without control characters." },
      { status: 400 },
    );
  const tags = await suggestTags(query.data.q);
  return NextResponse.json({ tags }, { headers: { "Cache-Control": "private, no-store" } });
}
