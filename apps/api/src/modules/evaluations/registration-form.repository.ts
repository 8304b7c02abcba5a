// The few reads the 考核登记表 needs beyond the result sheet: the organisation's name, the people's
// details and current posts, and the targets those posts own in the cycle's year.
import type { Db } from '../../db/database';

export function createRegistrationFormRepository(db: Db) {
  return {
    organisationName: async (organisationId: string) =>
      (await db.organisation.findUnique({ where: { id: organisationId }, select: { name: true } }))?.name ??
      '',

    /** People with their current (not ended, not archived) tier 2–4 posts, primary first. */
    people: (organisationId: string, ids: string[]) =>
      db.person.findMany({
        where: { organisationId, id: { in: ids } },
        select: {
          id: true,
          name: true,
          employeeNo: true,
          gender: true,
          isPartyMember: true,
          holdings: {
            where: { organisationId, endedOn: null, post: { archivedAt: null, tier: { gte: 2 } } },
            orderBy: [{ isPrimary: 'desc' }, { post: { tier: 'asc' } }, { post: { code: 'asc' } }],
            select: { post: { select: { id: true, title: true } } },
          },
        },
      }),

    /** ACTIVE targets of the year owned by these posts: what completion is computed from. */
    targetsOfPosts: (organisationId: string, year: number, postIds: string[]) =>
      db.target.findMany({
        where: { organisationId, year, status: 'ACTIVE', ownerPostId: { in: postIds } },
        orderBy: [{ category: 'asc' }, { weight: 'desc' }, { title: 'asc' }],
        select: {
          id: true,
          ownerPostId: true,
          title: true,
          category: true,
          weight: true,
          measureKind: true,
          measureUnit: true,
          goal: true,
          progress: true,
          dueDate: true,
          ownerPost: { select: { title: true } },
        },
      }),
  };
}

export type RegistrationFormRepository = ReturnType<typeof createRegistrationFormRepository>;
