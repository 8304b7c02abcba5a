// Evaluation fixtures on top of createOrgFixture: assessment-group members with accounts, more
// evaluees, cycles. Every call builds its own organisation, so tests stay independent.
import { randomUUID } from 'node:crypto';
import type { Db } from '../../src/db/database';
import type { CycleKind, CycleStatus } from '../../src/generated/prisma/enums';
import { hashPassword } from '../../src/lib/passwords';
import { createOrgFixture, FIXTURE_PASSWORD, type OrgFixture } from './fixtures';
import { Client } from './harness';

let passwordHash: Promise<string> | undefined;

export interface Member {
  personId: string;
  name: string;
  /** Null for a person without an account. */
  username: string | null;
  postId: string | null;
}

export interface EvaluationFixture extends OrgFixture {
  unitIds: { leadership: string; section: string; personnel: string };
  /** Assessment-group members with accounts and no post of their own (so they are not evaluees). */
  assessors: Member[];
  /** Extra tier 4 staff of 医政科 (under the chief), with accounts. */
  extraStaff: Member[];
  /** Everyone holding a tier 2–4 post: deputy, chief, staff, extra staff. */
  evalueeIds: string[];
}

export interface MemberSpec {
  name: string;
  /** A post for the person: unit, tier and administrative superior. */
  post?: { unitId: string; tier: 2 | 3 | 4; superiorPostId: string; title?: string };
  hasAccount?: boolean;
  isAssessor?: boolean;
}

/** Adds a person (with an account, a post, assessment-group membership as asked). */
export async function addMember(db: Db, organisationId: string, spec: MemberSpec): Promise<Member> {
  passwordHash ??= hashPassword(FIXTURE_PASSWORD);
  const suffix = randomUUID().slice(0, 8);
  const person = await db.person.create({
    data: { organisationId, employeeNo: `E-${suffix}`, name: spec.name },
  });
  let postId: string | null = null;
  if (spec.post) {
    const post = await db.post.create({
      data: {
        organisationId,
        unitId: spec.post.unitId,
        code: `P-${suffix}`,
        title: spec.post.title ?? `${spec.name}的岗位`,
        tier: spec.post.tier,
        lines: ['ADMINISTRATIVE'],
        adminSuperiorId: spec.post.superiorPostId,
      },
    });
    postId = post.id;
    await db.holding.create({ data: { organisationId, personId: person.id, postId, isPrimary: true } });
  }
  let username: string | null = null;
  if (spec.hasAccount !== false) {
    username = `u-${suffix}`;
    await db.userAccount.create({
      data: { organisationId, personId: person.id, username, passwordHash: await passwordHash, roles: [] },
    });
  }
  if (spec.isAssessor)
    await db.assessmentGroupMember.create({ data: { organisationId, personId: person.id } });
  return { personId: person.id, name: spec.name, username, postId };
}

/**
 * The four-tier organisation plus a 人事科 unit, `assessors` assessment-group members (default 5)
 * and `extraStaff` more tier 4 staff in 医政科 (default 2).
 */
export async function createEvaluationFixture(
  db: Db,
  options: { assessors?: number; extraStaff?: number } = {},
): Promise<EvaluationFixture> {
  const org = await createOrgFixture(db);
  const { organisationId } = org;
  const units = await db.orgUnit.findMany({ where: { organisationId } });
  const unitId = (name: string) => units.find((u) => u.name === name)!.id;
  const personnel = await db.orgUnit.create({ data: { organisationId, name: '人事科', kind: 'SECTION' } });
  const assessors: Member[] = [];
  for (let i = 1; i <= (options.assessors ?? 5); i++)
    assessors.push(await addMember(db, organisationId, { name: `考核员${i}`, isAssessor: true }));
  const extraStaff: Member[] = [];
  for (let i = 1; i <= (options.extraStaff ?? 2); i++) {
    extraStaff.push(
      await addMember(db, organisationId, {
        name: `医政科员${i}`,
        post: { unitId: unitId('医政科'), tier: 4, superiorPostId: org.postIds.chief },
      }),
    );
  }
  return {
    ...org,
    unitIds: { leadership: unitId('局领导班子'), section: unitId('医政科'), personnel: personnel.id },
    assessors,
    extraStaff,
    evalueeIds: [
      org.personIds.deputy,
      org.personIds.chief,
      org.personIds.staff,
      ...extraStaff.map((m) => m.personId),
    ],
  };
}

/** A window that is open now: from an hour ago to a day ahead. */
export function openWindow(now = Date.now()) {
  return { windowStart: new Date(now - 3_600_000), windowEnd: new Date(now + 86_400_000) };
}

/** A cycle straight in the database (for set-ups; the tests move cycles through the API). */
export async function createCycle(
  db: Db,
  organisationId: string,
  spec: { year?: number; kind?: CycleKind; status?: CycleStatus; windowStart?: Date; windowEnd?: Date } = {},
) {
  const status = spec.status ?? 'OPEN';
  const window =
    spec.windowStart && spec.windowEnd
      ? { windowStart: spec.windowStart, windowEnd: spec.windowEnd }
      : status === 'DRAFT'
        ? {}
        : openWindow();
  return db.evaluationCycle.create({
    data: {
      organisationId,
      year: spec.year ?? 2026,
      kind: spec.kind ?? 'Q3',
      status,
      ...window,
      ...(status !== 'DRAFT' ? { openedAt: new Date() } : {}),
    },
  });
}

/** A logged-in client. */
export async function loginAs(baseUrl: string, username: string | null): Promise<Client> {
  if (!username) throw new Error('this member has no account');
  const client = new Client(baseUrl);
  const res = await client.login(username, FIXTURE_PASSWORD);
  if (res.status !== 200) throw new Error(`login ${username} failed: ${res.status} ${res.text}`);
  return client;
}

/** Fetches a file as bytes with a fresh session (the test Client reads bodies as text). */
export async function downloadAs(baseUrl: string, username: string, path: string) {
  const login = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-requested-with': 'zeren' },
    body: JSON.stringify({ username, password: FIXTURE_PASSWORD }),
  });
  const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
  const res = await fetch(`${baseUrl}${path}`, { headers: { cookie } });
  return { status: res.status, headers: res.headers, bytes: Buffer.from(await res.arrayBuffer()) };
}
