// "Your post has reached its review date", to its author.
import { MailLayout, MailText } from "@/lib/core/mail/layout";

export interface PostReviewReminderEmailProps {
  organisation: string;
  title: string;
  /** "9 December 2026". */
  reviewBy: string;
  url: string;
  unsubscribeUrl?: string;
  preferencesUrl?: string;
}

export function PostReviewReminderEmail(props: PostReviewReminderEmailProps) {
  return (
    <MailLayout
      organisation={props.organisation}
      heading="Time to review your post"
      preview={`“${props.title}” reached its review date, ${props.reviewBy}.`}
      action={{ label: "Review the post", url: props.url }}
      reason="You get this reminder because you wrote this post."
      unsubscribeUrl={props.unsubscribeUrl}
      preferencesUrl={props.preferencesUrl}
    >
      <MailText>
        “{props.title}” reached its review date, {props.reviewBy}. Readers now see that it may be
        out of date: check it, then mark it reviewed or edit it.
      </MailText>
    </MailLayout>
  );
}
