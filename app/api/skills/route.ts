// Autocomplete for the shared skill vocabulary: GET /api/skills?q=pos → { skills: [{ name, slug }] }.
import { NextResponse, type NextRequest } from "next/server";
import { z } from "zod";
import { can, currentUser } from "@/lib/auth/session";
import { suggestSkills } from "@/lib/skills/queries";
import { urlText } from "@/lib/forms/text";

const querySchema = z.object({ q: urlText(100) });

export async function GET(request: NextRequest) {
  const user = await currentUser();
  if (!user) return NextResponse.json({ error: "Sign in to search skills." }, { status: 401 });
  if (!can(user, "read:member:any"))
    return NextResponse.json({ error: "Not allowed." }, { status: 403 });
  const query = querySchema.safeParse({ q: request.nextUrl.searchParams.get("q") ?? "" });
  if (!query.success)
    return NextResponse.json(
      { error: "Type at most 100 characters, without control characters." },
      { status: 400 },
    );
  const skills = await suggestSkills(query.data.q);
  return NextResponse.json({ skills }, { headers: { "Cache-Control": "private, no-store" } });
}
