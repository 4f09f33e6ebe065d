import Link from "next/link";
import { TOKEN_PROBLEMS, type AccountTokenLookup } from "@/lib/account/tokens";

/** The page for a mailed link that cannot be used: what happened and what to do instead. */
export function LinkProblem({
  state,
  retry,
}: {
  state: Exclude<AccountTokenLookup["state"], "valid">;
  retry: { href: string; label: string };
}) {
  const heading =
    state === "expired"
      ? "This link has expired"
      : state === "used"
        ? "This link was already used"
        : "This link can't be used";
  return (
    <>
      <h1 className="mb-3 text-xl font-semibold">{heading}</h1>
      <p className="text-stone-700">{TOKEN_PROBLEMS[state]}</p>
      <p className="mt-4">
        <Link href={retry.href}>{retry.label}</Link>
      </p>
      <p className="mt-2 text-sm">
        <Link href="/signin">Go to sign in</Link>
      </p>
    </>
  );
}
