import type { Db } from '../../db/database';
import { Prisma } from '../../generated/prisma/client';
import type { PostGraph } from './access.service';

/**
 * The facts `canReadPostIn` (access.service.ts) decides on, as CTEs to put in a read's own
 * `WITH RECURSIVE`: the posts `postIds` selects (one column; nulls and repeats are fine) and every
 * post above them in either line, each once, so a hot read fetches its read rule's facts with its
 * rows instead of loading the actor's read scope first. Posts are followed upwards only through
 * live ones, as `subtreePostIds` steps down only to live ones. Tiers strictly decrease up the
 * chain, so this is a few primary-key probes per level. `postGraphJson` returns the `post_graph`.
 */
export const postGraphCtes = (organisationId: string, postIds: Prisma.Sql) => Prisma.sql`
  -- OFFSET 0 keeps each step a primary-key probe: the planner cannot estimate a recursive CTE and
  -- would otherwise hash every post of the database to join a few dozen rows.
  post_graph(id) AS (
    SELECT x.id FROM (${postIds}) AS x(id) WHERE x.id IS NOT NULL
    UNION
    SELECT s.id FROM post_graph g
     CROSS JOIN LATERAL (SELECT p."adminSuperiorId", p."partySuperiorId" FROM "Post" p
                          WHERE p.id = g.id AND p."organisationId" = ${organisationId}::uuid
                            AND p."archivedAt" IS NULL OFFSET 0) p
     CROSS JOIN LATERAL unnest(ARRAY[p."adminSuperiorId", p."partySuperiorId"]) AS s(id)
     WHERE s.id IS NOT NULL
  )`;

/**
 * The `post_graph` as one JSON object by post id, each post as [admin superior, party superior,
 * is live, is an evaluee's post (tiers 2–4, live, held)] (what `toPostGraph` reads).
 */
export const postGraphJson = (organisationId: string) => Prisma.sql`(
  SELECT coalesce(json_object_agg(p.id, json_build_array(
           p."adminSuperiorId", p."partySuperiorId", p."archivedAt" IS NULL,
           p.tier >= 2 AND p."archivedAt" IS NULL
             AND EXISTS (SELECT 1 FROM "Holding" h
                          WHERE h."organisationId" = p."organisationId" AND h."postId" = p.id AND h."endedOn" IS NULL))),
         '{}'::json)
    FROM post_graph g
   CROSS JOIN LATERAL (SELECT * FROM "Post" q
                        WHERE q.id = g.id AND q."organisationId" = ${organisationId}::uuid OFFSET 0) p)`;

/** `postGraphJson`'s value as the map access.service decides on. */
export const toPostGraph = (
  json: Record<string, [string | null, string | null, boolean, boolean]>,
): PostGraph =>
  new Map(
    Object.entries(json).map(([id, [adminSuperiorId, partySuperiorId, isLive, isEvaluee]]) => [
      id,
      { adminSuperiorId, partySuperiorId, isLive, isEvaluee },
    ]),
  );

/** The JSON `postGraphJson` gives. */
export type PostGraphJson = Parameters<typeof toPostGraph>[0];

export function createAccessRepository(db: Db) {
  return {
    /** The given posts and every active post reporting to them, transitively, in either line. */
    async subtreePostIds(organisationId: string, rootPostIds: string[]): Promise<string[]> {
      if (rootPostIds.length === 0) return [];
      const rows = await db.$queryRaw<{ id: string }[]>`
        WITH RECURSIVE subtree(id) AS (
          SELECT p.id FROM "Post" p
           WHERE p."organisationId" = ${organisationId}::uuid AND p.id = ANY(${rootPostIds}::uuid[])
          UNION
          SELECT c.id FROM "Post" c JOIN subtree s ON c."adminSuperiorId" = s.id OR c."partySuperiorId" = s.id
           WHERE c."organisationId" = ${organisationId}::uuid AND c."archivedAt" IS NULL
        )
        SELECT id::text AS id FROM subtree`;
      return rows.map((r) => r.id);
    },

    /** Posts of tiers 2–4 held by someone: what assessors may read. */
    async evalueePostIds(organisationId: string): Promise<string[]> {
      const rows = await db.post.findMany({
        where: { organisationId, tier: { gte: 2 }, archivedAt: null, holdings: { some: { endedOn: null } } },
        select: { id: true },
      });
      return rows.map((r) => r.id);
    },
  };
}

export type AccessRepository = ReturnType<typeof createAccessRepository>;
