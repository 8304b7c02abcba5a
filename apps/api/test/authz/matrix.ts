// The authorization matrix: for EVERY route of `routes` (@zeren/contracts), the expected status per
// actor and per scope. `authz.test.ts` runs every cell against the real app and fails when a route
// of the contracts has no entry here. docs/security.md summarises it.
//
// Actors (one fixture organisation, test/support/target-fixtures.ts): anonymous (no session),
// tier1 = director, tier2 = deputy, tier3 = chief (医政科, also a party group leader), tier4 = staff,
// assessor = a member of the assessment group holding no post, admin = an administrator holding no post.
//
// Scopes — the object named by the path, relative to the actor:
//   none     the route names no object (or a fixed one, e.g. the year 2026)
//   own      the actor's own (their post's target or finding, their person, their upload)
//   subtree  one level below the actor (tier1 → deputy, tier2 → chief, tier3 → staff); for the
//            assessor and the admin, who hold no post, a tier-4 evaluee's (staff)
//   sibling  a sibling unit's (tier2 → the party secretary's branch, tier3 → 疾控科's chief,
//            tier4 → 疾控科's staff)
//   inOrg    an object of the actor's organisation where own/subtree/sibling do not apply (cycles,
//            units, posts, accounts…); someone else's upload for evidence
//   otherOrg the same kind of object in a second organisation
// A cell is a status, or null where the scope does not exist for that actor (assessor and admin
// own no target; tier 4 has no subtree; tier 1, the assessor and the admin have no sibling unit).
//
// Cells that succeed write to fresh objects (`fresh: true`: a new target / cycle / unit / person…
// per cell), so no cell depends on another's outcome. `phase: 'first'` runs before anything adds
// posts (publishing the year needs a gap-free chain); `phase: 'last'` changes passwords
// (ending other sessions) and `'end'` logs out.

import { ROSTER_SHEETS, TARGET_BOOK_SHEETS, type SheetSpec } from '@zeren/domain';
import ExcelJS from 'exceljs';

export const ACTORS = ['anonymous', 'tier1', 'tier2', 'tier3', 'tier4', 'assessor', 'admin'] as const;
export type ActorName = (typeof ACTORS)[number];
export type Scope = 'none' | 'own' | 'subtree' | 'sibling' | 'inOrg' | 'otherOrg';
/** One status per actor, in the order of ACTORS. */
export type Row = readonly [
  number | null,
  number | null,
  number | null,
  number | null,
  number | null,
  number | null,
  number | null,
];

/** What the path's ids name; `cyclePerson:*` is a cycle plus a person in the person scopes. */
export type ObjectKind =
  | 'none'
  | 'user'
  | 'disabledUser'
  | 'target'
  | 'person'
  | 'evidence'
  | 'waiver'
  | 'year'
  | 'cycle:open'
  | 'cycle:draft'
  | 'cycle:published'
  | 'cycle:exclusion'
  | 'cycle:adjustment'
  | 'cyclePerson:open'
  | 'cyclePerson:published'
  | 'unit'
  | 'orgPerson'
  | 'post'
  | 'holding'
  /** A tier-2 / tier-3 post named in the `postId` query: the deputy's / the chief's (inOrg), the
   *  party secretary's / 疾控科 chief's (sibling), the same post of the other organisation. */
  | 'tier2Post'
  | 'tier3Post'
  /** An inspection plan (unit 医政科, one checklist item). */
  | 'plan'
  /** An inspection (the printable report) with one finding. */
  | 'inspection'
  /** A finding (OPEN) whose responsible post stands in the scope's relation to the actor (the
   *  post a `target` of that scope is owned by); its inspection cites an evidence file (`fileId`). */
  | 'finding'
  /** The same, rectified by its owner and awaiting re-inspection (复查). */
  | 'finding:rectified'
  /** An open quarter with one proposed deduction (建议扣分) for the staff member, from an open
   *  finding inspected in that quarter; `proposalId` names it for the body. */
  | 'cycle:proposal';

