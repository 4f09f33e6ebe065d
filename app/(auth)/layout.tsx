export default function AuthLayout({ children }: { children: React.ReactNode }) {
  return (
    <main
      id="main"
      tabIndex={-1}
      className="mx-auto flex min-h-screen w-full max-w-md flex-col justify-center px-4 py-10 focus:outline-none"
    >
      <p className="mb-6 text-center text-lg font-semibold text-brand-800">Learning Commons</p>
      <div className="rounded-lg border border-stone-200 bg-white p-6 shadow-sm">{children}</div>
    </main>
  );
}
