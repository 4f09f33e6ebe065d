// The digest mail: one list per section that has something, dates in the member's zone
// (already formatted by lib/digest/compose.ts), one main link back to the home page.
import { MailLayout, MailList, MailText } from "@/lib/core/mail/layout";
import type { DigestLine } from "../compose";

export interface DigestMailProps {
  organisation: string;
  heading: string;
  preview: string;
  periodLabel: string;
  homeUrl: string;
  preferencesUrl: string;
  unsubscribeUrl?: string;
  reason: string;
  sections: { title: string; lines: DigestLine[]; more?: number }[];
}

export function DigestMail(props: DigestMailProps) {
  return (
    <MailLayout
      organisation={props.organisation}
      heading={props.heading}
      preview={props.preview}
      action={{ label: `Open ${props.organisation}`, url: props.homeUrl }}
      reason={props.reason}
      unsubscribeUrl={props.unsubscribeUrl}
      preferencesUrl={props.preferencesUrl}
    >
      <MailText>{props.periodLabel}</MailText>
      {props.sections
        .filter((section) => section.lines.length > 0)
        .map((section) => (
          <MailList
            key={section.title}
            title={
              section.more ? `${section.title} (${section.more} more on the site)` : section.title
            }
            items={section.lines}
          />
        ))}
    </MailLayout>
  );
}
