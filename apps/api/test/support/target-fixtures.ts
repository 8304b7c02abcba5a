// A closed responsibility chain for target, progress, gap and chain tests: the four-tier org of
// fixtures.ts plus a second section, a colleague, a party branch and an assessor, with the three
// categories decomposed over the four tiers along the administrative line and an ideological
// target along the party line. findGaps reports nothing for it until a test opens a gap.
//
//   行政线  director ─┬─ deputy ─┬─ chief (医政科) ─┬─ staff
//                     │          │                  └─ staff2
//                     │          ├─ chiefB (疾控科) ── staffB
//                     │          └─ partyLeader (held by chief as a second post)
//                     └─ partySecretary
//   党群线  director ── partySecretary ── partyLeader ── staff
import { randomUUID } from 'node:crypto';
import { normaliseProgress, rollUp, type MeasureKind } from '@zeren/domain';
import type { Db } from '../../src/db/database';
import { hashPassword } from '../../src/lib/passwords';
import { createOrgFixture, FIXTURE_PASSWORD, type OrgFixture } from './fixtures';
import { Client } from './harness';

export const FIXTURE_YEAR = 2026;
let passwordHash: Promise<string> | undefined;
export const CATEGORIES = ['IDEOLOGICAL', 'BUSINESS', 'MANAGEMENT'] as const;
export type Category = (typeof CATEGORIES)[number];

export type PostKey =
  | 'director'
  | 'deputy'
  | 'chief'
  | 'staff'
  | 'staff2'
  | 'chiefB'
  | 'staffB'
  | 'partySecretary'
  | 'partyLeader';
export type UserKey =
  | 'director'
  | 'deputy'
  | 'chief'
  | 'staff'
  | 'staff2'
  | 'chiefB'
  | 'staffB'
  | 'partySecretary'
  | 'admin'
  | 'assessor';
/** `BUSINESS:chief` — a post's target in the administrative tree; `PARTY:staff` — in the party line. */
export type TargetKey =
  `${Category}:${PostKey}` | `PARTY:${'director' | 'partySecretary' | 'partyLeader' | 'staff'}`;

export interface TargetFixture {
  organisationId: string;
  year: number;
  usernames: Record<UserKey, string>;
  personIds: Record<UserKey, string>;
  postIds: Record<PostKey, string>;
  unitIds: Record<'leadership' | 'sectionA' | 'sectionB' | 'branch', string>;
  targets: Record<TargetKey, string>;
  /** Logs in as one of the fixture's users. */
  login(key: UserKey): Promise<Client>;
}

const ADMIN_TREE: Record<PostKey, PostKey[]> = {
  director: ['deputy', 'partySecretary'],
  deputy: ['chief', 'chiefB', 'partyLeader'],
  chief: ['staff', 'staff2'],
  chiefB: ['staffB'],
  staff: [],
  staff2: [],
  staffB: [],
  partySecretary: [],
  partyLeader: [],
};
const PARTY_CHAIN = ['director', 'partySecretary', 'partyLeader', 'staff'] as const;
const CATEGORY_TITLES: Record<Category, string> = {
  IDEOLOGICAL: '每周五政治学习出勤率',
  BUSINESS: '医疗质量检查完成率',
  MANAGEMENT: '会议制度执行率',
};

/** Weights that split 100 equally at 2 decimals (33.33 + 33.33 + 33.34). */
export function splitWeights(count: number): number[] {
  const base = Math.floor((100 / count) * 100) / 100;
  const weights = Array.from({ length: count }, () => base);
  weights[count - 1] = Math.round((100 - base * (count - 1)) * 100) / 100;
  return weights;
}

