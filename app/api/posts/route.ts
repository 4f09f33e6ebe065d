// Autocomplete for choosing knowledge posts: GET /api/posts?q=flag → { posts: [{ id, title, summary }] }.
import { NextResponse, type NextRequest } from "next/server";
import { z } from "zod";
import { can, currentUser } from "@/lib/auth/session";
import { suggestPosts } from "@/lib/posts/suggest";
import { urlText } from "@/lib/forms/text";

const querySchema = z.object({ q: urlText(100) });

export async function GET(request: NextRequest) {
  const user = await currentUser();
  if (!user) return NextResponse.json({ error: "Sign in to find posts." }, { status: 401 });
  if (!can(user, "read:content:any"))
    return NextResponse.json({ error: "Not allowed." }, { status: 403 });
  const query = querySchema.safeParse({ q: request.nextUrl.searchParams.get("q") ?? "" });
  if (!query.success)
    return NextResponse.json(
      { error: "Type at most 100 characters, without control characters." },
      { status: 400 },
    );
  const posts = await suggestPosts(query.data.q);
  return NextResponse.json({ posts }, { headers: { "Cache-Control": "private, no-store" } });
}
