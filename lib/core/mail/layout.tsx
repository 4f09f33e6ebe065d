// The one layout every email is built on: the organisation's name, a heading, the body, one
// button for the main link, and a footer saying why the mail came (with the unsubscribe link
// on notification and digest mail). Templates pass already formatted strings only.
import {
  Body,
  Button,
  Container,
  Head,
  Heading,
  Hr,
  Html,
  Link,
  Preview,
  Section,
  Text,
} from "@react-email/components";
import type { ReactNode } from "react";

export interface MailLayoutProps {
  organisation: string;
  heading: string;
  /** The line mail clients show after the subject. */
  preview: string;
  action: { label: string; url: string };
  /** Why this mail came ("You get this because you are watching …"). */
  reason: string;
  unsubscribeUrl?: string;
  preferencesUrl?: string;
  children: ReactNode;
}

const page = { backgroundColor: "#f6f7f9", fontFamily: "Helvetica, Arial, sans-serif" };
const card = {
  backgroundColor: "#ffffff",
  margin: "24px auto",
  padding: "24px",
  maxWidth: "560px",
  borderRadius: "8px",
};
const button = {
  backgroundColor: "#1d4ed8",
  color: "#ffffff",
  padding: "10px 18px",
  borderRadius: "6px",
  fontWeight: 600,
  textDecoration: "none",
};
const small = { color: "#555b66", fontSize: "12px", lineHeight: "18px" };

export function MailLayout(props: MailLayoutProps) {
  return (
    <Html lang="en">
      <Head />
      <Preview>{props.preview}</Preview>
      <Body style={page}>
        <Container style={card}>
          <Text style={{ ...small, fontWeight: 600, margin: 0 }}>{props.organisation}</Text>
          <Heading as="h1" style={{ fontSize: "20px", margin: "12px 0" }}>
            {props.heading}
          </Heading>
          <Section>{props.children}</Section>
          <Section style={{ margin: "24px 0" }}>
            <Button href={props.action.url} style={button}>
              {props.action.label}
            </Button>
          </Section>
          <Hr />
          <Text style={small}>{props.reason}</Text>
          {props.unsubscribeUrl ? (
            <Text style={small}>
              <Link href={props.unsubscribeUrl}>Unsubscribe from these emails</Link>
              {props.preferencesUrl ? (
                <>
                  {" · "}
                  <Link href={props.preferencesUrl}>Email preferences</Link>
                </>
              ) : null}
            </Text>
          ) : null}
        </Container>
      </Body>
    </Html>
  );
}

/** A paragraph of body text. */
export function MailText({ children }: { children: ReactNode }) {
  return <Text style={{ fontSize: "15px", lineHeight: "22px", margin: "8px 0" }}>{children}</Text>;
}

/** A list of linked items (digest sections, batched notifications). */
export function MailList({
  title,
  items,
}: {
  title?: string;
  items: { text: string; url: string; detail?: string }[];
}) {
  return (
    <Section style={{ margin: "12px 0" }}>
      {title ? (
        <Heading as="h2" style={{ fontSize: "16px", margin: "16px 0 4px" }}>
          {title}
        </Heading>
      ) : null}
      {items.map((item, index) => (
        <Text key={index} style={{ fontSize: "14px", lineHeight: "20px", margin: "4px 0" }}>
          <Link href={item.url}>{item.text}</Link>
          {item.detail ? <span style={{ color: "#555b66" }}>{` — ${item.detail}`}</span> : null}
        </Text>
      ))}
    </Section>
  );
}
