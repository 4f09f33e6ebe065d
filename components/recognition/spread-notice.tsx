/** Why the chosen period was not used, announced when it appears. */
export function SpreadNotice({ message }: { message: string | null }) {
  return (
    <div role="status" aria-live="polite">
      {message ? (
        <p className="rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-900">
          {message}
        </p>
      ) : null}
    </div>
  );
}
