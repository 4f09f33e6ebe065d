// The asked member's part of an ask, on a question's thread or a knowledge request's page:
// who thought they could help and why, then Answer / Not me / Suggest someone else while it is
// open, or what they did. A pass is said only to them.
import type { MyAsk } from "@/lib/asks/queries";
import { AskResponse } from "./ask-response";

const DONE: Record<MyAsk["status"], string> = {
  ASKED: "This no longer needs an answer.",
  ANSWERED: "You answered. Thank you.",
  PASSED: "You passed on this one (only you can see that).",
  REDIRECTED: "You suggested someone else. Thank you.",
};

export function MyAskSection({
  myAsk,
  open,
  what,
  answer,
}: {
  myAsk: MyAsk;
  open: boolean;
  what: "question" | "request";
  /** Where answering happens: the reply box, or writing the post. */
  answer?: { href: string; label: string };
}) {
  const doing = what === "question" ? "answer this question" : "write the post this asks for";
  return (
    <>
      <p className="text-sm text-stone-700">
        {myAsk.askedByName
          ? `${myAsk.askedByName} thought you could ${doing}.`
          : `Learning Commons thought you could ${doing}, because:`}
      </p>
      <ul className="list-disc space-y-1 pl-5 text-sm" aria-label="Why you were asked">
        {myAsk.reasons
          .filter((reason) => reason.points >= 0)
          .map((reason) => (
            <li key={reason.kind + reason.text}>{reason.text}</li>
          ))}
      </ul>
      {myAsk.status === "ASKED" && open ? (
        <AskResponse askId={myAsk.id} answer={answer} />
      ) : (
        <p className="text-sm text-stone-600">{DONE[myAsk.status]}</p>
      )}
    </>
  );
}
