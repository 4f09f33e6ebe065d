// To admins: mentoring pairings that have missed their check-ins, in one list.
import { MailLayout, MailList, MailText } from "@/lib/core/mail/layout";

export interface PairingsOverdueEmailProps {
  organisation: string;
  pairings: { names: string; url: string; dueOn: string }[];
  url: string;
  unsubscribeUrl?: string;
  preferencesUrl?: string;
}

export function PairingsOverdueEmail(props: PairingsOverdueEmailProps) {
  const count = props.pairings.length;
  const heading =
    count === 1 ? "A mentoring pairing is overdue" : `${count} mentoring pairings are overdue`;
  return (
    <MailLayout
      organisation={props.organisation}
      heading={heading}
      preview="These pairings have not checked in past their grace period."
      action={{ label: "Open the mentoring programme", url: props.url }}
      reason="You get this because you are an administrator of the mentoring programme."
      unsubscribeUrl={props.unsubscribeUrl}
      preferencesUrl={props.preferencesUrl}
    >
      <MailText>These pairings have not checked in past their grace period:</MailText>
      <MailList
        items={props.pairings.map((pairing) => ({
          text: pairing.names,
          url: pairing.url,
          detail: `check-in was due ${pairing.dueOn}`,
        }))}
      />
    </MailLayout>
  );
}
