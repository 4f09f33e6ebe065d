import Link from "next/link";

export const NOT_FOUND = {
  title: "Page not found",
  text: "The page you asked for doesn't exist, or you can't see it.",
} as const;

export const FORBIDDEN = {
  title: "You don't have access to this page",
  text: "If you think you should, ask an admin.",
} as const;

/**
 * The words of the 404 and 403 pages. At the root they stand alone and are the page's main
 * landmark; inside the app's layout they sit in its <main>, so they must not bring another.
 */
export function StatusMessage({
  title,
  text,
  landmark,
}: {
  title: string;
  text: string;
  landmark: "main" | "none";
}) {
  const Wrapper = landmark === "main" ? "main" : "div";
  return (
    <Wrapper
      {...(landmark === "main" ? { id: "main" } : {})}
      className="mx-auto max-w-lg px-4 py-16 text-center"
    >
      <h1 className="text-2xl font-semibold">{title}</h1>
      <p className="mt-2 text-stone-700">{text}</p>
      <p className="mt-6">
        <Link href="/">Go to the home page</Link>
      </p>
    </Wrapper>
  );
}
