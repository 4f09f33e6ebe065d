import type { Metadata } from "next";
import { connection } from "next/server";
import { db } from "@/lib/core/db/client";
import { findAccountToken } from "@/lib/account/tokens";
import { confirmEmailChangeAction } from "@/lib/account/actions/recovery";
import { ConfirmLinkForm } from "@/components/auth/confirm-link-form";
import { LinkProblem } from "@/components/auth/link-problem";

export const metadata: Metadata = {
  title: "Confirm your new email address",
  referrer: "no-referrer",
};

export default async function ConfirmEmailChangePage({
  params,
}: {
  params: Promise<{ token: string }>;
}) {
  await connection();
  const { token } = await params;
  const found = await findAccountToken(db, token, "EMAIL_CHANGE");
  if (found.state !== "valid") {
    return (
      <LinkProblem
        state={found.state}
        retry={{ href: "/account", label: "Ask for a new link on your account page" }}
      />
    );
  }
  return (
    <>
      <h1 className="mb-2 text-xl font-semibold">Confirm your new email address</h1>
      <p className="mb-4 text-sm text-stone-700">
        Your account will use {found.email} from now on, to sign in and for email.
      </p>
      <ConfirmLinkForm
        action={confirmEmailChangeAction}
        token={token}
        label="Use this address"
        doneHref="/account"
        doneLabel="Go to your account"
      />
    </>
  );
}
