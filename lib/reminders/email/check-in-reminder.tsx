// "A check-in with <partner> is due", to both people of an active pairing.
import { MailLayout, MailText } from "@/lib/core/mail/layout";

export interface CheckInReminderEmailProps {
  organisation: string;
  partner: string;
  /** "9 December 2026". */
  dueOn: string;
  cadenceDays: number;
  url: string;
  unsubscribeUrl?: string;
  preferencesUrl?: string;
}

export function CheckInReminderEmail(props: CheckInReminderEmailProps) {
  return (
    <MailLayout
      organisation={props.organisation}
      heading={`Time for a check-in with ${props.partner}`}
      preview={`Your next mentoring check-in was due ${props.dueOn}.`}
      action={{ label: "Record a check-in", url: props.url }}
      reason="You get this reminder because you are in this mentoring pairing."
      unsubscribeUrl={props.unsubscribeUrl}
      preferencesUrl={props.preferencesUrl}
    >
      <MailText>
        You agreed to check in every {props.cadenceDays} days; the next check-in was due{" "}
        {props.dueOn}.
      </MailText>
    </MailLayout>
  );
}
