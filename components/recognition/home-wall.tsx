import Link from "next/link";
import type { RecognitionCard } from "@/lib/recognition/queries";
import { RecognitionCardView } from "./recognition-card";

/** The home page's recognition wall: the latest featured recognitions. */
export function HomeWall({ cards, timeZone }: { cards: RecognitionCard[]; timeZone: string }) {
  return (
    <section aria-labelledby="home-wall-heading" className="space-y-3">
      <div className="flex flex-wrap items-baseline justify-between gap-3">
        <h2 id="home-wall-heading" className="text-lg font-semibold">
          Recognition wall
        </h2>
        <Link href="/recognition" className="text-sm">
          See all recognition
        </Link>
      </div>
      {cards.length ? (
        <ul className="grid gap-4 lg:grid-cols-3" aria-label="Featured recognition">
          {cards.map((card) => (
            <li key={card.id}>
              <RecognitionCardView card={card} timeZone={timeZone} />
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-stone-700">
          Nothing featured yet. <Link href="/recognition/new">Thank a colleague</Link> for something
          they shared.
        </p>
      )}
    </section>
  );
}
