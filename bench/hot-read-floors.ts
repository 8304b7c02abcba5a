// The raw-SQL floors of the hot reads (docs/performance.md "Hot reads"): target detail, subtree,
// chain level and a results page. Each sends one statement (the chain two, the second needing the
// posts the first found) through the pool under Prisma, prepared (apps/api/src/db/sql.ts). Their
// floor is those very statements, built by the same repository functions and sent through `pg`
// directly, prepared the same way, after the session lookup every floor makes: what is left between
// an endpoint and its floor is what Node adds (HTTP, the session's bookkeeping, the read rules,
// validation, JSON). They are the minimal SQL of these endpoints: each statement reads only the rows
// shown plus the facts the read rule needs (the post graph), by index, and the results page reads
// the cycle's figures from the summary kept on write instead of counting the cycle.
import type pg from 'pg';
import { readChainFigures, readChainNodes } from '../apps/api/src/modules/chain/chain.repository';
import { readResultsPage } from '../apps/api/src/modules/evaluations/evaluations.repository';
import { readTargetDetail, readTargetSubtree } from '../apps/api/src/modules/targets/targets.repository';
import type { Floor, FloorParams } from './floors';

/** The texts of the statements the given reads send (captured before anything is sent; texts carry no values). */
function textsOf(...reads: ((pool: pg.Pool) => Promise<unknown>)[]): string[] {
  const texts: string[] = [];
  const capture = {
    query: (config: { text: string }) => {
      texts.push(config.text);
      return new Promise(() => undefined); // never answers: only the text is wanted
    },
  } as unknown as pg.Pool;
  for (const read of reads) void read(capture).catch(() => undefined);
  return texts;
}

const ANY = '00000000-0000-0000-0000-000000000000';
const pick = <T>(list: readonly T[], i: number): T => list[i % list.length]!;

/** The chain level the bench reads: the deputy's post and its direct reports, for tier 1 (no scope). */
const chainQuery = (rootPostId: string) =>
  ({ line: 'ADMINISTRATIVE', depth: 1, scope: null, rootPostId, actorPostIds: [] }) as const;

/** The four floors; `session` is every floor's session lookup (`SESSION`, sent by `lookup`). */
export function hotReadFloors(
  session: string,
  lookup: (pool: pg.Pool, tokenHash: string) => Promise<unknown>,
): Record<'targetDetail' | 'targetTree' | 'chainLevel' | 'resultsPage', Floor> {
  return {
    targetDetail: {
      sql: [session, ...textsOf((pool) => readTargetDetail(pool, ANY, ANY))],
      async run(pool, p: FloorParams, i) {
        await lookup(pool, p.tokenHash.chief);
        await readTargetDetail(pool, p.organisationId, pick(p.detailTargetIds, i));
      },
    },
    targetTree: {
      sql: [session, ...textsOf((pool) => readTargetSubtree(pool, ANY, ANY, 4))],
      async run(pool, p, i) {
        await lookup(pool, p.tokenHash.deputy);
        await readTargetSubtree(pool, p.organisationId, pick(p.treeRootIds, i), 4);
      },
    },
    chainLevel: {
      sql: [
        session,
        ...textsOf(
          (pool) => readChainNodes(pool, ANY, chainQuery(ANY)),
          (pool) => readChainFigures(pool, ANY, 2026, [ANY]),
        ),
      ],
      async run(pool, p) {
        await lookup(pool, p.tokenHash.director);
        const nodes = (await readChainNodes(pool, p.organisationId, chainQuery(p.deputyPostId))) ?? [];
        await readChainFigures(
          pool,
          p.organisationId,
          p.year,
          nodes.map((n) => n.id),
        );
      },
    },
    resultsPage: {
      sql: [session, ...textsOf((pool) => readResultsPage(pool, ANY, ANY, {}, { skip: 0, take: 50 }))],
      async run(pool, p, i) {
        await lookup(pool, p.tokenHash.director);
        const page = i % p.resultPages;
        await readResultsPage(
          pool,
          p.organisationId,
          p.publishedCycleId,
          {},
          { skip: page * p.pageSize, take: p.pageSize },
        );
      },
    },
  };
}
