// A session that no longer holds (member deactivated, password changed elsewhere) lands
// here: clear the cookie and send the person to sign in with an explanation.
import { redirect } from "next/navigation";
import { signOut } from "@/lib/core/auth/auth";
import { currentUser } from "@/lib/core/auth/session";

export async function GET() {
  if (await currentUser()) redirect("/");
  await signOut({ redirectTo: "/signin?reason=ended" });
}
