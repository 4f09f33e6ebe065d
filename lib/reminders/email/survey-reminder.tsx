// "A pulse survey is open" / "… closes soon". Says nothing about who has answered.
import { MailLayout, MailText } from "@/lib/core/mail/layout";

export interface SurveyReminderEmailProps {
  organisation: string;
  title: string;
  closing: boolean;
  /** "9 Dec 2026, 17:00 (Europe/Berlin)". */
  closesAt: string;
  url: string;
  unsubscribeUrl?: string;
  preferencesUrl?: string;
}

export function SurveyReminderEmail(props: SurveyReminderEmailProps) {
  return (
    <MailLayout
      organisation={props.organisation}
      heading={
        props.closing ? `Closing soon: ${props.title}` : `A pulse survey is open: ${props.title}`
      }
      preview={`Answers are anonymous. It closes ${props.closesAt}.`}
      action={{ label: "Answer the survey", url: props.url }}
      reason="You get this because pulse surveys are open to every member."
      unsubscribeUrl={props.unsubscribeUrl}
      preferencesUrl={props.preferencesUrl}
    >
      <MailText>
        It takes a few minutes, and answers are anonymous. It closes {props.closesAt}.
      </MailText>
    </MailLayout>
  );
}
