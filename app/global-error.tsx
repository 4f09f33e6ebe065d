"use client";

export default function GlobalError({
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  return (
    <html lang="en">
      <body>
        <main
          style={{
            maxWidth: 480,
            margin: "4rem auto",
            fontFamily: "system-ui",
            textAlign: "center",
          }}
        >
          <h1>Something went wrong</h1>
          <p>The problem has been logged.</p>
          <button type="button" onClick={reset}>
            Try again
          </button>
        </main>
      </body>
    </html>
  );
}
