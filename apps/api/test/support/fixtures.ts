// Small organisations built per test, so tests never depend on the demo bureau or on each other.
import { randomUUID } from 'node:crypto';
import type { Db } from '../../src/db/database';
import { hashPassword } from '../../src/lib/passwords';

export const FIXTURE_PASSWORD = 'correct horse battery';
let passwordHash: Promise<string> | undefined;

export interface OrgFixture {
  organisationId: string;
  /** Usernames, unique per fixture: `director`, `deputy`, `chief`, `staff` with the suffix. */
  usernames: Record<'director' | 'deputy' | 'chief' | 'staff' | 'admin', string>;
  postIds: Record<'director' | 'deputy' | 'chief' | 'staff', string>;
  personIds: Record<'director' | 'deputy' | 'chief' | 'staff' | 'admin', string>;
}

/** A four-tier organisation: director → deputy → section chief → staff, plus an admin. */
export async function createOrgFixture(db: Db, name = '测试局'): Promise<OrgFixture> {
  passwordHash ??= hashPassword(FIXTURE_PASSWORD);
  const suffix = randomUUID().slice(0, 8);
  const org = await db.organisation.create({ data: { code: `t-${suffix}`, name: `${name}-${suffix}` } });
  const organisationId = org.id;
  await db.organisationSettings.create({ data: { organisationId } });
  const leadership = await db.orgUnit.create({
    data: { organisationId, name: '局领导班子', kind: 'LEADERSHIP' },
  });
  const section = await db.orgUnit.create({ data: { organisationId, name: '医政科', kind: 'SECTION' } });

  const people = {} as OrgFixture['personIds'];
  const names = {
    director: '赵局长',
    deputy: '钱副局长',
    chief: '孙科长',
    staff: '李科员',
    admin: '周管理员',
  };
  for (const [key, personName] of Object.entries(names) as [keyof typeof names, string][]) {
    const person = await db.person.create({
      data: { organisationId, employeeNo: `${key}-${suffix}`, name: personName },
    });
    people[key] = person.id;
  }

  const director = await db.post.create({
    data: {
      organisationId,
      unitId: leadership.id,
      code: 'LD-1',
      title: '局长',
      tier: 1,
      lines: ['ADMINISTRATIVE', 'PARTY'],
    },
  });
  const deputy = await db.post.create({
    data: {
      organisationId,
      unitId: leadership.id,
      code: 'LD-2',
      title: '副局长',
      tier: 2,
      lines: ['ADMINISTRATIVE'],
      adminSuperiorId: director.id,
    },
  });
  const chief = await db.post.create({
    data: {
      organisationId,
      unitId: section.id,
      code: 'YZ-1',
      title: '医政科科长',
      tier: 3,
      lines: ['ADMINISTRATIVE'],
      adminSuperiorId: deputy.id,
    },
  });
  const staff = await db.post.create({
    data: {
      organisationId,
      unitId: section.id,
      code: 'YZ-2',
      title: '医政科科员',
      tier: 4,
      lines: ['ADMINISTRATIVE'],
      adminSuperiorId: chief.id,
    },
  });
  const postIds = { director: director.id, deputy: deputy.id, chief: chief.id, staff: staff.id };
  for (const key of ['director', 'deputy', 'chief', 'staff'] as const) {
    await db.holding.create({
      data: { organisationId, personId: people[key], postId: postIds[key], isPrimary: true },
    });
  }

  const usernames = {} as OrgFixture['usernames'];
  const hash = await passwordHash;
  for (const key of Object.keys(names) as (keyof typeof names)[]) {
    usernames[key] = `${key}-${suffix}`;
    await db.userAccount.create({
      data: {
        organisationId,
        personId: people[key],
        username: usernames[key],
        passwordHash: hash,
        roles: key === 'admin' ? ['ADMIN'] : [],
      },
    });
  }
  return { organisationId, usernames, postIds, personIds: people };
}
