// The "immediately" notification mail: one notification, or several that arrived within
// the batching window, each a line with its link; one main button.
import { MailLayout, MailList, MailText } from "@/lib/core/mail/layout";

export interface NotificationMailItem {
  text: string;
  url: string;
  /** When it happened, already in the recipient's time zone. */
  when: string;
}

export interface NotificationMailProps {
  organisation: string;
  heading: string;
  items: NotificationMailItem[];
  action: { label: string; url: string };
  reason: string;
  unsubscribeUrl?: string;
  preferencesUrl: string;
}

export function NotificationMail(props: NotificationMailProps) {
  const [first] = props.items;
  const single = props.items.length === 1 && first;
  return (
    <MailLayout
      organisation={props.organisation}
      heading={props.heading}
      preview={single ? `${first.text}.` : `${props.heading}.`}
      action={props.action}
      reason={props.reason}
      unsubscribeUrl={props.unsubscribeUrl}
      preferencesUrl={props.preferencesUrl}
    >
      {single ? (
        <MailText>{`${first.text} (${first.when}).`}</MailText>
      ) : (
        <MailList
          items={props.items.map((item) => ({ text: item.text, url: item.url, detail: item.when }))}
        />
      )}
    </MailLayout>
  );
}

/** Props for previews and the template's test. */
export const notificationMailFixture: NotificationMailProps = {
  organisation: "Acme Learning Commons",
  heading: "Mia Member mentioned you in “Tips & tricks”",
  items: [
    {
      text: "Mia Member mentioned you in “Tips & tricks”",
      url: "https://learning.example.com/discussions/d1",
      when: "7 Dec 2026, 14:05 (Europe/Paris)",
    },
  ],
  action: { label: "Open it", url: "https://learning.example.com/discussions/d1" },
  reason: "You get this because you chose to hear about mentions by email right away.",
  preferencesUrl: "https://learning.example.com/account/notifications",
};
