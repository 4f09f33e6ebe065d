// A small email on the real layout, for tests of the mail core.
import { MailLayout, MailText } from "@/lib/core/mail/layout";

export function sampleMailBody({
  unsubscribeUrl,
  organisation,
}: {
  unsubscribeUrl?: string;
  organisation: string;
}) {
  return (
    <MailLayout
      organisation={organisation}
      heading="Someone replied"
      preview="Someone replied to your question."
      action={{ label: "Open the reply", url: "http://localhost:3000/discussions/d1" }}
      reason="You get this because you asked the question."
      unsubscribeUrl={unsubscribeUrl}
    >
      <MailText>{"<script>alert(1)</script> & Co"}</MailText>
    </MailLayout>
  );
}
