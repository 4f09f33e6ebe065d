// Autocomplete for the shared skill vocabulary: GET /api/skills?q=pos → { skills: [{ name, slug }] }.
import { NextResponse, type NextRequest } from "next/server";
import { can, currentUser } from "@/lib/auth/session";
import { suggestSkills } from "@/lib/skills/queries";

export async function GET(request: NextRequest) {
  const user = await currentUser();
  if (!user) return NextResponse.json({ error: "Sign in to search skills." }, { status: 401 });
  if (!can(user, "read:member:any"))
    return NextResponse.json({ error: "Not allowed." }, { status: 403 });
  const typed = (request.nextUrl.searchParams.get("q") ?? "").slice(0, 100);
  const skills = await suggestSkills(typed);
  return NextResponse.json({ skills }, { headers: { "Cache-Control": "private, no-store" } });
}
