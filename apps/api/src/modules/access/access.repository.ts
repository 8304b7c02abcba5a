import type { Db } from '../../db/database';

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
