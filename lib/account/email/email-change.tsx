import { MailLayout, MailText } from "@/lib/core/mail/layout";

export function emailChangeSubject(organisation: string): string {
  return `Confirm your new email address for ${organisation}`;
}

/** To the new address: the link that makes the change. */
export function EmailChangeMail(props: {
  organisation: string;
  name: string;
  url: string;
  expires: string;
}) {
  return (
    <MailLayout
      organisation={props.organisation}
      heading="Confirm your new email address"
      preview={`Confirm it before ${props.expires}.`}
      action={{ label: "Use this address", url: props.url }}
      reason="A member asked to move their account to this address. If it was not you, ignore this email: nothing changes."
    >
      <MailText>Hello {props.name},</MailText>
      <MailText>
        Open the link to use this address for your account from now on. It works until{" "}
        {props.expires}. Until then, your account keeps its current address.
      </MailText>
    </MailLayout>
  );
}

export function emailChangeNoticeSubject(organisation: string, stage: "requested" | "changed") {
  return stage === "requested"
    ? `Your ${organisation} email address is being changed`
    : `Your ${organisation} email address was changed`;
}

/** To the old address: that a change was asked for, or made. */
export function EmailChangeNoticeMail(props: {
  organisation: string;
  name: string;
  stage: "requested" | "changed";
  newAddress: string;
  accountUrl: string;
}) {
  const requested = props.stage === "requested";
  return (
    <MailLayout
      organisation={props.organisation}
      heading={requested ? "Your email address is being changed" : "Your email address was changed"}
      preview={`New address: ${props.newAddress}`}
      action={{ label: "Review my account", url: props.accountUrl }}
      reason="We tell the old address whenever an account's email address changes."
    >
      <MailText>Hello {props.name},</MailText>
      <MailText>
        {requested
          ? `Someone signed in to your account asked to change its email address to ${props.newAddress}. It changes only when the link sent there is opened.`
          : `Your account now uses ${props.newAddress}. This address no longer signs in.`}
      </MailText>
      <MailText>If this was not you, change your password and tell an admin at once.</MailText>
    </MailLayout>
  );
}

export function addressInUseSubject(organisation: string): string {
  return `This address already has a ${organisation} account`;
}

const ASKED = {
  "sign-up": "asked to create an account with this address",
  "email-change": "signed in to another account asked to move it to this address",
};

/**
 * To an address that already has an account, when a sign-up or an address change named it:
 * the request was answered as if the address were free, so only its owner learns it is taken.
 */
export function AddressInUseMail(props: {
  organisation: string;
  asked: keyof typeof ASKED;
  signInUrl: string;
  forgotUrl: string;
}) {
  return (
    <MailLayout
      organisation={props.organisation}
      heading="This address already has an account"
      preview="Nothing was changed."
      action={{ label: "Sign in", url: props.signInUrl }}
      reason="We tell an address's owner when someone names it for another account, instead of saying so to them."
    >
      <MailText>Hello,</MailText>
      <MailText>
        Someone {ASKED[props.asked]} on {props.organisation}. This address already belongs to an
        account, so nothing was changed and no link was sent.
      </MailText>
      <MailText>
        If it was you, sign in with this address; if you have forgotten its password, choose a new
        one at {props.forgotUrl}. If it was not you, there is nothing to do.
      </MailText>
    </MailLayout>
  );
}
