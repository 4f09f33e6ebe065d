// "Your action item is due tomorrow" / "… is overdue", to its owner.
import { MailLayout, MailText } from "@/lib/core/mail/layout";

export interface ActionItemReminderEmailProps {
  organisation: string;
  item: string;
  session: string;
  overdue: boolean;
  /** "9 December 2026". */
  dueOn: string;
  url: string;
  unsubscribeUrl?: string;
  preferencesUrl?: string;
}

export function ActionItemReminderEmail(props: ActionItemReminderEmailProps) {
  const heading = props.overdue ? "An action item is overdue" : "An action item is due tomorrow";
  return (
    <MailLayout
      organisation={props.organisation}
      heading={heading}
      preview={`${props.item}, due ${props.dueOn}.`}
      action={{ label: "Open the session", url: props.url }}
      reason="You get this reminder because you own this action item."
      unsubscribeUrl={props.unsubscribeUrl}
      preferencesUrl={props.preferencesUrl}
    >
      <MailText>{props.item}</MailText>
      <MailText>
        From the session “{props.session}”, due {props.dueOn}.
        {props.overdue ? " Tick it off once it is done." : ""}
      </MailText>
    </MailLayout>
  );
}