export async function createTargetFixture(
  db: Db,
  baseUrl: string,
  options: { name?: string; year?: number } = {},
): Promise<TargetFixture> {
  const year = options.year ?? FIXTURE_YEAR;
  const org: OrgFixture = await createOrgFixture(db, options.name);
  const { organisationId } = org;
  const suffix = org.usernames.director.split('-').pop() ?? randomUUID().slice(0, 8);
  const [directorPost, chiefPost] = await Promise.all([
    db.post.findUniqueOrThrow({ where: { id: org.postIds.director } }),
    db.post.findUniqueOrThrow({ where: { id: org.postIds.chief } }),
  ]);
  const sectionB = await db.orgUnit.create({ data: { organisationId, name: '疾控科', kind: 'SECTION' } });
  const branch = await db.orgUnit.create({
    data: { organisationId, name: '机关党支部', kind: 'PARTY_BRANCH' },
  });

  const extraPeople = {
    staff2: '周科员',
    chiefB: '吴科长',
    staffB: '郑科员',
    partySecretary: '王书记',
    assessor: '冯考核',
  } as const;
  const personIds = { ...org.personIds } as Record<UserKey, string>;
  for (const [key, name] of Object.entries(extraPeople) as [keyof typeof extraPeople, string][]) {
    const person = await db.person.create({
      data: { organisationId, employeeNo: `${key}-${suffix}`, name, isPartyMember: key === 'partySecretary' },
    });
    personIds[key] = person.id;
  }

  const post = (data: {
    unitId: string;
    code: string;
    title: string;
    tier: number;
    lines: ('ADMINISTRATIVE' | 'PARTY')[];
    adminSuperiorId: string;
    partySuperiorId?: string;
  }) => db.post.create({ data: { organisationId, ...data } });
  const staff2 = await post({
    unitId: chiefPost.unitId,
    code: 'YZ-3',
    title: '医政科科员（二）',
    tier: 4,
    lines: ['ADMINISTRATIVE'],
    adminSuperiorId: org.postIds.chief,
  });
  const chiefB = await post({
    unitId: sectionB.id,
    code: 'JK-1',
    title: '疾控科科长',
    tier: 3,
    lines: ['ADMINISTRATIVE'],
    adminSuperiorId: org.postIds.deputy,
  });
  const staffB = await post({
    unitId: sectionB.id,
    code: 'JK-2',
    title: '疾控科科员',
    tier: 4,
    lines: ['ADMINISTRATIVE'],
    adminSuperiorId: chiefB.id,
  });
  const partySecretary = await post({
    unitId: branch.id,
    code: 'DZB-1',
    title: '机关党支部书记',
    tier: 2,
    lines: ['ADMINISTRATIVE', 'PARTY'],
    adminSuperiorId: org.postIds.director,
    partySuperiorId: org.postIds.director,
  });
  const partyLeader = await post({
    unitId: branch.id,
    code: 'DZB-2',
    title: '第一党小组组长',
    tier: 3,
    lines: ['ADMINISTRATIVE', 'PARTY'],
    adminSuperiorId: org.postIds.deputy,
    partySuperiorId: partySecretary.id,
  });
  // The staff member is a party member in the first party group.
  await db.post.update({
    where: { id: org.postIds.staff },
    data: { lines: ['ADMINISTRATIVE', 'PARTY'], partySuperiorId: partyLeader.id },
  });

  const postIds: Record<PostKey, string> = {
    ...org.postIds,
    staff2: staff2.id,
    chiefB: chiefB.id,
    staffB: staffB.id,
    partySecretary: partySecretary.id,
    partyLeader: partyLeader.id,
  };
  await db.holding.createMany({
    data: [
      { organisationId, personId: personIds.staff2, postId: staff2.id, isPrimary: true },
      { organisationId, personId: personIds.chiefB, postId: chiefB.id, isPrimary: true },
      { organisationId, personId: personIds.staffB, postId: staffB.id, isPrimary: true },
      { organisationId, personId: personIds.partySecretary, postId: partySecretary.id, isPrimary: true },
      { organisationId, personId: personIds.chief, postId: partyLeader.id, isPrimary: false },
    ],
  });
  passwordHash ??= hashPassword(FIXTURE_PASSWORD);
  const hash = await passwordHash;
  const usernames = { ...org.usernames } as Record<UserKey, string>;
  for (const key of Object.keys(extraPeople) as (keyof typeof extraPeople)[]) {
    usernames[key] = `${key}-${suffix}`;
    await db.userAccount.create({
      data: {
        organisationId,
        personId: personIds[key],
        username: usernames[key],
        passwordHash: hash,
        roles: [],
      },
    });
  }
  await db.assessmentGroupMember.create({ data: { organisationId, personId: personIds.assessor } });

  // Targets: each category along the administrative tree, and one ideological chain in the party line.
  const targets = {} as Record<TargetKey, string>;
  const rows: {
    id: string;
    organisationId: string;
    parentId: string | null;
    ownerPostId: string;
    year: number;
    category: Category;
    line: 'ADMINISTRATIVE' | 'PARTY';
    title: string;
    weight: number;
    measureKind: MeasureKind;
    goal: number;
    dueDate: Date;
  }[] = [];
  const titles = {
    director: '局长',
    deputy: '副局长',
    chief: '医政科科长',
    staff: '医政科科员',
    staff2: '医政科科员二',
    chiefB: '疾控科科长',
    staffB: '疾控科科员',
    partySecretary: '党支部书记',
    partyLeader: '党小组组长',
  } satisfies Record<PostKey, string>;
  const add = (
    key: TargetKey,
    owner: PostKey,
    parentId: string | null,
    category: Category,
    line: 'ADMINISTRATIVE' | 'PARTY',
    weight: number,
  ) => {
    const id = randomUUID();
    targets[key] = id;
    rows.push({
      id,
      organisationId,
      parentId,
      ownerPostId: postIds[owner],
      year,
      category,
      line,
      title: `${CATEGORY_TITLES[category]}（${line === 'PARTY' ? '党群线·' : ''}${titles[owner]}）`,
      weight,
      measureKind: 'PERCENTAGE',
      goal: 100,
      dueDate: new Date(`${year}-12-31T00:00:00Z`),
    });
    return id;
  };
  for (const category of CATEGORIES) {
    const walk = (owner: PostKey, parentId: string | null, weight: number) => {
      const id = add(`${category}:${owner}`, owner, parentId, category, 'ADMINISTRATIVE', weight);
      const children = ADMIN_TREE[owner];
      const weights = splitWeights(children.length);
      children.forEach((child, i) => walk(child, id, weights[i]!));
    };
    walk('director', null, 100);
  }
  let parentId: string | null = null;
  for (const owner of PARTY_CHAIN)
    parentId = add(`PARTY:${owner}`, owner, parentId, 'IDEOLOGICAL', 'PARTY', 100);
  await db.target.createMany({ data: rows });

  return {
    organisationId,
    year,
    usernames,
    personIds,
    postIds,
    unitIds: {
      leadership: directorPost.unitId,
      sectionA: chiefPost.unitId,
      sectionB: sectionB.id,
      branch: branch.id,
    },
    targets,
    async login(key: UserKey) {
      const client = new Client(baseUrl);
      const res = await client.login(usernames[key], FIXTURE_PASSWORD);
      if (res.status !== 200) throw new Error(`login as ${key} failed: ${res.status}`);
      return client;
    },
  };
}

