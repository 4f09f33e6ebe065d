// The fixed palette a company value's colour comes from. Pure (no database), so client
// components can import it; the class names are spelled out so Tailwind generates them.

export interface ValueColour {
  label: string;
  /** A value's badge: background, text and border. */
  badge: string;
  /** A small filled circle, e.g. in the admin's colour choice. */
  swatch: string;
}

export const VALUE_COLOURS = {
  brand: {
    label: "Green",
    badge: "bg-brand-50 text-brand-800 border-brand-100",
    swatch: "bg-brand-600",
  },
  sky: { label: "Blue", badge: "bg-sky-50 text-sky-900 border-sky-200", swatch: "bg-sky-600" },
  violet: {
    label: "Violet",
    badge: "bg-violet-50 text-violet-900 border-violet-200",
    swatch: "bg-violet-600",
  },
  rose: { label: "Rose", badge: "bg-rose-50 text-rose-900 border-rose-200", swatch: "bg-rose-600" },
  amber: {
    label: "Amber",
    badge: "bg-amber-50 text-amber-900 border-amber-200",
    swatch: "bg-amber-500",
  },
  teal: { label: "Teal", badge: "bg-teal-50 text-teal-900 border-teal-200", swatch: "bg-teal-600" },
  stone: {
    label: "Grey",
    badge: "bg-stone-100 text-stone-800 border-stone-300",
    swatch: "bg-stone-500",
  },
} as const satisfies Record<string, ValueColour>;

export type ValueColourName = keyof typeof VALUE_COLOURS;

export const VALUE_COLOUR_NAMES = Object.keys(VALUE_COLOURS) as [
  ValueColourName,
  ...ValueColourName[],
];

/** The colour's classes; an unknown stored name (palette changed since) falls back to brand. */
export function valueColour(name: string): ValueColour {
  return VALUE_COLOURS[name as ValueColourName] ?? VALUE_COLOURS.brand;
}
