// The roll-up summaries the dashboards read (docs/performance.md "Indexes, query shapes and roll-up
// design") are kept by triggers on every write, bulk inserts included. A writer that bypasses the
// triggers (session_replication_role = replica) rebuilds them for the year it wrote, in its own
// transaction, with this.
import type { Db } from '../../db/database';
import type { Tx } from '../../db/transaction';

/** Rebuilds one organisation's year of the roll-up summaries from its targets. */
export async function recomputeTargetSummaries(client: Db | Tx, organisationId: string, year: number) {
  await client.$executeRaw`SELECT zeren_recompute_target_summaries(${organisationId}::uuid, ${year})`;
}
