import Link from "next/link";

// The app signs visitors in by redirecting (lib/core/auth/session), so this shows only if
// something calls unauthorized(). It exists because without it Next.js sends its own
// styled 401 page inside every page's RSC payload (about 1.2 kB per layout).
export default function Unauthorized() {
  return (
    <main id="main" className="mx-auto max-w-lg px-4 py-16 text-center">
      <h1 className="text-2xl font-semibold">Sign in to see this page</h1>
      <p className="mt-6">
        <Link href="/signin">Sign in</Link>
      </p>
    </main>
  );
}
