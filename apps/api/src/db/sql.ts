// Raw reads on the pool under Prisma (docs/architecture.md "Data access"). A hot read builds its one
// statement with Prisma.sql, like every other raw query here, and sends it through pg directly: no
// query compiler and no row mapping between the database and the service. Writes and transactions
// stay on Prisma.
import { createHash } from 'node:crypto';
import type pg from 'pg';
import type { Prisma } from '../generated/prisma/client';

/** The pg pool the Prisma client runs on (`poolOf` in database.ts). */
export type SqlPool = pg.Pool;

// Statements are prepared, named by their text: each connection parses and plans a hot read once
// instead of per request (planning cost more than running them: docs/performance.md "Hot reads").
// Texts never carry values, so the names are a fixed, small set.
const names = new Map<string, string>();
function statementName(text: string): string {
  let name = names.get(text);
  if (name === undefined) {
    name = `zeren_${createHash('sha256').update(text).digest('hex').slice(0, 24)}`;
    names.set(text, name);
  }
  return name;
}

/**
 * The rows of one statement, as pg parses them: json/jsonb → values, int2/int4/float8 → number,
 * bool → boolean, text[] → string[], timestamptz → Date; int8 and numeric stay strings and enum
 * arrays unparsed, so cast those (or build the answer as JSON, which the hot reads do).
 */
export async function queryRows<T>(pool: SqlPool, query: Prisma.Sql): Promise<T[]> {
  const { rows } = await pool.query({
    name: statementName(query.text),
    text: query.text,
    values: query.values as unknown[],
  });
  return rows as T[];
}

/** The one row of a statement that always returns exactly one (a SELECT of subqueries). */
export async function queryOne<T>(pool: SqlPool, query: Prisma.Sql): Promise<T> {
  const [row] = await queryRows<T>(pool, query);
  if (row === undefined) throw new Error('expected one row, the statement returned none');
  return row;
}
