import { MailLayout, MailText } from "@/lib/core/mail/layout";

export function verifyEmailSubject(organisation: string): string {
  return `Confirm your email address for ${organisation}`;
}

export function VerifyEmailMail(props: {
  organisation: string;
  name: string;
  url: string;
  expires: string;
}) {
  return (
    <MailLayout
      organisation={props.organisation}
      heading="Confirm your email address"
      preview={`Confirm it before ${props.expires} to sign in.`}
      action={{ label: "Confirm my address", url: props.url }}
      reason="Someone created an account with this address. If it was not you, ignore this email: the account cannot be used without this link."
    >
      <MailText>Hello {props.name},</MailText>
      <MailText>
        Open the link to confirm that this address is yours; then you can sign in. It works until{" "}
        {props.expires}.
      </MailText>
    </MailLayout>
  );
}