/** Ids and fresh objects a body may need (resolved by the test for the actor's organisation). */
export interface BodyContext {
  postId(key: 'director' | 'chief' | 'staff'): string;
  personId(key: 'staff' | 'assessor' | 'deputy'): string;
  unitId(key: 'sectionA'): string;
  /** A unique suffix (codes, names, years). */
  unique(): string;
  /** A fresh year for a cycle (no cycle of that year exists). */
  freshYear(): number;
  /** A fresh post with no holder (a gap to waive; a post to fill). */
  freshPost(): Promise<string>;
  freshPerson(): Promise<string>;
  /** The actor's username and the fixture password (login, password change). */
  username: string;
  password: string;
  /** Today in China (the bureau's calendar), `YYYY-MM-DD`. */
  today: string;
  /** A fresh inspection plan due today in 医政科, and its checklist. */
  freshPlan(): Promise<{ id: string; unitId: string; itemIds: string[] }>;
  /** Every id the cell's object resolved to, also those the path does not name (`proposalId`). */
  params: Readonly<Record<string, string>>;
}

export interface RouteAuthz {
  object: ObjectKind;
  /** A new object per cell (for writes whose success changes it). */
  fresh?: boolean;
  query?: string;
  /** A minimal valid body. */
  body?: (c: BodyContext) => unknown;
  /** An upload route's raw body. */
  upload?: { contentType: string; bytes: Uint8Array };
  phase?: 'first' | 'last' | 'end';
  expect: Partial<Record<Scope, Row>>;
}

// Shorthands for common rows.
const ALL = (s: number): Row => [401, s, s, s, s, s, s];
const PUBLIC = (s: number): Row => [s, s, s, s, s, s, s];
const ONLY = (who: ActorName[], ok: number, no = 403): Row =>
  ACTORS.map((a) => (a === 'anonymous' ? 401 : who.includes(a) ? ok : no)) as unknown as Row;
const NOT_FOUND: Row = ALL(404);
const ADMIN = (ok: number) => ONLY(['admin'], ok);
const TIER1 = (ok: number) => ONLY(['tier1'], ok);
const LEADS = (ok: number) => ONLY(['tier1', 'admin'], ok);
const READERS = (ok: number) => ONLY(['tier1', 'assessor', 'admin'], ok);
const ASSESSOR = (ok: number) => ONLY(['assessor'], ok);
const PLAN_MANAGERS = (ok: number) => ONLY(['assessor', 'admin'], ok);

/** An import template as the office would upload it unchanged: the header rows, no data. */
async function emptyWorkbook(specs: readonly SheetSpec[]): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  for (const spec of specs) workbook.addWorksheet(spec.name).addRow(spec.columns.map((c) => c.header));
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const EMPTY_ROSTER = { contentType: XLSX, bytes: await emptyWorkbook(ROSTER_SHEETS) };
const EMPTY_TARGET_BOOK = { contentType: XLSX, bytes: await emptyWorkbook(TARGET_BOOK_SHEETS) };

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);
const WINDOW = () => ({
  windowStart: new Date(Date.now() - 3_600_000).toISOString(),
  windowEnd: new Date(Date.now() + 86_400_000).toISOString(),
});

// Targets: reading follows the read scope; editing and archiving = what one decomposed (tier 1
// and admin: anything); decomposing = one's own targets; progress = owner or direct superior.
const READ_TARGET: Partial<Record<Scope, Row>> = {
  own: [401, 200, 200, 200, 200, null, null],
  subtree: [401, 200, 200, 200, null, 200, 200],
  sibling: [401, null, 404, 404, 404, null, null],
  otherOrg: NOT_FOUND,
};
const EDIT_TARGET: Partial<Record<Scope, Row>> = {
  own: [401, 200, 403, 403, 403, null, null],
  subtree: [401, 200, 200, 200, null, 403, 200],
  sibling: [401, null, 404, 404, 404, null, null],
  otherOrg: NOT_FOUND,
};

