import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requirePermission } from "@/lib/core/auth/session";
import { formatDateTime } from "@/lib/core/date-format";
import { mailboxAvailable } from "@/lib/admin/mailbox/available";
import { capturedMessage } from "@/lib/admin/mailbox/queries";
import { capturedMailParamsSchema } from "@/lib/admin/mailbox/schemas";
import { buttonClasses } from "@/components/ui/button";

export const metadata: Metadata = { title: "Captured message · Mailbox · Admin" };

function Header({ name, children }: { name: string; children: React.ReactNode }) {
  return (
    <div className="grid gap-1 sm:grid-cols-[8rem_1fr]">
      <dt className="font-medium text-stone-800">{name}</dt>
      <dd className="min-w-0 break-words">{children}</dd>
    </div>
  );
}

export default async function CapturedMessagePage({ params }: { params: Promise<{ id: string }> }) {
  if (!mailboxAvailable()) notFound();
  const user = await requirePermission("read:admin:any");
  const parsed = capturedMailParamsSchema.safeParse(await params);
  if (!parsed.success) notFound();
  const mail = await capturedMessage(user, parsed.data.id);
  if (!mail) notFound();
  const id = encodeURIComponent(mail.id);

  return (
    <div className="max-w-3xl space-y-6">
      <p>
        <Link href="/admin/mailbox">← Mailbox</Link>
      </p>
      <h1 className="text-2xl font-semibold break-words">{mail.subject || "(no subject)"}</h1>
      <dl className="space-y-2 rounded-lg border border-stone-200 bg-white p-4 text-sm">
        <Header name="From">{mail.from}</Header>
        <Header name="To">{mail.to}</Header>
        <Header name="Subject">{mail.subject}</Header>
        <Header name="Date">
          {mail.date ? (
            <time dateTime={mail.date.toISOString()}>
              {formatDateTime(mail.date, user.timeZone)}
            </time>
          ) : (
            "—"
          )}
        </Header>
        {mail.listHeaders.length > 0 ? (
          <Header name="List headers">
            <ul className="space-y-1 font-mono text-xs">
              {mail.listHeaders.map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          </Header>
        ) : null}
        {mail.attachments.length > 0 ? (
          <Header name="Attachments">
            <ul>
              {mail.attachments.map((file, index) => (
                <li key={`${file.filename}-${index}`}>
                  {file.filename} ({file.contentType}, {file.size} bytes)
                </li>
              ))}
            </ul>
          </Header>
        ) : null}
      </dl>
      <p>
        <a
          href={`/admin/mailbox/${id}/message.eml`}
          download
          className={buttonClasses("secondary")}
        >
          Download .eml
        </a>
      </p>
      <section aria-labelledby="html-part-heading" className="space-y-2">
        <h2 id="html-part-heading" className="text-lg font-semibold">
          As HTML
        </h2>
        {mail.html ? (
          // A sandbox with no permissions: no scripts, an opaque origin (no cookies, no app
          // access), no forms or pop-ups. The page's CSP applies inside too (no remote images).
          <iframe
            title={`HTML part of “${mail.subject}”`}
            sandbox=""
            srcDoc={mail.html}
            referrerPolicy="no-referrer"
            className="h-[36rem] w-full rounded-lg border border-stone-200 bg-white"
          />
        ) : (
          <p className="text-stone-700">This message has no HTML part.</p>
        )}
      </section>
      <section aria-labelledby="text-part-heading" className="space-y-2">
        <h2 id="text-part-heading" className="text-lg font-semibold">
          As plain text
        </h2>
        <pre className="overflow-x-auto rounded-lg border border-stone-200 bg-white p-4 text-sm whitespace-pre-wrap break-words">
          {mail.text || "This message has no text part."}
        </pre>
      </section>
    </div>
  );
}
