// Runs every cell of the authorization matrix (test/authz/matrix.ts) — every contract route × actor
// × scope — against the real app, and checks mass assignment on the key write routes.
import { randomUUID } from 'node:crypto';
import { routes, type RouteContract } from '@zeren/contracts';
import { addDays, chinaDate } from '@zeren/domain';
import { beforeAll, describe, expect, it } from 'vitest';
import { fromDateOnly } from '../src/lib/dates';
import { proposalKey } from '../src/modules/supervision/proposals';
import { createCycle } from './support/evaluation-fixtures';
import { FIXTURE_PASSWORD } from './support/fixtures';
import { useHarness } from './support/harness';
import {
  createTargetFixture,
  type PostKey,
  type TargetFixture,
  type UserKey,
} from './support/target-fixtures';
import {
  ACTORS,
  matrix,
  type ActorName,
  type BodyContext,
  type ObjectKind,
  type RouteAuthz,
  type Scope,
} from './authz/matrix';

/** Numbers for the log (vitest shows a test's stdout). */
const report = (line: string) => process.stdout.write(`${line}\n`);

const h = useHarness();

const USER_OF: Record<ActorName, UserKey> = {
  anonymous: 'staff',
  tier1: 'director',
  tier2: 'deputy',
  tier3: 'chief',
  tier4: 'staff',
  assessor: 'assessor',
  admin: 'admin',
};
/** The posts standing in each relation to the actor (null: no such object for this actor). */
const RELATION: Record<ActorName, Record<'own' | 'subtree' | 'sibling', PostKey | null>> = {
  anonymous: { own: 'staff', subtree: 'staff', sibling: 'staffB' },
  tier1: { own: 'director', subtree: 'deputy', sibling: null },
  tier2: { own: 'deputy', subtree: 'chief', sibling: 'partySecretary' },
  tier3: { own: 'chief', subtree: 'staff', sibling: 'chiefB' },
  tier4: { own: 'staff', subtree: null, sibling: 'staffB' },
  assessor: { own: null, subtree: 'staff', sibling: null },
  admin: { own: null, subtree: 'staff', sibling: null },
};
const PERSON_SCOPES = ['own', 'subtree', 'sibling', 'otherOrg'] as const;
const SCOPES_OF: Record<ObjectKind, readonly Scope[]> = {
  none: ['none'],
  year: ['none'],
  target: PERSON_SCOPES,
  person: PERSON_SCOPES,
  'cyclePerson:open': PERSON_SCOPES,
  'cyclePerson:published': PERSON_SCOPES,
  evidence: ['own', 'inOrg', 'otherOrg'],
  user: ['inOrg', 'otherOrg'],
  disabledUser: ['inOrg', 'otherOrg'],
  waiver: ['inOrg', 'otherOrg'],
  'cycle:open': ['inOrg', 'otherOrg'],
  'cycle:draft': ['inOrg', 'otherOrg'],
  'cycle:published': ['inOrg', 'otherOrg'],
  'cycle:exclusion': ['inOrg', 'otherOrg'],
  'cycle:adjustment': ['inOrg', 'otherOrg'],
  unit: ['inOrg', 'otherOrg'],
  orgPerson: ['inOrg', 'otherOrg'],
  post: ['inOrg', 'otherOrg'],
  holding: ['inOrg', 'otherOrg'],
  tier2Post: ['inOrg', 'sibling', 'otherOrg'],
  tier3Post: ['inOrg', 'sibling', 'otherOrg'],
  plan: ['inOrg', 'otherOrg'],
  inspection: ['inOrg', 'otherOrg'],
  finding: PERSON_SCOPES,
  'finding:rectified': PERSON_SCOPES,
  'cycle:proposal': ['inOrg', 'otherOrg'],
};

interface Org {
  f: TargetFixture;
  userIds: Record<UserKey, string>;
  openCycleId: string;
  publishedCycleId: string;
}

let A: Org;
let B: Org;
const cookies = {} as Record<ActorName, string | undefined>;
let counter = 0;
const unique = () => `${Date.now().toString(36)}${(counter++).toString(36)}`;
let nextYear = 2030;
let proposalQuarters = 0;