/**
 * The roll-up recomputed from scratch with the domain's rollUp over the organisation's active
 * targets: leaves from their latest value, parents from their children. Tests compare it with the
 * maintained `Target.progress`.
 */
export async function recomputeFromScratch(db: Db, organisationId: string): Promise<Map<string, number>> {
  const rows = await db.target.findMany({ where: { organisationId, status: 'ACTIVE' } });
  return rollUp(
    rows.map((t) => ({
      id: t.id,
      parentId: t.parentId,
      weight: t.weight.toNumber(),
      ownProgress: normaliseProgress({
        measureKind: t.measureKind,
        baseline: t.baseline.toNumber(),
        goal: t.goal.toNumber(),
        value: t.latestValue?.toNumber() ?? null,
      }),
    })),
  );
}

/** The maintained progress of every active target of the organisation. */
export async function storedProgress(db: Db, organisationId: string): Promise<Map<string, number>> {
  const rows = await db.target.findMany({
    where: { organisationId, status: 'ACTIVE' },
    select: { id: true, progress: true },
  });
  return new Map(rows.map((r) => [r.id, r.progress]));
}

/** A request helper for the verbs the harness client lacks. */
export const patch = (client: Client, path: string, body: unknown) => client.request('PATCH', path, body);
export const put = (client: Client, path: string, body: unknown) => client.request('PUT', path, body);
export const del = (client: Client, path: string) => client.request('DELETE', path);
