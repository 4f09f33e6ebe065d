import { MailLayout, MailText } from "@/lib/core/mail/layout";

export function passwordChangedSubject(organisation: string): string {
  return `Your ${organisation} password was changed`;
}

export function PasswordChangedMail(props: {
  organisation: string;
  name: string;
  /** When it changed, in the recipient's time zone. */
  changedAt: string;
  forgotUrl: string;
}) {
  return (
    <MailLayout
      organisation={props.organisation}
      heading="Your password was changed"
      preview={`Changed ${props.changedAt}.`}
      action={{ label: "It wasn't me: reset my password", url: props.forgotUrl }}
      reason="We send this whenever the password of your account changes."
    >
      <MailText>Hello {props.name},</MailText>
      <MailText>
        The password of your account was changed on {props.changedAt}, and every other session was
        signed out. If that was you, there is nothing to do.
      </MailText>
      <MailText>If it was not you, reset your password now and tell an admin.</MailText>
    </MailLayout>
  );
}
