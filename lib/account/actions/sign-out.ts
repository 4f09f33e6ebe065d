"use server";
import { signOut } from "@/lib/core/auth/auth";

export async function signOutAction() {
  await signOut({ redirectTo: "/signin?signedOut=1" });
}
