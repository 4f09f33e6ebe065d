import Link from "next/link";
import { buttonClasses } from "@/components/ui/button";
import type { ProfileRecognition, RecognitionCard } from "@/lib/recognition/queries";
import { Person } from "./recognition-card";
import { ValueBadge } from "./value-badge";
import { formatNumber } from "@/lib/core/format";

/** One line per recognition: value, who, and a link to it (the wall shows it in full). */
function CompactList({
  cards,
  direction,
  label,
  empty,
}: {
  cards: RecognitionCard[];
  direction: "from" | "to";
  label: string;
  empty: string;
}) {
  if (!cards.length) return <p className="text-sm text-stone-600">{empty}</p>;
  return (
    <ul className="space-y-2" aria-label={label}>
      {cards.map((card) => (
        <li key={card.id} className="flex flex-wrap items-center gap-2 text-sm">
          <ValueBadge value={card.value} />
          <span>
            {direction === "from" ? (
              <>
                from <Person person={card.giver} face={20} />
              </>
            ) : card.team ? (
              <>to the {card.team.name} team</>
            ) : (
              <>
                to{" "}
                {card.recipients.map((person, index) => (
                  <span key={person.id}>
                    {index ? ", " : ""}
                    <Person person={person} face={20} />
                  </span>
                ))}
                {card.moreRecipients ? " and others" : null}
              </>
            )}
          </span>
          <Link href={`/recognition/${card.id}`}>
            Read<span className="sr-only"> this recognition</span>
          </Link>
        </li>
      ))}
    </ul>
  );
}

/** A profile's public recognition: counts by value, latest received and given. */
export function ProfileRecognitionSection({
  member,
  recognition,
  canThank,
}: {
  member: { id: string; name: string };
  recognition: ProfileRecognition;
  canThank: boolean;
}) {
  const wall = (as?: "received" | "given") =>
    `/recognition?${new URLSearchParams({ member: member.id, ...(as ? { as } : {}) })}`;
  return (
    <section
      aria-labelledby="recognition-heading"
      className="space-y-4 rounded-lg border border-stone-200 bg-white p-5"
    >
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 id="recognition-heading" className="text-lg font-semibold">
          Recognition
        </h2>
        <div className="flex flex-wrap items-center gap-3">
          <Link href={wall()}>
            See all on the wall<span className="sr-only"> for {member.name}</span>
          </Link>
          {canThank ? (
            <Link
              href={`/recognition/new?to=${encodeURIComponent(member.id)}`}
              className={buttonClasses("secondary")}
            >
              Thank {member.name}
            </Link>
          ) : null}
        </div>
      </div>
      {recognition.receivedByValue.length ? (
        <ul className="flex flex-wrap gap-2" aria-label="Recognition received, by value">
          {recognition.receivedByValue.map((value) => (
            <li key={value.id}>
              <Link
                href={`/recognition?${new URLSearchParams({ member: member.id, as: "received", value: value.slug })}`}
                className="no-underline hover:no-underline"
              >
                <ValueBadge value={value} count={value.count} />
              </Link>
            </li>
          ))}
        </ul>
      ) : null}
      <div className="grid gap-6 md:grid-cols-2">
        <div className="space-y-2">
          <h3 className="font-semibold">Received ({formatNumber(recognition.receivedCount)})</h3>
          <CompactList
            cards={recognition.received}
            direction="from"
            label="Latest recognition received"
            empty="None yet."
          />
          {recognition.receivedCount > recognition.received.length ? (
            <Link href={wall("received")} className="text-sm">
              All {formatNumber(recognition.receivedCount)} received
            </Link>
          ) : null}
        </div>
        <div className="space-y-2">
          <h3 className="font-semibold">Given ({formatNumber(recognition.givenCount)})</h3>
          <CompactList
            cards={recognition.given}
            direction="to"
            label="Latest recognition given"
            empty="None yet."
          />
          {recognition.givenCount > recognition.given.length ? (
            <Link href={wall("given")} className="text-sm">
              All {formatNumber(recognition.givenCount)} given
            </Link>
          ) : null}
        </div>
      </div>
    </section>
  );
}
