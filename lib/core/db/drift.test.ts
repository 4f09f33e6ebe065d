import { randomUUID } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createSchema,
  dropSchema,
  executeInSchema,
  readCatalog,
  type CatalogObject,
} from "./catalog";
import { checkDrift, compareCatalogs, formatDifferences, schemaForPrisma6 } from "./drift";

describe("schema drift", () => {
  it("prisma/schema.prisma and prisma/migrations describe the same database", async () => {
    const { compared, report } = await checkDrift({ connectionString: process.env.DATABASE_URL! });
    expect(compared.map((o) => `${o.kind} ${o.name}`)).toEqual(
      expect.arrayContaining([
        'table "User"',
        'column "User"."searchVector"',
        'index "User_searchVector_idx"',
        'enum "Role"',
      ]),
    );
    if (report) {
      expect.fail(
        `prisma/schema.prisma and prisma/migrations disagree. Write a migration for the change (see docs/decisions/002-offline-migrations.md).\n${report}`,
      );
    }
  }, 60_000);
});

describe("schemaForPrisma6", () => {
  it("adds the datasource url and a client engine type, replacing any already there", () => {
    const source = [
      "generator client {",
      '  provider   = "prisma-client"',
      '  engineType = "library"',
      "}",
      "datasource db {",
      '  provider = "postgresql"',
      '  url      = "postgresql://elsewhere"',
      "}",
    ].join("\n");
    expect(schemaForPrisma6(source).split("\n")).toEqual([
      "generator client {",
      '  engineType = "client"',
      '  provider   = "prisma-client"',
      "}",
      "datasource db {",
      '  url = env("DATABASE_URL")',
      '  provider = "postgresql"',
      "}",
    ]);
  });
});

// The comparator, proven on small hand-made schemas: each variant differs from the base in
// one way, and the comparison must name exactly that difference.
const BASE = `
  CREATE TYPE "Mood" AS ENUM ('HAPPY', 'SAD');
  CREATE TABLE "Team" ("id" TEXT NOT NULL, CONSTRAINT "Team_pkey" PRIMARY KEY ("id"));
  CREATE TABLE "Member" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "title" TEXT,
    "mood" "Mood" NOT NULL DEFAULT 'HAPPY',
    "teamId" TEXT,
    CONSTRAINT "Member_pkey" PRIMARY KEY ("id")
  );
  CREATE INDEX "Member_name_idx" ON "Member"("name");
  CREATE UNIQUE INDEX "Member_title_key" ON "Member"("title");
  ALTER TABLE "Member" ADD CONSTRAINT "Member_teamId_fkey"
    FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE SET NULL ON UPDATE CASCADE;
`;

