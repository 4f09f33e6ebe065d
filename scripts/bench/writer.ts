// Bulk inserts for the bench seed: rows are collected column by column and written with one
// `INSERT … SELECT * FROM unnest($1::type[], …)` per few thousand rows (one parameter per
// column, so no limit on parameters and one round trip per batch).
import type { ClientBase } from "pg";

/** Column name → PostgreSQL type of the column ("text", "int", "timestamp(3)", "\"Role\""…). */
export type ColumnTypes = Record<string, string>;

const BATCH_ROWS = 4_000;

export class TableWriter<Columns extends ColumnTypes> {
  private columns: Record<keyof Columns, unknown[]>;
  private pending = 0;
  /** Rows written so far. */
  written = 0;

  constructor(
    private readonly table: string,
    private readonly types: Columns,
    /** Appended to each INSERT, e.g. `ON CONFLICT ("slug") DO NOTHING`. */
    private readonly onConflict = "",
  ) {
    this.columns = this.emptyColumns();
  }

  private emptyColumns() {
    const entries = Object.keys(this.types).map((name) => [name, [] as unknown[]]);
    return Object.fromEntries(entries) as Record<keyof Columns, unknown[]>;
  }

  get size() {
    return this.pending;
  }

  /** Queues a row; columns left out are NULL. Nothing is written until flush(). */
  add(row: Partial<Record<keyof Columns, unknown>>) {
    for (const name of Object.keys(this.types) as (keyof Columns)[]) {
      this.columns[name].push(row[name] ?? null);
    }
    this.pending += 1;
  }

  /** The queued rows as objects (for tests; nothing is written). */
  queued(): Record<keyof Columns, unknown>[] {
    const names = Object.keys(this.types) as (keyof Columns)[];
    return Array.from(
      { length: this.pending },
      (_, i) =>
        Object.fromEntries(names.map((name) => [name, this.columns[name][i]])) as Record<
          keyof Columns,
          unknown
        >,
    );
  }

  /** Writes the queued rows, a batch at a time. */
  async flush(client: ClientBase) {
    const names = Object.keys(this.types) as (keyof Columns & string)[];
    const list = names.map((name) => `"${name}"`).join(", ");
    const arrays = names.map((name, i) => `$${i + 1}::${this.types[name]}[]`).join(", ");
    const sql = `INSERT INTO "${this.table}" (${list}) SELECT * FROM unnest(${arrays}) ${this.onConflict}`;
    const columns = this.columns;
    const rows = this.pending;
    this.columns = this.emptyColumns();
    this.pending = 0;
    for (let start = 0; start < rows; start += BATCH_ROWS) {
      const values = names.map((name) => columns[name].slice(start, start + BATCH_ROWS));
      await client.query(sql, values);
    }
    this.written += rows;
  }
}

/** A timestamp(3) column's value: UTC, as Prisma stores it (the "Z" is ignored by the cast). */
export const timestamp = (ms: number | null | undefined) =>
  ms == null ? null : new Date(ms).toISOString();

/** A date column's value (YYYY-MM-DD, UTC). */
export const date = (ms: number) => new Date(ms).toISOString().slice(0, 10);
