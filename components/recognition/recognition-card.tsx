import Link from "next/link";
import { When } from "@/components/discussions/when";
import { Markdown } from "@/components/markdown";
import { ReportButton } from "@/components/moderation/report-button";
import { Avatar, type AvatarSize } from "@/components/ui/avatar";
import type { PersonLink, RecognitionCard, ThankedLink } from "@/lib/recognition/queries";
import { ApplauseButton } from "./applause-button";
import {
  DeleteRecognitionButton,
  EditRecognitionForm,
  FeatureButton,
  type ValueChoice,
} from "./manage-recognition";
import { RecognitionMarks, ValueBadge } from "./value-badge";

const LINK_KINDS: Record<ThankedLink["kind"], string> = {
  discussion: "Discussion",
  reply: "Answer in",
  post: "Knowledge post",
  session: "Session",
  mentorship: "Mentorship",
};

/** A member's name, linked to their profile; with their face `face` px wide when given. */
export function Person({ person, face }: { person: PersonLink; face?: AvatarSize }) {
  const content = (
    <>
      {face ? (
        <Avatar name={person.name} avatarId={person.avatarId} size={face} className="mr-1" />
      ) : null}
      {person.name}
    </>
  );
  return person.active ? (
    <Link href={`/members/${person.id}`}>{content}</Link>
  ) : (
    <span>{content}</span>
  );
}

/** "Ann, Bob and Cal", each linked to their profile. */
function People({ people, more }: { people: PersonLink[]; more: boolean }) {
  return (
    <>
      {people.map((person, index) => (
        <span key={person.id}>
          {index === 0 ? "" : index === people.length - 1 && !more ? " and " : ", "}
          <Person person={person} face={20} />
        </span>
      ))}
      {more ? " and others" : null}
    </>
  );
}

function Recipients({ card }: { card: RecognitionCard }) {
  if (card.team) {
    return (
      <>
        the{" "}
        <Link href={`/recognition?team=${encodeURIComponent(card.team.slug)}`}>
          {card.team.name}
        </Link>{" "}
        team
      </>
    );
  }
  return <People people={card.recipients} more={card.moreRecipients} />;
}

export function ThankedFor({ link }: { link: ThankedLink }) {
  return (
    <p className="text-sm text-stone-700">
      For: {LINK_KINDS[link.kind]}{" "}
      {link.href ? (
        <Link href={link.href} className="break-words">
          {link.title}
        </Link>
      ) : (
        <span className="break-words">{link.title}</span>
      )}
    </p>
  );
}

/**
 * One public recognition: value, who thanked whom, the message, what it thanks, and what the
 * viewer may do with it. `values` are needed only when the viewer may edit it.
 */
export function RecognitionCardView({
  card,
  timeZone,
  values = [],
  headingLevel = 3,
}: {
  card: RecognitionCard;
  timeZone: string;
  values?: ValueChoice[];
  headingLevel?: 2 | 3;
}) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const titleId = `recognition-${card.id}-title`;
  const { viewer } = card;
  return (
    <article
      aria-labelledby={titleId}
      className={`space-y-3 rounded-lg border bg-white p-4 ${card.featured ? "border-amber-300" : "border-stone-200"}`}
    >
      <div className="flex flex-wrap items-center gap-2">
        <ValueBadge value={card.value} />
        <RecognitionMarks fromLeader={card.kind === "LEADER"} featured={card.featured} />
        {card.hidden ? (
          <span className="rounded-md border border-red-300 bg-red-50 px-2 py-0.5 text-xs font-semibold text-red-900">
            Hidden
          </span>
        ) : null}
      </div>
      <div className="flex items-start gap-3">
        <Avatar name={card.giver.name} avatarId={card.giver.avatarId} size={40} />
        <Heading id={titleId} className="min-w-0 pt-2 text-base font-semibold break-words">
          <Person person={card.giver} /> thanked <Recipients card={card} />
        </Heading>
      </div>
      <Markdown source={card.message} />
      {card.link ? <ThankedFor link={card.link} /> : null}
      <p className="text-sm text-stone-600">
        <Link href={`/recognition/${card.id}`} className="text-stone-600">
          <When date={card.createdAt} timeZone={timeZone} />
          <span className="sr-only"> (open this recognition)</span>
        </Link>
        {card.editedAt ? " · Edited" : null}
      </p>
      <div className="flex flex-wrap items-start gap-3 border-t border-stone-100 pt-3">
        <ApplauseButton
          recognitionId={card.id}
          applauded={viewer.applauded}
          count={card.applauseCount}
          canApplaud={viewer.canApplaud}
        />
        {viewer.canFeature ? (
          <FeatureButton recognitionId={card.id} featured={card.featured} />
        ) : null}
        {viewer.canDelete ? <DeleteRecognitionButton recognitionId={card.id} /> : null}
        {viewer.canReport ? <ReportButton targetType="RECOGNITION" targetId={card.id} /> : null}
      </div>
      {viewer.canEdit && values.length ? (
        <EditRecognitionForm
          recognitionId={card.id}
          message={card.message}
          valueId={card.value.id}
          values={values}
        />
      ) : null}
    </article>
  );
}

/** A list of recognitions, or what to say when there are none. */
export function RecognitionList({
  cards,
  timeZone,
  values,
  label,
  empty,
}: {
  cards: RecognitionCard[];
  timeZone: string;
  values?: ValueChoice[];
  label: string;
  empty: React.ReactNode;
}) {
  if (!cards.length) return <p className="text-stone-700">{empty}</p>;
  return (
    <ul className="space-y-4" aria-label={label}>
      {cards.map((card) => (
        <li key={card.id}>
          <RecognitionCardView card={card} timeZone={timeZone} values={values} />
        </li>
      ))}
    </ul>
  );
}
