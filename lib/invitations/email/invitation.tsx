import { MailLayout, MailText } from "@/lib/core/mail/layout";

export function invitationSubject(organisation: string, inviter: string | null): string {
  return inviter
    ? `${inviter} invited you to join ${organisation}`
    : `You're invited to join ${organisation}`;
}

export function InvitationMail(props: {
  organisation: string;
  inviter: string | null;
  role: string;
  url: string;
  /** When the link stops working, with its time zone written out. */
  expires: string;
}) {
  const article = /^[AEIOU]/.test(props.role) ? "an" : "a";
  return (
    <MailLayout
      organisation={props.organisation}
      heading={`Join ${props.organisation}`}
      preview={`The invitation works until ${props.expires}.`}
      action={{ label: "Accept the invitation", url: props.url }}
      reason="An admin invited this address. If you don't want to join, ignore this email."
    >
      <MailText>
        {props.inviter ?? "An admin"} invited you to join {props.organisation} as {article}{" "}
        {props.role}. Open the link to choose your name and password.
      </MailText>
      <MailText>The link works once, until {props.expires}.</MailText>
    </MailLayout>
  );
}
