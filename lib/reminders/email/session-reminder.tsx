// "Your session starts tomorrow / in an hour", with the session's .ics attached by the sender.
import { MailLayout, MailText } from "@/lib/core/mail/layout";

export interface SessionReminderEmailProps {
  organisation: string;
  title: string;
  /** "Tomorrow" or "In an hour". */
  when: string;
  /** "8 Dec 2026, 14:00 (Europe/Berlin)". */
  startsAt: string;
  place: string | null;
  hosting: boolean;
  url: string;
  unsubscribeUrl?: string;
  preferencesUrl?: string;
}

export function SessionReminderEmail(props: SessionReminderEmailProps) {
  return (
    <MailLayout
      organisation={props.organisation}
      heading={`${props.when}: ${props.title}`}
      preview={`${props.title} starts ${props.startsAt}.`}
      action={{ label: "Open the session", url: props.url }}
      reason={
        props.hosting
          ? "You get this reminder because you host this session."
          : "You get this reminder because you have a seat at this session."
      }
      unsubscribeUrl={props.unsubscribeUrl}
      preferencesUrl={props.preferencesUrl}
    >
      <MailText>Starts: {props.startsAt}</MailText>
      {props.place ? <MailText>Where: {props.place}</MailText> : null}
      <MailText>The calendar file for this session is attached.</MailText>
    </MailLayout>
  );
}