const VARIANTS: { difference: string; change: string; expected: string[] }[] = [
  {
    difference: "an added column",
    change: `ALTER TABLE "Member" ADD COLUMN "nickname" TEXT`,
    expected: ['+ column "Member"."nickname" text NULL (in variant, missing from base)'],
  },
  {
    difference: "a column's nullability",
    change: `ALTER TABLE "Member" ALTER COLUMN "title" SET NOT NULL`,
    expected: ['~ column "Member"."title"\n    variant: text NOT NULL\n    base: text NULL'],
  },
  {
    difference: "a column's default",
    change: `ALTER TABLE "Member" ALTER COLUMN "mood" SET DEFAULT 'SAD'`,
    expected: [
      `~ column "Member"."mood"\n    variant: "Mood" NOT NULL DEFAULT 'SAD'::"Mood"\n    base: "Mood" NOT NULL DEFAULT 'HAPPY'::"Mood"`,
    ],
  },
  {
    difference: "a column's type",
    change: `ALTER TABLE "Member" ALTER COLUMN "name" TYPE VARCHAR(100)`,
    expected: [
      '~ column "Member"."name"\n    variant: character varying(100) NOT NULL\n    base: text NOT NULL',
    ],
  },
  {
    difference: "a dropped index",
    change: `DROP INDEX "Member_name_idx"`,
    expected: [
      '- index "Member_name_idx" ON "Member" USING btree (name) (in base, missing from variant)',
    ],
  },
  {
    difference: "an index's columns",
    change: `DROP INDEX "Member_name_idx"; CREATE INDEX "Member_name_idx" ON "Member"("name", "id")`,
    expected: [
      '~ index "Member_name_idx"\n    variant: ON "Member" USING btree (name, id)\n    base: ON "Member" USING btree (name)',
    ],
  },
  {
    difference: "an index's method",
    change: `DROP INDEX "Member_name_idx"; CREATE INDEX "Member_name_idx" ON "Member" USING HASH ("name")`,
    expected: [
      '~ index "Member_name_idx"\n    variant: ON "Member" USING hash (name)\n    base: ON "Member" USING btree (name)',
    ],
  },
  {
    difference: "an index's uniqueness",
    change: `DROP INDEX "Member_title_key"; CREATE INDEX "Member_title_key" ON "Member"("title")`,
    expected: [
      '~ index "Member_title_key"\n    variant: ON "Member" USING btree (title)\n    base: UNIQUE ON "Member" USING btree (title)',
    ],
  },
  {
    difference: "a foreign key's on-delete action",
    change: `ALTER TABLE "Member" DROP CONSTRAINT "Member_teamId_fkey";
             ALTER TABLE "Member" ADD CONSTRAINT "Member_teamId_fkey"
               FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE CASCADE ON UPDATE CASCADE`,
    expected: [
      '~ constraint "Member"."Member_teamId_fkey"\n    variant: FOREIGN KEY ("teamId") REFERENCES "Team"(id) ON UPDATE CASCADE ON DELETE CASCADE\n    base: FOREIGN KEY ("teamId") REFERENCES "Team"(id) ON UPDATE CASCADE ON DELETE SET NULL',
    ],
  },
  {
    difference: "a primary key's columns",
    change: `ALTER TABLE "Member" DROP CONSTRAINT "Member_pkey"; ALTER TABLE "Member" ADD CONSTRAINT "Member_pkey" PRIMARY KEY ("id", "name")`,
    expected: [
      '~ constraint "Member"."Member_pkey"\n    variant: PRIMARY KEY (id, name)\n    base: PRIMARY KEY (id)',
    ],
  },
  {
    difference: "an enum value",
    change: `ALTER TYPE "Mood" ADD VALUE 'CURIOUS'`,
    expected: [
      `~ enum "Mood"\n    variant: ('CURIOUS', 'HAPPY', 'SAD')\n    base: ('HAPPY', 'SAD')`,
    ],
  },
  {
    difference: "a table (its columns and keys count as one difference)",
    change: `CREATE TABLE "Badge" ("id" TEXT NOT NULL, CONSTRAINT "Badge_pkey" PRIMARY KEY ("id"))`,
    expected: ['+ table "Badge" (in variant, missing from base)'],
  },
];

describe("compareCatalogs", () => {
  const tag = randomUUID().slice(0, 8);
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  const schemas: string[] = [];
  let base: CatalogObject[];

  async function catalogOf(sql: string): Promise<CatalogObject[]> {
    const schema = `drift_test_${tag}_${schemas.length}`;
    schemas.push(schema);
    await createSchema(client, schema);
    await executeInSchema(client, schema, sql);
    return readCatalog(client, schema);
  }

  beforeAll(async () => {
    await client.connect();
    base = await catalogOf(BASE);
  });

  afterAll(async () => {
    for (const schema of schemas) await dropSchema(client, schema);
    await client.end();
  });

  it("finds nothing between two schemas built from the same SQL", async () => {
    expect(compareCatalogs(await catalogOf(BASE), base)).toEqual([]);
  });

  it.each(VARIANTS)("detects $difference", async ({ change, expected }) => {
    const variant = await catalogOf(`${BASE};\n${change};`);
    const differences = compareCatalogs(variant, base);
    expect(
      formatDifferences(differences, { expected: "variant", actual: "base" }).split(/\n(?=[-+~] )/),
    ).toEqual(expected);
  });

  it("ignores functions, triggers and Prisma's _prisma_migrations table", async () => {
    const variant = await catalogOf(`${BASE};
      CREATE TABLE "_prisma_migrations" ("id" VARCHAR(36) PRIMARY KEY);
      CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
      CREATE TRIGGER "Member_touch" BEFORE UPDATE ON "Member" FOR EACH ROW EXECUTE FUNCTION touch();`);
    expect(compareCatalogs(variant, base)).toEqual([]);
  });

  it("accepts a CHECK constraint only the migrations have (schema.prisma cannot declare one), not one it lost", async () => {
    const checked = await catalogOf(
      `${BASE}; ALTER TABLE "Member" ADD CONSTRAINT "Member_name_check" CHECK (length("name") > 0)`,
    );
    expect(compareCatalogs(base, checked)).toEqual([]);
    expect(formatDifferences(compareCatalogs(checked, base))).toBe(
      '+ constraint "Member"."Member_name_check" CHECK ((length(name) > 0)) (in schema.prisma, missing from migrations)',
    );
  });

  it("reports what only the actual side has as extra", async () => {
    const variant = await catalogOf(`${BASE}; ALTER TABLE "Member" ADD COLUMN "nickname" TEXT`);
    expect(formatDifferences(compareCatalogs(base, variant))).toBe(
      '- column "Member"."nickname" text NULL (in migrations, missing from schema.prisma)',
    );
  });
});
