// Autocomplete for @mentions: GET /api/mentions?q=mi → { members: [{ id, name, title }] }.
import { NextResponse, type NextRequest } from "next/server";
import { z } from "zod";
import { can, currentUser } from "@/lib/auth/session";
import { suggestMentions } from "@/lib/mentions/suggest";
import { urlText } from "@/lib/forms/text";

const querySchema = z.object({ q: urlText(100) });

export async function GET(request: NextRequest) {
  const user = await currentUser();
  if (!user) return NextResponse.json({ error: "Sign in to mention members." }, { status: 401 });
  if (!can(user, "read:member:any"))
    return NextResponse.json({ error: "Not allowed." }, { status: 403 });
  const query = querySchema.safeParse({ q: request.nextUrl.searchParams.get("q") ?? "" });
  if (!query.success)
    return NextResponse.json(
      { error: "Type at most 100 characters, without control characters." },
      { status: 400 },
    );
  const members = await suggestMentions(query.data.q);
  return NextResponse.json({ members }, { headers: { "Cache-Control": "private, no-store" } });
}
