import { MailLayout, MailText } from "@/lib/core/mail/layout";

export function passwordResetSubject(organisation: string): string {
  return `Choose a new password for ${organisation}`;
}

export function PasswordResetMail(props: {
  organisation: string;
  name: string;
  url: string;
  /** When the link stops working, written in the recipient's time zone. */
  expires: string;
  /** Sent because an admin asked, not the member. */
  byAdmin: boolean;
}) {
  return (
    <MailLayout
      organisation={props.organisation}
      heading="Choose a new password"
      preview={`The link works until ${props.expires}.`}
      action={{ label: "Choose a new password", url: props.url }}
      reason={
        props.byAdmin
          ? "An admin sent you this link. If you did not expect it, you can ignore this email: your password stays as it is."
          : "Someone asked for a password reset for this address. If it was not you, ignore this email: your password stays as it is."
      }
    >
      <MailText>Hello {props.name},</MailText>
      <MailText>
        Open the link to choose a new password. It works once, until {props.expires}. Choosing a new
        password signs you out everywhere else.
      </MailText>
    </MailLayout>
  );
}
