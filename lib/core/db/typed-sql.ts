// Raw SQL whose row types come from schema.prisma (docs/decisions/015-typed-sql.md).
// `sqlb` is a Kysely instance that only builds and compiles queries, never connects: its table
// and column types are generated from the schema by prisma-kysely (lib/generated/kysely), so a
// renamed or dropped column fails the typecheck. `rows` runs the compiled statement through the
// caller's Prisma client or transaction, so transactions and the one connection pool stay
// Prisma's and each query is still exactly one statement.
import {
  DummyDriver,
  Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type Compilable,
  type Expression,
  type InferResult,
  type Selectable,
} from "kysely";
import type { DB } from "@/lib/generated/kysely/types";
import type { TransactionClient } from "./create-client";

export type { DB };
import { sql } from "kysely";
export { sql };

/** A table's row as a plain SELECT returns it through Prisma (timestamps as Date, Int as number). */
export type TableRow<T extends keyof DB> = Selectable<DB[T]>;

/** The query builder: build with it, run with `rows`. It has no connection of its own. */
export const sqlb = new Kysely<DB>({
  dialect: {
    createAdapter: () => new PostgresAdapter(),
    createDriver: () => new DummyDriver(),
    createIntrospector: (db) => new PostgresIntrospector(db),
    createQueryCompiler: () => new PostgresQueryCompiler(),
  },
});

/** Anything that can run a raw statement: the client or an interactive transaction. */
export type RawClient = Pick<TransactionClient, "$queryRawUnsafe">;

/** The rows of a query built with `sqlb`, typed as the query's inferred result. */
export type RowsOf<Q> = Q extends Compilable<infer R> ? R[] : never;

/**
 * Runs a query built with `sqlb` as one statement through `client`, typed by what the query
 * selects. Aggregates must be cast in SQL to what Prisma hands back (`count(*)::int` with
 * `sql<number>`); a bare COUNT comes back as bigint.
 */
export function rows<Q extends Compilable<unknown>>(
  client: RawClient,
  query: Q,
): Promise<InferResult<Q>> {
  const compiled = query.compile();
  return client.$queryRawUnsafe<InferResult<Q>>(compiled.sql, ...compiled.parameters);
}

/**
 * `((a) UNION ALL (b) ...)` as a FROM item named `alias`, each branch keeping its own ORDER BY
 * and LIMIT (Kysely's own unionAll would apply the last branch's to the whole union). Every
 * branch must select the first one's columns.
 */
export function unionAll<R, A extends string>(
  alias: A,
  first: Expression<R>,
  ...rest: Expression<NoInfer<R>>[]
) {
  return sql<R>`(${sql.join([first, ...rest], sql` UNION ALL `)})`.as(alias);
}
