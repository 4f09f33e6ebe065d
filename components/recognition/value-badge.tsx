import { valueColour } from "@/lib/recognition/values/colours";
import { formatNumber } from "@/lib/core/format";

/** A company value as a coloured chip: its emoji (decorative) and name, and a count if given. */
export function ValueBadge({
  value,
  count,
}: {
  value: { name: string; emoji: string; colour: string };
  count?: number;
}) {
  return (
    <span
      className={`inline-flex items-center gap-1 rounded-full border px-2.5 py-0.5 text-sm font-medium ${valueColour(value.colour).badge}`}
    >
      {value.emoji ? <span aria-hidden="true">{value.emoji}</span> : null}
      {value.name}
      {count !== undefined ? (
        <span className="ml-1 rounded-full bg-white/70 px-1.5 text-xs tabular-nums">
          <span className="sr-only">: </span>
          {formatNumber(count)}
        </span>
      ) : null}
    </span>
  );
}

/** "From a leader" and "Featured" marks on a recognition. */
export function RecognitionMarks({
  fromLeader,
  featured,
}: {
  fromLeader: boolean;
  featured: boolean;
}) {
  if (!fromLeader && !featured) return null;
  return (
    <>
      {fromLeader ? (
        <span className="rounded-md border border-violet-200 bg-violet-50 px-2 py-0.5 text-xs font-semibold text-violet-900">
          From a leader
        </span>
      ) : null}
      {featured ? (
        <span className="rounded-md border border-amber-300 bg-amber-50 px-2 py-0.5 text-xs font-semibold text-amber-900">
          Featured
        </span>
      ) : null}
    </>
  );
}
