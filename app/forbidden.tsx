import Link from "next/link";

export default function Forbidden() {
  return (
    <main id="main" className="mx-auto max-w-lg px-4 py-16 text-center">
      <h1 className="text-2xl font-semibold">You don&apos;t have access to this page</h1>
      <p className="mt-2 text-stone-700">If you think you should, ask an admin.</p>
      <p className="mt-6">
        <Link href="/">Go to the home page</Link>
      </p>
    </main>
  );
}
