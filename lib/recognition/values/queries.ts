// Company values as the forms and the wall show them. Admins manage them in admin.ts.
import "server-only";
import { db } from "@/lib/core/db/client";

export { VALUE_COLOURS, valueColour, type ValueColourName } from "./colours";

export interface CompanyValueOption {
  id: string;
  name: string;
  slug: string;
  description: string;
  emoji: string;
  colour: string;
}

const OPTION = {
  id: true,
  name: true,
  slug: true,
  description: true,
  emoji: true,
  colour: true,
} as const;

/** The values a recognition may be given for, in the admins' order. */
export function listActiveValues(): Promise<CompanyValueOption[]> {
  return db.companyValue.findMany({
    where: { archivedAt: null },
    orderBy: [{ position: "asc" }, { createdAt: "asc" }],
    select: OPTION,
  });
}

/** Every value, archived ones last, for the admin page. */
export function listAllValues() {
  return db.companyValue.findMany({
    orderBy: [{ archivedAt: { sort: "asc", nulls: "first" } }, { position: "asc" }],
    select: { ...OPTION, position: true, archivedAt: true },
  });
}