// Findings (督导): tier 1, the assessment group and admin read all; below, the owner and their
// chain (the read scope), others 404. Only the owner rectifies (readers who do not own it: 403);
// only an assessor re-inspects, never a finding on their own post.
const READ_FINDING: Partial<Record<Scope, Row>> = {
  own: [401, 200, 200, 200, 200, null, null],
  subtree: [401, 200, 200, 200, null, 200, 200],
  sibling: [401, null, 404, 404, 404, null, null],
  otherOrg: NOT_FOUND,
};
const PLAN = (c: BodyContext) => ({
  title: `矩阵检查计划 ${c.unique()}`,
  kind: 'HYGIENE',
  recurrence: 'ONE_OFF',
  nextDueOn: c.today,
  unitIds: [c.unitId('sectionA')],
  inspectorIds: [],
  items: [{ text: '办公室桌面整洁' }],
});

export const matrix: Record<string, RouteAuthz> = {
  // ─── system and auth ────────────────────────────────────────────────────────────────────────
  health: { object: 'none', expect: { none: PUBLIC(200) } },
  openapi: { object: 'none', expect: { none: PUBLIC(200) } },
  login: {
    object: 'none',
    body: (c) => ({ username: c.username, password: c.password }),
    expect: { none: PUBLIC(200) },
  },
  logout: { object: 'none', phase: 'end', expect: { none: ALL(204) } },
  me: { object: 'none', expect: { none: ALL(200) } },
  updatePreferences: { object: 'none', body: () => ({ locale: 'zh-CN' }), expect: { none: ALL(200) } },
  changePassword: {
    object: 'none',
    phase: 'last',
    body: (c) => ({ currentPassword: c.password, newPassword: `Matrix-${c.unique()}-pass` }),
    expect: { none: ALL(204) },
  },
  disableUser: { object: 'user', fresh: true, expect: { inOrg: ADMIN(204), otherOrg: ONLY(['admin'], 404) } },
  enableUser: {
    object: 'disabledUser',
    fresh: true,
    expect: { inOrg: ADMIN(204), otherOrg: ONLY(['admin'], 404) },
  },

  // ─── chain ──────────────────────────────────────────────────────────────────────────────────
  getChain: { object: 'none', expect: { none: ALL(200) } },
  getPersonProfile: {
    object: 'person',
    expect: {
      own: ALL(200),
      subtree: [401, 200, 200, 200, null, 200, 200],
      sibling: [401, null, 404, 404, 404, null, null],
      otherOrg: NOT_FOUND,
    },
  },

  // ─── targets and progress ───────────────────────────────────────────────────────────────────
  listTargets: { object: 'none', expect: { none: ALL(200) } },
  getTarget: { object: 'target', expect: READ_TARGET },
  getTargetTree: { object: 'target', expect: READ_TARGET },
  createTarget: {
    object: 'none',
    body: (c) => ({
      year: 2027,
      category: 'BUSINESS',
      line: 'ADMINISTRATIVE',
      ownerPostId: c.postId('director'),
      title: `矩阵测试根目标 ${c.unique()}`,
      weight: 100,
      measureKind: 'PERCENTAGE',
      goal: 100,
      dueDate: '2027-12-31',
    }),
    expect: { none: LEADS(201) },
  },
  updateTarget: {
    object: 'target',
    fresh: true,
    body: (c) => ({ version: 1, title: `改名 ${c.unique()}` }),
    expect: EDIT_TARGET,
  },
  archiveTarget: { object: 'target', fresh: true, body: () => ({ version: 1 }), expect: EDIT_TARGET },
  decomposeTarget: {
    object: 'target',
    fresh: true,
    body: () => ({ version: 1, children: [] }),
    expect: {
      own: [401, 200, 200, 200, 200, null, null],
      subtree: [401, 200, 403, 403, null, 403, 200],
      sibling: [401, null, 404, 404, 404, null, null],
      otherOrg: NOT_FOUND,
    },
  },
  bulkAssignTargets: {
    object: 'none',
    body: (c) => ({
      year: 2027,
      category: 'MANAGEMENT',
      line: 'ADMINISTRATIVE',
      template: {
        title: `矩阵批量目标 ${c.unique()}`,
        weight: 10,
        measureKind: 'PERCENTAGE',
        goal: 100,
        dueDate: '2027-12-31',
      },
      scope: { tier: 4 },
    }),
    expect: { none: LEADS(201) },
  },
  listProgress: { object: 'target', expect: READ_TARGET },
  recordProgress: {
    object: 'target',
    fresh: true,
    body: () => ({ value: 50, note: '矩阵测试进度' }),
    expect: {
      own: [401, 201, 201, 201, 201, null, null],
      subtree: [401, 201, 201, 201, null, 403, 403],
      sibling: [401, null, 404, 404, 404, null, null],
      otherOrg: NOT_FOUND,
    },
  },
  uploadEvidence: {
    object: 'none',
    query: '?filename=evidence.png',
    upload: { contentType: 'image/png', bytes: PNG },
    expect: { none: ALL(201) },
  },
  downloadEvidence: {
    object: 'evidence',
    fresh: true,
    expect: { own: ALL(200), inOrg: NOT_FOUND, otherOrg: NOT_FOUND },
  },

  // ─── gaps and the year's book ───────────────────────────────────────────────────────────────
  getGaps: { object: 'none', query: '?year=2026', expect: { none: ONLY(['tier1', 'tier2', 'admin'], 200) } },
  waiveGap: {
    object: 'none',
    body: async (c) => ({
      year: 2026,
      gapKey: `POST_WITHOUT_HOLDER:${await c.freshPost()}`,
      reason: '矩阵测试豁免',
    }),
    expect: { none: TIER1(201) },
  },
  revokeGapWaiver: {
    object: 'waiver',
    fresh: true,
    expect: { inOrg: TIER1(204), otherOrg: ONLY(['tier1'], 404) },
  },
  publishTargetYear: { object: 'year', phase: 'first', expect: { none: TIER1(200) } },

  // ─── audit ──────────────────────────────────────────────────────────────────────────────────
  listAudit: { object: 'none', expect: { none: LEADS(200) } },
  verifyAudit: { object: 'none', expect: { none: LEADS(200) } },

  // ─── evaluation cycles ──────────────────────────────────────────────────────────────────────
  listCycles: { object: 'none', expect: { none: ALL(200) } },
  createCycle: {
    object: 'none',
    body: (c) => ({ year: c.freshYear(), kind: 'Q1' }),
    expect: { none: LEADS(201) },
  },
  getCycle: { object: 'cycle:open', expect: { inOrg: ALL(200), otherOrg: NOT_FOUND } },
  updateCycleWindow: {
    object: 'cycle:draft',
    fresh: true,
    body: () => ({ ...WINDOW(), version: 1 }),
    expect: { inOrg: LEADS(200), otherOrg: ONLY(['tier1', 'admin'], 404) },
  },
  transitionCycle: {
    object: 'cycle:draft',
    fresh: true,
    body: () => ({ to: 'OPEN', version: 1, ...WINDOW() }),
    expect: { inOrg: LEADS(200), otherOrg: ONLY(['tier1', 'admin'], 404) },
  },
  listAssessors: { object: 'none', expect: { none: READERS(200) } },
  setAssessors: {
    object: 'none',
    body: (c) => ({ personIds: [c.personId('assessor')] }),
    expect: { none: ADMIN(200) },
  },
  listExclusions: {
    object: 'cycle:open',
    expect: { inOrg: READERS(200), otherOrg: ONLY(['tier1', 'assessor', 'admin'], 404) },
  },
  addExclusion: {
    object: 'cycle:open',
    fresh: true,
    body: (c) => ({ personId: c.personId('deputy'), reason: '矩阵测试：长期病假' }),
    expect: { inOrg: LEADS(201), otherOrg: ONLY(['tier1', 'admin'], 404) },
  },
  removeExclusion: {
    object: 'cycle:exclusion',
    fresh: true,
    expect: { inOrg: LEADS(204), otherOrg: ONLY(['tier1', 'admin'], 404) },
  },

  // ─── scoring ────────────────────────────────────────────────────────────────────────────────
  getWorkbench: { object: 'cycle:open', expect: { inOrg: ASSESSOR(200), otherOrg: ONLY(['assessor'], 404) } },
  saveScores: {
    object: 'cycle:open',
    body: (c) => ({ cells: [{ evalueeId: c.personId('staff'), category: 'BUSINESS', value: 80 }] }),
    expect: { inOrg: ASSESSOR(200), otherOrg: ONLY(['assessor'], 404) },
  },
  addAdjustment: {
    object: 'cycle:open',
    body: (c) => ({ evalueeId: c.personId('staff'), kind: 'BONUS', amount: 1, reason: '矩阵测试加分' }),
    expect: { inOrg: ASSESSOR(201), otherOrg: ONLY(['assessor'], 404) },
  },
  deleteAdjustment: {
    object: 'cycle:adjustment',
    fresh: true,
    expect: { inOrg: ASSESSOR(204), otherOrg: ONLY(['assessor'], 404) },
  },
  submitScores: {
    object: 'cycle:open',
    body: (c) => ({ evalueeIds: [c.personId('staff')] }),
    expect: { inOrg: ASSESSOR(200), otherOrg: ONLY(['assessor'], 404) },
  },
  getEvalueeContext: {
    object: 'cyclePerson:open',
    expect: {
      // Tier 1, the assessor and the admin are not evaluees: 404.
      own: [401, 404, 403, 403, 403, 404, 404],
      subtree: [401, 200, 403, 403, null, 200, 200],
      sibling: [401, null, 403, 403, 403, null, null],
      otherOrg: ONLY(['tier1', 'assessor', 'admin'], 404),
    },
  },

  // ─── results and amendments ─────────────────────────────────────────────────────────────────
  listResults: {
    object: 'cycle:published',
    expect: { inOrg: READERS(200), otherOrg: ONLY(['tier1', 'assessor', 'admin'], 404) },
  },
  getResultSheet: {
    object: 'cyclePerson:published',
    expect: {
      own: [401, 404, 200, 200, 200, 404, 404],
      subtree: [401, 200, 404, 404, null, 200, 200],
      sibling: [401, null, 404, 404, 404, null, null],
      otherOrg: NOT_FOUND,
    },
  },
  exportResults: {
    object: 'cycle:published',
    expect: { inOrg: READERS(200), otherOrg: ONLY(['tier1', 'assessor', 'admin'], 404) },
  },
  // 考核登记表: exactly the result sheet's readers; the whole cycle's workbook like the results export.
  getRegistrationForm: {
    object: 'cyclePerson:published',
    expect: {
      own: [401, 404, 200, 200, 200, 404, 404],
      subtree: [401, 200, 404, 404, null, 200, 200],
      sibling: [401, null, 404, 404, 404, null, null],
      otherOrg: NOT_FOUND,
    },
  },
  exportRegistrationForm: {
    object: 'cyclePerson:published',
    expect: {
      own: [401, 404, 200, 200, 200, 404, 404],
      subtree: [401, 200, 404, 404, null, 200, 200],
      sibling: [401, null, 404, 404, 404, null, null],
      otherOrg: NOT_FOUND,
    },
  },
  exportRegistrationForms: {
    object: 'cycle:published',
    expect: { inOrg: READERS(200), otherOrg: ONLY(['tier1', 'assessor', 'admin'], 404) },
  },
  listAmendments: {
    object: 'cycle:published',
    expect: { inOrg: READERS(200), otherOrg: ONLY(['tier1', 'assessor', 'admin'], 404) },
  },
  createAmendment: {
    object: 'cycle:published',
    body: (c) => ({
      personId: c.personId('staff'),
      field: 'scoreBusiness',
      newValue: 88,
      reason: '矩阵测试更正',
    }),
    expect: { inOrg: TIER1(201), otherOrg: ONLY(['tier1'], 404) },
  },
  listMyResults: { object: 'none', expect: { none: ALL(200) } },

  // ─── organisation administration ────────────────────────────────────────────────────────────
  listUnits: { object: 'none', expect: { none: ALL(200) } },
  createUnit: {
    object: 'none',
    body: (c) => ({ name: `矩阵科${c.unique()}`, kind: 'SECTION' }),
    expect: { none: ADMIN(201) },
  },
  updateUnit: {
    object: 'unit',
    fresh: true,
    body: (c) => ({ name: `改名科${c.unique()}` }),
    expect: { inOrg: ADMIN(200), otherOrg: ONLY(['admin'], 404) },
  },
  archiveUnit: { object: 'unit', fresh: true, expect: { inOrg: ADMIN(200), otherOrg: ONLY(['admin'], 404) } },
  deleteUnit: { object: 'unit', fresh: true, expect: { inOrg: ADMIN(204), otherOrg: ONLY(['admin'], 404) } },
  listPeople: { object: 'none', expect: { none: ALL(200) } },
  createPerson: {
    object: 'none',
    body: (c) => ({ employeeNo: `M-${c.unique()}`, name: '矩阵人员' }),
    expect: { none: ADMIN(201) },
  },
  updatePerson: {
    object: 'orgPerson',
    fresh: true,
    body: () => ({ name: '改名人员' }),
    expect: { inOrg: ADMIN(200), otherOrg: ONLY(['admin'], 404) },
  },
  archivePerson: {
    object: 'orgPerson',
    fresh: true,
    expect: { inOrg: ADMIN(200), otherOrg: ONLY(['admin'], 404) },
  },
  deletePerson: {
    object: 'orgPerson',
    fresh: true,
    expect: { inOrg: ADMIN(204), otherOrg: ONLY(['admin'], 404) },
  },
  listPosts: { object: 'none', expect: { none: ALL(200) } },
  createPost: {
    object: 'none',
    body: (c) => ({
      code: `M-${c.unique()}`,
      title: '矩阵岗位',
      tier: 4,
      unitId: c.unitId('sectionA'),
      lines: ['ADMINISTRATIVE'],
      adminSuperiorId: c.postId('chief'),
    }),
    expect: { none: ADMIN(201) },
  },
  updatePost: {
    object: 'post',
    fresh: true,
    body: () => ({ title: '改名岗位' }),
    expect: { inOrg: ADMIN(200), otherOrg: ONLY(['admin'], 404) },
  },
  archivePost: { object: 'post', fresh: true, expect: { inOrg: ADMIN(200), otherOrg: ONLY(['admin'], 404) } },
  deletePost: { object: 'post', fresh: true, expect: { inOrg: ADMIN(204), otherOrg: ONLY(['admin'], 404) } },
  createHolding: {
    object: 'none',
    body: async (c) => ({ personId: await c.freshPerson(), postId: await c.freshPost() }),
    expect: { none: ADMIN(201) },
  },
  endHolding: {
    object: 'holding',
    fresh: true,
    body: () => ({}),
    expect: { inOrg: ADMIN(200), otherOrg: ONLY(['admin'], 404) },
  },

  // ─── dashboards ─────────────────────────────────────────────────────────────────────────────
  getBureauDashboard: { object: 'none', expect: { none: LEADS(200) } },
  getSupervisorDashboard: {
    object: 'tier2Post',
    expect: {
      inOrg: ONLY(['tier1', 'tier2', 'admin'], 200),
      sibling: LEADS(200),
      otherOrg: NOT_FOUND,
    },
  },
  getSectionDashboard: {
    object: 'tier3Post',
    expect: {
      inOrg: ONLY(['tier1', 'tier2', 'tier3', 'admin'], 200),
      sibling: ONLY(['tier1', 'tier2', 'admin'], 200),
      otherOrg: NOT_FOUND,
    },
  },
  getPersonalDashboard: { object: 'none', expect: { none: ALL(200) } },
  getAssessorDashboard: { object: 'none', expect: { none: ASSESSOR(200) } },

  // ─── supervision (督导) ─────────────────────────────────────────────────────────────────────
  listInspectionPlans: { object: 'none', expect: { none: READERS(200) } },
  createInspectionPlan: { object: 'none', body: PLAN, expect: { none: PLAN_MANAGERS(201) } },
  getInspectionPlan: {
    object: 'plan',
    expect: { inOrg: READERS(200), otherOrg: ONLY(['tier1', 'assessor', 'admin'], 404) },
  },
  updateInspectionPlan: {
    object: 'plan',
    fresh: true,
    body: (c) => ({ ...PLAN(c), version: 1 }),
    expect: { inOrg: PLAN_MANAGERS(200), otherOrg: ONLY(['assessor', 'admin'], 404) },
  },
  archiveInspectionPlan: {
    object: 'plan',
    fresh: true,
    expect: { inOrg: PLAN_MANAGERS(204), otherOrg: ONLY(['assessor', 'admin'], 404) },
  },
  listDueInspections: { object: 'none', expect: { none: READERS(200) } },
  recordInspection: {
    object: 'none',
    body: async (c) => {
      const plan = await c.freshPlan();
      return {
        planId: plan.id,
        unitId: plan.unitId,
        inspectedOn: c.today,
        items: plan.itemIds.map((itemId) => ({ itemId, outcome: 'PASS' })),
      };
    },
    // Admin manages plans but does not inspect.
    expect: { none: ASSESSOR(201) },
  },
  listInspections: { object: 'none', expect: { none: READERS(200) } },
  getInspection: {
    object: 'inspection',
    // The report is for the supervision readers; below tier 1 it is 404 (they see findings only).
    expect: { inOrg: ONLY(['tier1', 'assessor', 'admin'], 200, 404), otherOrg: NOT_FOUND },
  },
  listFindings: { object: 'none', expect: { none: ALL(200) } },
  getSupervisionBoard: { object: 'none', expect: { none: READERS(200) } },
  getFinding: { object: 'finding', expect: READ_FINDING },
  rectifyFinding: {
    object: 'finding',
    fresh: true,
    body: () => ({ note: '矩阵测试整改', version: 1 }),
    expect: {
      own: [401, 200, 200, 200, 200, null, null],
      subtree: [401, 403, 403, 403, null, 403, 403],
      sibling: [401, null, 404, 404, 404, null, null],
      otherOrg: NOT_FOUND,
    },
  },
  reinspectFinding: {
    object: 'finding:rectified',
    fresh: true,
    body: () => ({ decision: 'CLOSE', note: '矩阵测试复查', version: 2 }),
    expect: {
      own: [401, 403, 403, 403, 403, null, null],
      subtree: [401, 403, 403, 403, null, 200, 403],
      sibling: [401, null, 404, 404, 404, null, null],
      otherOrg: NOT_FOUND,
    },
  },
  downloadFindingEvidence: { object: 'finding', expect: READ_FINDING },
  runEscalations: { object: 'none', expect: { none: READERS(200) } },
  listMySupervisionTasks: { object: 'none', expect: { none: ALL(200) } },
  acceptProposedDeduction: {
    object: 'cycle:proposal',
    fresh: true,
    body: (c) => ({ proposalId: c.params.proposalId }),
    expect: { inOrg: ASSESSOR(201), otherOrg: ONLY(['assessor'], 404) },
  },

  // ─── spreadsheets: templates, imports (admin; the target book also tier 1), exports ──────────
  downloadRosterTemplate: { object: 'none', expect: { none: ALL(200) } },
  previewRosterImport: { object: 'none', upload: EMPTY_ROSTER, expect: { none: ADMIN(200) } },
  importRoster: { object: 'none', upload: EMPTY_ROSTER, expect: { none: ADMIN(200) } },
  downloadTargetTemplate: { object: 'none', expect: { none: ALL(200) } },
  previewTargetImport: { object: 'none', upload: EMPTY_TARGET_BOOK, expect: { none: LEADS(200) } },
  importTargets: { object: 'none', upload: EMPTY_TARGET_BOOK, expect: { none: LEADS(200) } },
  exportRoster: { object: 'none', expect: { none: ALL(200) } },
  exportTargets: { object: 'none', query: '?year=2026', expect: { none: ALL(200) } },
};