async function send(
  method: string,
  path: string,
  options: {
    cookie?: string;
    body?: unknown;
    upload?: RouteAuthz['upload'];
    headers?: Record<string, string>;
  } = {},
) {
  const headers: Record<string, string> = { ...options.headers };
  if (method !== 'GET') headers['x-requested-with'] = 'zeren';
  if (options.cookie) headers.cookie = options.cookie;
  let body: string | Uint8Array | undefined;
  if (options.upload) {
    headers['content-type'] = options.upload.contentType;
    body = options.upload.bytes;
  } else if (options.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  const res = await fetch(h.baseUrl + path, { method, headers, body });
  const text = await res.text();
  return { status: res.status, text };
}

async function login(username: string): Promise<string> {
  const res = await fetch(`${h.baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-requested-with': 'zeren' },
    body: JSON.stringify({ username, password: FIXTURE_PASSWORD }),
  });
  if (res.status !== 200) throw new Error(`login ${username}: ${res.status}`);
  return res.headers.get('set-cookie')!.split(';')[0]!;
}

/** A published quarter (every evaluee scored and submitted by the assessor) and an open one. */
async function prepareCycles(f: TargetFixture, userIds: Record<UserKey, string>) {
  void userIds;
  const open = await createCycle(h.db, f.organisationId, { year: 2026, kind: 'Q3' });
  const q2 = await createCycle(h.db, f.organisationId, { year: 2026, kind: 'Q2' });
  const assessor = await login(f.usernames.assessor);
  const admin = await login(f.usernames.admin);
  const bench = JSON.parse(
    (await send('GET', `/api/cycles/${q2.id}/workbench`, { cookie: assessor })).text,
  ) as {
    items: { personId: string }[];
  };
  const cells = (ids: string[]) =>
    ids.flatMap((evalueeId) =>
      (['IDEOLOGICAL', 'BUSINESS', 'MANAGEMENT'] as const).map((category) => ({
        evalueeId,
        category,
        value: 80,
      })),
    );
  const ids = bench.items.map((i) => i.personId);
  const saved = await send('PUT', `/api/cycles/${q2.id}/scores`, {
    cookie: assessor,
    body: { cells: cells(ids) },
  });
  if (saved.status !== 200) throw new Error(`scores: ${saved.text}`);
  await send('POST', `/api/cycles/${q2.id}/submit`, { cookie: assessor, body: {} });
  for (const [to, version] of [
    ['CLOSED', 1],
    ['PUBLISHED', 2],
  ] as const) {
    const moved = await send('POST', `/api/cycles/${q2.id}/transitions`, {
      cookie: admin,
      body: { to, version },
    });
    if (moved.status !== 200) throw new Error(`transition ${to}: ${moved.text}`);
  }
  // The open quarter: the staff member fully scored, so a submit for them succeeds.
  const pre = await send('PUT', `/api/cycles/${open.id}/scores`, {
    cookie: assessor,
    body: { cells: cells([f.personIds.staff]) },
  });
  if (pre.status !== 200) throw new Error(`pre-scores: ${pre.text}`);
  return { openCycleId: open.id, publishedCycleId: q2.id };
}

async function prepareOrg(name: string): Promise<Org> {
  const f = await createTargetFixture(h.db, h.baseUrl, { name });
  const users = await h.db.userAccount.findMany({ where: { organisationId: f.organisationId } });
  const userIds = Object.fromEntries(
    (Object.keys(f.usernames) as UserKey[]).map((k) => [
      k,
      users.find((u) => u.username === f.usernames[k])!.id,
    ]),
  ) as Record<UserKey, string>;
  return { f, userIds, ...(await prepareCycles(f, userIds)) };
}

// ─── fresh objects ─────────────────────────────────────────────────────────────────────────────
async function cloneTarget(org: Org, post: PostKey): Promise<string> {
  const ref = await h.db.target.findUniqueOrThrow({ where: { id: org.f.targets[`BUSINESS:${post}`] } });
  const row = await h.db.target.create({
    data: {
      organisationId: ref.organisationId,
      parentId: ref.parentId,
      ownerPostId: ref.ownerPostId,
      year: ref.year,
      category: ref.category,
      line: ref.line,
      title: `矩阵目标 ${unique()}`,
      weight: 0,
      measureKind: ref.measureKind,
      goal: ref.goal,
      dueDate: ref.dueDate,
    },
  });
  return row.id;
}
const freshPerson = async (org: Org) =>
  (
    await h.db.person.create({
      data: { organisationId: org.f.organisationId, employeeNo: `MX-${unique()}`, name: '矩阵人员' },
    })
  ).id;
const freshPost = async (org: Org) =>
  (
    await h.db.post.create({
      data: {
        organisationId: org.f.organisationId,
        unitId: org.f.unitIds.sectionA,
        code: `MX-${unique()}`,
        title: '矩阵岗位',
        tier: 4,
        lines: ['ADMINISTRATIVE'],
        adminSuperiorId: org.f.postIds.chief,
      },
    })
  ).id;
const freshUser = async (org: Org, isDisabled: boolean) =>
  (
    await h.db.userAccount.create({
      data: {
        organisationId: org.f.organisationId,
        personId: await freshPerson(org),
        username: `mx-${unique()}`,
        passwordHash: 'not-a-hash',
        roles: [],
        disabledAt: isDisabled ? new Date() : null,
      },
    })
  ).id;
const freshCycle = async (org: Org, status: 'DRAFT' | 'OPEN') =>
  (await createCycle(h.db, org.f.organisationId, { year: nextYear++, kind: 'Q1', status })).id;
const today = () => chinaDate(new Date());

/** A one-off inspection plan of 医政科 due on `dueOn`, with one checklist item and no named inspector. */
async function freshPlan(org: Org, dueOn = today()) {
  const organisationId = org.f.organisationId;
  const unitId = org.f.unitIds.sectionA;
  const plan = await h.db.inspectionPlan.create({
    data: {
      organisationId,
      title: `矩阵检查计划 ${unique()}`,
      kind: 'HYGIENE',
      recurrence: 'ONE_OFF',
      nextDueOn: fromDateOnly(dueOn),
      createdById: org.f.personIds.assessor,
    },
  });
  await h.db.inspectionPlanUnit.create({ data: { organisationId, planId: plan.id, unitId } });
  const item = await h.db.checklistItem.create({
    data: { organisationId, planId: plan.id, text: '地面、窗台清洁无杂物', sortOrder: 0 },
  });
  return { id: plan.id, unitId, itemIds: [item.id] };
}

/**
 * The plan's inspection by the fixture assessor on `inspectedOn`, its one item a finding against
 * `post` (minor: 14 days to rectify) citing an evidence file; OPEN, or RECTIFIED by the owner.
 */
async function freshFinding(
  org: Org,
  post: PostKey,
  options: { status?: 'OPEN' | 'RECTIFIED'; inspectedOn?: string } = {},
) {
  const organisationId = org.f.organisationId;
  const inspectedOn = options.inspectedOn ?? today();
  const plan = await freshPlan(org, inspectedOn);
  const file = await h.db.evidenceFile.create({
    data: {
      organisationId,
      filename: 'finding.png',
      mimeType: 'image/png',
      sizeBytes: 8,
      sha256: '0'.repeat(64),
      content: new Uint8Array(8),
      uploadedById: org.userIds.assessor,
    },
  });
  const inspection = await h.db.inspection.create({
    data: {
      organisationId,
      planId: plan.id,
      unitId: plan.unitId,
      dueOn: fromDateOnly(inspectedOn),
      inspectedOn: fromDateOnly(inspectedOn),
      inspectorId: org.f.personIds.assessor,
      status: 'FINDINGS',
    },
  });
  const result = await h.db.inspectionItemResult.create({
    data: {
      organisationId,
      inspectionId: inspection.id,
      itemId: plan.itemIds[0]!,
      outcome: 'FINDING',
      note: '矩阵测试：地面有纸屑',
      evidenceFileId: file.id,
    },
  });
  const finding = await h.db.finding.create({
    data: {
      organisationId,
      inspectionId: inspection.id,
      itemResultId: result.id,
      postId: org.f.postIds[post],
      description: '矩阵测试：地面有纸屑',
      severity: 'MINOR',
      deadline: fromDateOnly(addDays(inspectedOn, 14)),
    },
  });
  // A finding starts open (the database holds to it); the owner's report moves it on.
  if (options.status === 'RECTIFIED')
    await h.db.finding.update({
      where: { id: finding.id },
      data: { status: 'RECTIFIED', rectifiedAt: new Date(), version: 2 },
    });
  return { id: finding.id, fileId: file.id, inspectionId: inspection.id };
}

/** Objects the read cells share, made once per organisation and key. */
const shared = new Map<string, Promise<Record<string, string>>>();
const sharedObject = (org: Org, key: string, make: () => Promise<Record<string, string>>) => {
  const k = `${org.f.organisationId}:${key}`;
  if (!shared.has(k)) shared.set(k, make());
  return shared.get(k)!;
};

/** The path parameters for one cell; null when the scope has no object for this actor. */
async function resolveParams(
  route: RouteAuthz,
  actor: ActorName,
  scope: Scope,
): Promise<Record<string, string> | null> {
  const org = scope === 'otherOrg' ? B : A;
  const key = USER_OF[actor];
  const related = (): PostKey | null => {
    if (scope === 'otherOrg') return RELATION[actor].own ?? 'staff';
    return RELATION[actor][scope as 'own' | 'subtree' | 'sibling'];
  };
  const personOf = (): string | null => {
    if (scope === 'own' || scope === 'otherOrg') return org.f.personIds[key];
    const post = related();
    return post ? org.f.personIds[post === 'partyLeader' ? 'chief' : (post as UserKey)] : null;
  };
  switch (route.object) {
    case 'none':
      return {};
    case 'year':
      return { year: '2026' };
    case 'target': {
      const post = related();
      if (!post) return null;
      return { id: route.fresh ? await cloneTarget(org, post) : org.f.targets[`BUSINESS:${post}`] };
    }
    case 'person': {
      const id = personOf();
      return id ? { id } : null;
    }
    case 'cyclePerson:open':
    case 'cyclePerson:published': {
      const personId = personOf();
      if (!personId) return null;
      return { id: route.object === 'cyclePerson:open' ? org.openCycleId : org.publishedCycleId, personId };
    }
    case 'evidence': {
      const uploader = scope === 'own' ? org.userIds[key] : org.userIds.staffB;
      const file = await h.db.evidenceFile.create({
        data: {
          organisationId: org.f.organisationId,
          filename: 'm.png',
          mimeType: 'image/png',
          sizeBytes: 8,
          sha256: '0'.repeat(64),
          content: new Uint8Array(8),
          uploadedById: uploader,
        },
      });
      return { id: file.id };
    }
    case 'user':
    case 'disabledUser':
      return { id: await freshUser(org, route.object === 'disabledUser') };
    case 'waiver': {
      const waiver = await h.db.gapWaiver.create({
        data: {
          organisationId: org.f.organisationId,
          year: 2026,
          gapKey: `POST_WITHOUT_HOLDER:${randomUUID()}`,
          reason: '矩阵测试',
          waivedById: org.userIds.director,
        },
      });
      return { id: waiver.id };
    }
    case 'cycle:open':
      return { id: route.fresh ? await freshCycle(org, 'OPEN') : org.openCycleId };
    case 'cycle:draft':
      return { id: await freshCycle(org, 'DRAFT') };
    case 'cycle:published':
      return { id: org.publishedCycleId };
    case 'cycle:exclusion': {
      const id = await freshCycle(org, 'OPEN');
      const personId = org.f.personIds.deputy;
      await h.db.evaluationExclusion.create({
        data: { organisationId: org.f.organisationId, cycleId: id, personId, reason: '矩阵测试' },
      });
      return { id, personId };
    }
    case 'cycle:adjustment': {
      const adjustment = await h.db.adjustment.create({
        data: {
          organisationId: org.f.organisationId,
          cycleId: org.openCycleId,
          evaluatorId: org.f.personIds.assessor,
          evalueeId: org.f.personIds.staff,
          kind: 'BONUS',
          amount: 1,
          reason: '矩阵测试',
        },
      });
      return { id: org.openCycleId, adjustmentId: adjustment.id };
    }
    case 'unit': {
      const unit = await h.db.orgUnit.create({
        data: { organisationId: org.f.organisationId, name: `矩阵科${unique()}`, kind: 'SECTION' },
      });
      return { id: unit.id };
    }
    case 'orgPerson':
      return { id: await freshPerson(org) };
    case 'post':
      return { id: await freshPost(org) };
    case 'tier2Post':
    case 'tier3Post': {
      const [own, sibling] =
        route.object === 'tier2Post' ? ['deputy', 'partySecretary'] : ['chief', 'chiefB'];
      return { postId: org.f.postIds[(scope === 'sibling' ? sibling : own) as PostKey] };
    }
    case 'plan':
      return {
        id: route.fresh
          ? (await freshPlan(org)).id
          : (await sharedObject(org, 'plan', async () => ({ id: (await freshPlan(org)).id }))).id!,
      };
    case 'inspection': {
      const made = await sharedObject(org, 'inspection', () => freshFinding(org, 'staff'));
      return { id: made.inspectionId! };
    }
    case 'finding':
    case 'finding:rectified': {
      const post = related();
      if (!post) return null;
      const status = route.object === 'finding' ? 'OPEN' : 'RECTIFIED';
      const made = route.fresh
        ? await freshFinding(org, post, { status })
        : await sharedObject(org, `${route.object}:${post}`, () => freshFinding(org, post, { status }));
      return { id: made.id!, fileId: made.fileId! };
    }
    case 'cycle:proposal': {
      // A quarter of its own (years before the fixture's, which no other cell uses), so its one
      // proposal is the finding inspected in it.
      const n = proposalQuarters++;
      const year = 2010 + Math.floor(n / 4);
      const quarter = (n % 4) + 1;
      const cycle = await createCycle(h.db, org.f.organisationId, { year, kind: `Q${quarter}` as 'Q1' });
      const inspectedOn = `${year}-${String(quarter * 3 - 1).padStart(2, '0')}-15`;
      const finding = await freshFinding(org, 'staff', { inspectedOn });
      return { id: cycle.id, proposalId: proposalKey(finding.id, org.f.personIds.staff) };
    }
    case 'holding': {
      const holding = await h.db.holding.create({
        data: {
          organisationId: org.f.organisationId,
          personId: await freshPerson(org),
          postId: await freshPost(org),
          isPrimary: true,
        },
      });
      return { id: holding.id };
    }
  }
}

function bodyContext(actor: ActorName, params: Record<string, string>): BodyContext {
  const org = A;
  return {
    postId: (k) => org.f.postIds[k],
    personId: (k) => org.f.personIds[k],
    unitId: (k) => org.f.unitIds[k],
    unique,
    freshYear: () => nextYear++,
    freshPost: () => freshPost(org),
    freshPerson: () => freshPerson(org),
    username: org.f.usernames[USER_OF[actor]],
    password: FIXTURE_PASSWORD,
    today: today(),
    freshPlan: () => freshPlan(org),
    params,
  };
}

const fill = (path: string, params: Record<string, string>) =>
  path.replace(/:(\w+)/g, (_, name: string) => encodeURIComponent(params[name]!));

interface Outcome {
  route: string;
  scope: Scope;
  actor: ActorName;
  expected: number | null;
  actual: number | null;
  text?: string;
}

async function runRoute(name: string, contract: RouteContract, entry: RouteAuthz): Promise<Outcome[]> {
  const cells = Object.entries(entry.expect).flatMap(([scope, row]) =>
    ACTORS.map((actor, i) => ({ scope: scope as Scope, actor, expected: row[i]! })),
  );
  return Promise.all(
    cells.map(async ({ scope, actor, expected }): Promise<Outcome> => {
      const params = await resolveParams(entry, actor, scope);
      if (params === null) return { route: name, scope, actor, expected, actual: null };
      const body = entry.body ? await entry.body(bodyContext(actor, params)) : undefined;
      // Ids the path does not name go into the query when it takes them (`?postId=` of the
      // dashboards); the others are for the body (`proposalId`) or unused (a finding's `fileId`).
      const extra = Object.entries(params).filter(
        ([k]) => !contract.path.includes(`:${k}`) && !!contract.query && k in contract.query.shape,
      );
      const query = [entry.query?.slice(1), ...extra.map(([k, v]) => `${k}=${v}`)].filter(Boolean).join('&');
      const res = await send(
        contract.method.toUpperCase(),
        fill(contract.path, params) + (query ? `?${query}` : ''),
        {
          cookie: cookies[actor],
          body,
          upload: entry.upload,
        },
      );
      return { route: name, scope, actor, expected, actual: res.status, text: res.text.slice(0, 200) };
    }),
  );
}

describe('the authorization matrix', () => {
  beforeAll(async () => {
    [A, B] = [await prepareOrg('矩阵局'), await prepareOrg('他局')];
    for (const actor of ACTORS)
      cookies[actor] = actor === 'anonymous' ? undefined : await login(A.f.usernames[USER_OF[actor]]);
  }, 120_000);

  it('names every contract route, and only those, with every scope its object has', () => {
    const names = Object.keys(routes);
    expect(
      names.filter((n) => !(n in matrix)),
      'routes missing from test/authz/matrix.ts',
    ).toEqual([]);
    expect(
      Object.keys(matrix).filter((n) => !names.includes(n)),
      'matrix entries for no route',
    ).toEqual([]);
    for (const [name, entry] of Object.entries(matrix)) {
      expect(Object.keys(entry.expect).sort(), name).toEqual([...SCOPES_OF[entry.object]].sort());
      const contract = (routes as Record<string, RouteContract>)[name]!;
      if (contract.body && !contract.upload)
        expect(entry.body, `${name} needs a minimal valid body`).toBeDefined();
    }
  });

  it('answers every route × actor × scope as the matrix says', { timeout: 180_000 }, async () => {
    const entries = Object.entries(routes as Record<string, RouteContract>).filter(([n]) => n in matrix);
    const ORDER = { first: 0, last: 2, end: 3 } as const;
    const phase = (n: string) => {
      const p = matrix[n]!.phase;
      return p ? ORDER[p] : 1;
    };
    // Stable: the contracts' order within a phase.
    entries.sort(([a], [b]) => phase(a) - phase(b));
    const outcomes: Outcome[] = [];
    for (const [name, contract] of entries) outcomes.push(...(await runRoute(name, contract, matrix[name]!)));
    const wrong = outcomes.filter((o) => o.expected !== o.actual);
    const cells = outcomes.filter((o) => o.actual !== null).length;
    report(`authorization matrix: ${entries.length} routes, ${cells} cells checked`);
    expect(
      wrong.map(
        (o) => `${o.route} ${o.scope} ${o.actor}: expected ${o.expected}, got ${o.actual} ${o.text ?? ''}`,
      ),
    ).toEqual([]);
  });
});

describe('mass assignment', () => {
  it('refuses ownership, organisation, version and author fields the write routes do not take', async () => {
    const f = await createTargetFixture(h.db, h.baseUrl);
    const other = await createTargetFixture(h.db, h.baseUrl, { name: '他局' });
    const [director, staff, admin] = [
      await f.login('director'),
      await f.login('staff'),
      await f.login('admin'),
    ];
    const target = f.targets['BUSINESS:staff'];
    const before = await h.db.target.findUniqueOrThrow({ where: { id: target } });
    const progressBefore = await h.db.progressUpdate.count({ where: { organisationId: f.organisationId } });

    const attempts = [
      director.request('PATCH', `/api/targets/${target}`, {
        version: 1,
        organisationId: other.organisationId,
      }),
      director.request('PATCH', `/api/targets/${target}`, { version: 1, progress: 100 }),
      director.request('PATCH', `/api/targets/${target}`, {
        version: 1,
        latestValue: 100,
        status: 'ARCHIVED',
      }),
      director.request('PATCH', `/api/targets/${target}`, {
        version: 1,
        parentId: f.targets['BUSINESS:director'],
      }),
      director.post('/api/targets', {
        year: 2026,
        category: 'BUSINESS',
        line: 'ADMINISTRATIVE',
        ownerPostId: f.postIds.director,
        title: '带版本的新目标',
        weight: 100,
        measureKind: 'PERCENTAGE',
        goal: 100,
        dueDate: '2026-12-31',
        version: 7,
        organisationId: other.organisationId,
      }),
      staff.post(`/api/targets/${target}/progress`, {
        value: 10,
        note: '冒名',
        recordedById: f.personIds.director,
      }),
      staff.post(`/api/targets/${target}/progress`, {
        value: 10,
        note: '改组织',
        organisationId: other.organisationId,
      }),
      staff.post(`/api/targets/${target}/progress`, {
        value: 10,
        note: '改时间',
        recordedAt: '2020-01-01T00:00:00Z',
      }),
      admin.post('/api/org/people', { employeeNo: 'MA-1', name: '甲', organisationId: other.organisationId }),
      admin.request('PATCH', `/api/org/people/${f.personIds.staff}`, { name: '乙', id: randomUUID() }),
      admin.post('/api/org/holdings', {
        personId: f.personIds.staff2,
        postId: f.postIds.staff,
        organisationId: other.organisationId,
      }),
      admin.post('/api/cycles', { year: 2099, kind: 'Q1', status: 'PUBLISHED' }),
      admin.post('/api/cycles', { year: 2099, kind: 'Q2', organisationId: other.organisationId }),
    ];
    const results = await Promise.all(attempts);
    for (const [i, res] of results.entries()) {
      expect(res.status, `attempt ${i}: ${res.text}`).toBe(400);
      expect(res.body.error.code).toBe('VALIDATION_FAILED');
    }
    const after = await h.db.target.findUniqueOrThrow({ where: { id: target } });
    expect(after).toEqual(before);
    expect(await h.db.progressUpdate.count({ where: { organisationId: f.organisationId } })).toBe(
      progressBefore,
    );
    expect(await h.db.person.count({ where: { employeeNo: 'MA-1' } })).toBe(0);
    expect(
      await h.db.evaluationCycle.count({ where: { organisationId: f.organisationId, year: 2099 } }),
    ).toBe(0);
    expect(await h.db.target.count({ where: { title: '带版本的新目标' } })).toBe(0);

    // A stale version is not assigned either: it is checked.
    const stale = await director.request('PATCH', `/api/targets/${target}`, { version: 99, title: '新标题' });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('STALE_VERSION');
  });

  it('refuses evaluator, status and version tricks in score batches, and ignores roles sent at login', async () => {
    const f = await createTargetFixture(h.db, h.baseUrl);
    const cycle = await createCycle(h.db, f.organisationId, { year: 2026, kind: 'Q3' });
    const assessor = await f.login('assessor');
    const cell = { evalueeId: f.personIds.staff, category: 'BUSINESS', value: 90 };
    for (const extra of [
      { evaluatorId: f.personIds.director },
      { status: 'SUBMITTED' },
      { organisationId: randomUUID() },
      { cycleId: randomUUID() },
    ]) {
      const res = await assessor.request('PUT', `/api/cycles/${cycle.id}/scores`, {
        cells: [{ ...cell, ...extra }],
      });
      expect(res.status, JSON.stringify(extra)).toBe(400);
    }
    const top = await assessor.request('PUT', `/api/cycles/${cycle.id}/scores`, {
      cells: [cell],
      evaluatorId: f.personIds.director,
    });
    expect(top.status).toBe(400);
    // A version for a cell never scored is stale, not a way to set the stored version.
    const versioned = await assessor.request('PUT', `/api/cycles/${cycle.id}/scores`, {
      cells: [{ ...cell, version: 5 }],
    });
    expect(versioned.status).toBe(409);
    expect(await h.db.score.count({ where: { cycleId: cycle.id } })).toBe(0);

    const res = await fetch(`${h.baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-requested-with': 'zeren' },
      body: JSON.stringify({ username: f.usernames.staff, password: FIXTURE_PASSWORD, roles: ['ADMIN'] }),
    });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { roles: string[] }).roles).toEqual([]);
    const account = await h.db.userAccount.findUniqueOrThrow({ where: { username: f.usernames.staff } });
    expect(account.roles).toEqual([]);
  });
});
