// Spreadsheets in and out, through HTTP against the real app and Postgres: templates, the demo
// bureau exported and imported into an empty organisation (reproduced field by field), re-imports
// that change nothing, every kind of row error listed at once with nothing written, hostile files
// refused, and the 10,000-row import timed (docs/performance.md "Spreadsheet import").
import type { ImportPreview, ImportResult } from '@zeren/contracts';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ORG_CODE, DEMO_PASSWORD, DEMO_YEAR, seedDemo } from '../../../prisma/seed/demo';
import { useHarness } from './support/harness';
import {
  ByteClient,
  buildWorkbook,
  buildZip,
  createEmptyOrganisation,
  readRows,
} from './support/spreadsheet-fixtures';

const h = useHarness();
const report = (line: string) => process.stdout.write(`${line}\n`);

/** Every row of an organisation's tables that have an organisationId, as one checksum per table. */
async function snapshot(organisationId: string): Promise<Record<string, string>> {
  const tables = await h.db.$queryRaw<{ table_name: string }[]>`
    SELECT table_name::text AS table_name FROM information_schema.columns
     WHERE table_schema = current_schema() AND column_name = 'organisationId' ORDER BY table_name`;
  const result: Record<string, string> = {};
  for (const { table_name: t } of tables) {
    const [row] = await h.db.$queryRawUnsafe<{ s: string }[]>(
      `SELECT count(*)::text || ':' || md5(coalesce(string_agg(r::text, E'\\n' ORDER BY r::text), '')) AS s
         FROM "${t}" r WHERE r."organisationId" = $1::uuid`,
      organisationId,
    );
    result[t] = row!.s;
  }
  return result;
}

/** The organisation's roster and target book by natural keys, for a field-by-field comparison. */
async function describeOrganisation(organisationId: string, year: number, ignorePersonIds: string[] = []) {
  const [units, people, posts, holdings, targets] = await Promise.all([
    h.db.orgUnit.findMany({ where: { organisationId, archivedAt: null } }),
    h.db.person.findMany({ where: { organisationId, archivedAt: null, id: { notIn: ignorePersonIds } } }),
    h.db.post.findMany({ where: { organisationId, archivedAt: null } }),
    h.db.holding.findMany({ where: { organisationId, endedOn: null } }),
    h.db.target.findMany({ where: { organisationId, year, status: 'ACTIVE' } }),
  ]);
  const unitName = new Map(units.map((u) => [u.id, u.name]));
  const postCode = new Map(posts.map((p) => [p.id, p.code]));
  const employeeNo = new Map(people.map((p) => [p.id, p.employeeNo]));
  const targetById = new Map(targets.map((t) => [t.id, t]));
  // A target's identity across organisations: the path of (owner post code, title) from its root.
  const pathOf = (id: string | null): string => {
    const parts: string[] = [];
    for (
      let t = id ? targetById.get(id) : undefined;
      t;
      t = t.parentId ? targetById.get(t.parentId) : undefined
    ) {
      parts.unshift(`${t.ownerPostId ? postCode.get(t.ownerPostId) : '-'}:${t.category}:${t.title}`);
    }
    return parts.join(' / ');
  };
  const sorted = <T>(rows: T[], key: (r: T) => string) => rows.sort((a, b) => key(a).localeCompare(key(b)));
  return {
    units: sorted(
      units.map((u) => ({
        name: u.name,
        kind: u.kind,
        parent: u.parentId ? unitName.get(u.parentId) : null,
        sortOrder: u.sortOrder,
      })),
      (u) => u.name,
    ),
    people: sorted(
      people.map((p) => ({
        employeeNo: p.employeeNo,
        name: p.name,
        gender: p.gender,
        isPartyMember: p.isPartyMember,
      })),
      (p) => p.employeeNo,
    ),
    posts: sorted(
      posts.map((p) => ({
        code: p.code,
        title: p.title,
        unit: unitName.get(p.unitId),
        tier: p.tier,
        lines: [...p.lines].sort(),
        adminSuperior: p.adminSuperiorId ? postCode.get(p.adminSuperiorId) : null,
        partySuperior: p.partySuperiorId ? postCode.get(p.partySuperiorId) : null,
        sortOrder: p.sortOrder,
      })),
      (p) => p.code,
    ),
    holdings: sorted(
      holdings
        .filter((x) => employeeNo.has(x.personId))
        .map((x) => ({
          person: employeeNo.get(x.personId),
          post: postCode.get(x.postId),
          isPrimary: x.isPrimary,
          startedOn: x.startedOn.toISOString().slice(0, 10),
        })),
      (x) => `${x.person}/${x.post}`,
    ),
    targets: sorted(
      targets.map((t) => ({
        path: pathOf(t.id),
        parent: pathOf(t.parentId),
        owner: t.ownerPostId ? postCode.get(t.ownerPostId) : null,
        year: t.year,
        category: t.category,
        line: t.line,
        title: t.title,
        description: t.description,
        weight: t.weight.toString(),
        measureKind: t.measureKind,
        measureUnit: t.measureUnit,
        baseline: t.baseline.toString(),
        goal: t.goal.toString(),
        dueDate: t.dueDate.toISOString().slice(0, 10),
      })),
      (t) => t.path,
    ),
  };
}

const summaryOf = (body: unknown) =>
  Object.fromEntries(
    (body as ImportPreview | ImportResult).summary.map((c) => [c.kind, [c.create, c.update, c.unchanged]]),
  );

describe('the demo bureau: export, import into an empty organisation, export again', () => {
  let demoAdmin: ByteClient;
  let demoOrgId: string;

  beforeAll(async () => {
    await seedDemo(h.db);
    demoOrgId = (await h.db.organisation.findUniqueOrThrow({ where: { code: DEMO_ORG_CODE } })).id;
    demoAdmin = await new ByteClient(h.baseUrl).login('admin', DEMO_PASSWORD);
  }, 120_000);

  it(
    'reproduces units, people, posts, holdings, both reporting lines and the target tree exactly',
    { timeout: 120_000 },
    async () => {
      const roster = await demoAdmin.get('/api/exports/roster.xlsx');
      expect(roster.status).toBe(200);
      expect(roster.headers.get('content-type')).toContain('spreadsheetml');
      const book = await demoAdmin.get(`/api/exports/targets.xlsx?year=${DEMO_YEAR}`);
      expect(book.status).toBe(200);

      // Re-importing the demo's own export into the demo changes nothing (matched by natural keys and ids).
      const before = await snapshot(demoOrgId);
      for (const [path, bytes] of [
        ['/api/imports/roster', roster.bytes],
        ['/api/imports/targets', book.bytes],
      ] as const) {
        const preview = await demoAdmin.upload(`${path}/preview`, bytes);
        expect(preview.status, JSON.stringify(preview.json).slice(0, 2000)).toBe(200);
        const p = preview.json as ImportPreview;
        expect(p.errorCount, JSON.stringify(p.issues.slice(0, 5))).toBe(0);
        for (const c of p.summary) expect([c.kind, c.create, c.update]).toEqual([c.kind, 0, 0]);
        const committed = await demoAdmin.upload(path, bytes);
        expect(committed.status).toBe(200);
      }
      expect(await snapshot(demoOrgId)).toEqual(before);

      // Into an empty organisation.
      const empty = await createEmptyOrganisation(h.db);
      const admin = await new ByteClient(h.baseUrl).login(empty.username);
      const rosterPreview = await admin.upload('/api/imports/roster/preview', roster.bytes);
      expect(rosterPreview.status).toBe(200);
      expect((rosterPreview.json as ImportPreview).errorCount).toBe(0);
      const rosterImport = await admin.upload('/api/imports/roster', roster.bytes);
      expect(rosterImport.status, JSON.stringify(rosterImport.json).slice(0, 1000)).toBe(200);
      const bookPreview = await admin.upload('/api/imports/targets/preview', book.bytes);
      expect(bookPreview.status).toBe(200);
      const bp = bookPreview.json as ImportPreview;
      expect(bp.errorCount, JSON.stringify(bp.issues.slice(0, 5))).toBe(0);
      // The demo's deliberate gaps come through as warnings: children weighted 90, a target nobody owns.
      expect(bp.issues.map((i) => i.code).sort()).toEqual(['REQUIRED', 'WEIGHTS_NOT_100']);
      const bookImport = await admin.upload('/api/imports/targets', book.bytes);
      expect(bookImport.status, JSON.stringify(bookImport.json).slice(0, 1000)).toBe(200);
      report(
        `demo round trip: roster ${JSON.stringify(summaryOf(rosterImport.json))}, targets ${JSON.stringify(summaryOf(bookImport.json))}`,
      );

      const source = await describeOrganisation(demoOrgId, DEMO_YEAR);
      const copy = await describeOrganisation(empty.organisationId, DEMO_YEAR, [empty.adminPersonId]);
      expect(copy.units).toEqual(source.units);
      expect(copy.people).toEqual(source.people);
      expect(copy.posts).toEqual(source.posts);
      expect(copy.holdings).toEqual(source.holdings);
      expect(copy.targets).toEqual(source.targets);
      expect(source.targets.length).toBeGreaterThan(100);

      // The copy's exports equal the demo's, cell for cell (ids aside).
      const roster2 = await admin.get('/api/exports/roster.xlsx');
      for (const sheet of ['部门', '人员', '岗位', '任职']) {
        // The copy has one more person: the administrator who imported it.
        const rows = (await readRows(roster2.bytes, sheet)).filter((r) => !String(r[0]).startsWith('ADM-'));
        expect(rows).toEqual(await readRows(roster.bytes, sheet));
      }
      const book2 = await admin.get(`/api/exports/targets.xlsx?year=${DEMO_YEAR}`);
      const withoutIds = async (bytes: Buffer) =>
        (await readRows(bytes, '目标')).slice(1).map((row) => [row.slice(2, 15)].flat());
      const sortRows = (rows: unknown[][]) => rows.map((r) => JSON.stringify(r)).sort();
      expect(sortRows(await withoutIds(book2.bytes))).toEqual(sortRows(await withoutIds(book.bytes)));

      // Importing the same files again into the copy changes nothing at all (no audit entry either).
      const copyBefore = await snapshot(empty.organisationId);
      for (const [path, bytes] of [
        ['/api/imports/roster', roster.bytes],
        ['/api/imports/targets', book.bytes],
      ] as const) {
        const again = await admin.upload(path, bytes);
        expect(again.status).toBe(200);
        for (const c of (again.json as ImportResult).summary) expect([c.create, c.update]).toEqual([0, 0]);
      }
      expect(await snapshot(empty.organisationId)).toEqual(copyBefore);
    },
  );
});

// ─── a small organisation built by import, then files with every kind of error ─────────────────
const ROSTER_HEADERS = {
  部门: ['部门名称', '部门类型', '上级部门', '排序'],
  人员: ['工号', '姓名', '性别', '是否党员'],
  岗位: [
    '岗位编码',
    '岗位名称',
    '所属部门',
    '责任层级',
    '所属主线',
    '行政线上级岗位编码',
    '党群线上级岗位编码',
    '排序',
  ],
  任职: ['工号', '姓名', '岗位编码', '岗位名称', '是否主岗', '任职日期'],
} as const;
const BOOK_HEADERS = [
  '目标编号',
  '上级目标编号',
  '年度',
  '目标类别',
  '主线',
  '目标名称',
  '目标说明',
  '责任岗位编码',
  '责任岗位',
  '权重',
  '计量方式',
  '计量单位',
  '基准值',
  '目标值',
  '完成时限',
];
const BASE_ROSTER = {
  部门: [
    ROSTER_HEADERS.部门,
    ['局领导', '局领导', '', 1],
    ['医政科', '科室', '', 2],
    ['机关党支部', '党支部', '', 3],
  ],
  人员: [
    ROSTER_HEADERS.人员,
    ['P001', '张局长', '男', '是'],
    ['P002', '李副局长', '女', '是'],
    ['P003', '王科长', '男', '否'],
    ['0004', '赵科员', '女', '是'],
  ],
  岗位: [
    ROSTER_HEADERS.岗位,
    ['LD-1', '局长', '局领导', 1, '行政线、党群线', '', '', 1],
    ['LD-2', '副局长', '局领导', 2, '行政线、党群线', 'LD-1', 'LD-1', 2],
    ['YZ-1', '医政科科长', '医政科', 3, '行政线', 'LD-2', '', 3],
    ['YZ-2', '医政科科员', '医政科', 4, '行政线、党群线', 'YZ-1', 'LD-2', 4],
  ],
  任职: [
    ROSTER_HEADERS.任职,
    ['P001', '张局长', 'LD-1', '局长', '是', new Date('2020-01-01T00:00:00Z')],
    ['P002', '', 'LD-2', '', '是', '2021-03-01'],
    ['P003', '', 'YZ-1', '', '是', '2022/5/6'],
    ['0004', '', 'YZ-2', '', '是', ''],
  ],
};
const BASE_BOOK = {
  目标: [
    BOOK_HEADERS,
    [
      'T1',
      '',
      2026,
      '业务工作',
      '行政线',
      '医疗质量总目标',
      '',
      'LD-1',
      '',
      100,
      '百分比',
      '',
      0,
      100,
      '2026-12-31',
    ],
    [
      'T2',
      'T1',
      2026,
      '业务工作',
      '行政线',
      '分管医疗质量',
      '',
      'LD-2',
      '',
      100,
      '百分比',
      '',
      0,
      100,
      '2026-12-31',
    ],
    [
      'T3',
      'T2',
      2026,
      '业务工作',
      '行政线',
      '医疗机构检查',
      '每季度一次',
      'YZ-1',
      '',
      100,
      '数值',
      '次',
      0,
      4,
      new Date('2026-12-31T00:00:00Z'),
    ],
  ],
};

describe('imports of a small organisation', () => {
  let admin: ByteClient;
  let organisationId: string;

  beforeAll(async () => {
    const empty = await createEmptyOrganisation(h.db);
    organisationId = empty.organisationId;
    admin = await new ByteClient(h.baseUrl).login(empty.username);
    const roster = await admin.upload('/api/imports/roster', await buildWorkbook(BASE_ROSTER));
    expect(roster.status, JSON.stringify(roster.json)).toBe(200);
    const book = await admin.upload('/api/imports/targets', await buildWorkbook(BASE_BOOK));
    expect(book.status, JSON.stringify(book.json)).toBe(200);
  }, 60_000);

  it('imports typed text, dates and a 工号 with a leading zero; a second import changes nothing', async () => {
    const zero = await h.db.person.findFirstOrThrow({ where: { organisationId, employeeNo: '0004' } });
    expect(zero.name).toBe('赵科员');
    const post = await h.db.post.findFirstOrThrow({ where: { organisationId, code: 'YZ-2' } });
    expect([...post.lines].sort()).toEqual(['ADMINISTRATIVE', 'PARTY']);
    const holdings = await h.db.holding.findMany({ where: { organisationId }, include: { post: true } });
    const started = Object.fromEntries(
      holdings.map((x) => [x.post.code, x.startedOn.toISOString().slice(0, 10)]),
    );
    expect(started).toMatchObject({ 'LD-1': '2020-01-01', 'LD-2': '2021-03-01', 'YZ-1': '2022-05-06' });
    const target = await h.db.target.findFirstOrThrow({ where: { organisationId, title: '医疗机构检查' } });
    expect([target.measureKind, target.measureUnit, target.goal.toString(), target.description]).toEqual([
      'NUMBER',
      '次',
      '4',
      '每季度一次',
    ]);
    const audit = await h.db.auditEntry.count({
      where: { organisationId, action: { startsWith: 'target.' } },
    });
    expect(audit).toBe(3);

    const before = await snapshot(organisationId);
    const again = await admin.upload('/api/imports/targets', await buildWorkbook(BASE_BOOK));
    expect(summaryOf(again.json)).toEqual({ targets: [0, 0, 3] });
    expect(await snapshot(organisationId)).toEqual(before);
  });

  it('updates what changed, matched by natural keys, and records the changes in the audit log', async () => {
    const changed = structuredClone(BASE_ROSTER) as typeof BASE_ROSTER;
    (changed.人员[3] as unknown[])[1] = '王科长（改）';
    (changed.部门[2] as unknown[])[3] = 9; // 医政科's sort order
    (changed.岗位[4] as unknown[])[1] = '医政科科员（主办）'; // YZ-2's title
    (changed.岗位[4] as unknown[])[6] = 'LD-1'; // YZ-2's party superior
    (changed.任职[2] as unknown[])[5] = '2021-04-01'; // P002's start on LD-2
    const res = await admin.upload('/api/imports/roster', await buildWorkbook(changed));
    expect(res.status).toBe(200);
    expect(summaryOf(res.json)).toEqual({
      units: [0, 1, 2],
      people: [0, 1, 3],
      posts: [0, 1, 3],
      holdings: [0, 1, 3],
    });
    const person = await h.db.person.findFirstOrThrow({ where: { organisationId, employeeNo: 'P003' } });
    expect(person.name).toBe('王科长（改）');
    const post = await h.db.post.findFirstOrThrow({
      where: { organisationId, code: 'YZ-2' },
      include: { partySuperior: true },
    });
    expect([post.title, post.partySuperior?.code]).toEqual(['医政科科员（主办）', 'LD-1']);
    expect(
      (await h.db.orgUnit.findFirstOrThrow({ where: { organisationId, name: '医政科' } })).sortOrder,
    ).toBe(9);
    const holding = await h.db.holding.findFirstOrThrow({
      where: { organisationId, post: { code: 'LD-2' } },
    });
    expect(holding.startedOn.toISOString().slice(0, 10)).toBe('2021-04-01');
    const updates = ['unit.update', 'post.update', 'holding.update'];
    expect(await h.db.auditEntry.count({ where: { organisationId, action: { in: updates } } })).toBe(3);
    const entry = await h.db.auditEntry.findFirstOrThrow({
      where: { organisationId, action: 'person.update' },
    });
    expect(entry.entityId).toBe(person.id);
    expect(await h.db.auditEntry.count({ where: { organisationId, action: 'import.roster' } })).toBe(2);
    // The bulk-appended entries continue the organisation's hash chain.
    const verify = await admin.get('/api/audit/verify');
    expect(verify.json).toMatchObject({ isIntact: true });
    expect((verify.json as { checked: number }).checked).toBeGreaterThan(15);
    const [created] = await h.db.$queryRaw<{ isNull: boolean }[]>`
      SELECT "before" IS NULL AS "isNull" FROM "AuditEntry"
       WHERE "organisationId" = ${organisationId}::uuid AND "action" = 'person.create' LIMIT 1`;
    expect(created?.isNull).toBe(true);
  });

  it('updates a target from its exported row (by id: renamed, re-measured), rolling up', async () => {
    const exported = await admin.get('/api/exports/targets.xlsx?year=2026');
    const ExcelJS = (await import('exceljs')).default;
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(exported.bytes as never);
    const sheet = workbook.getWorksheet('目标')!;
    let edited = '';
    sheet.eachRow((r, n) => {
      if (n > 1 && r.getCell(6).value === '医疗机构检查') {
        edited = String(r.getCell(1).value);
        r.getCell(6).value = '医疗机构监督检查';
        r.getCell(14).value = 8;
      }
    });
    const before = await h.db.target.findUniqueOrThrow({ where: { id: edited } });
    await h.db.target.update({ where: { id: edited }, data: { latestValue: 4, progress: 100 } });
    const res = await admin.upload('/api/imports/targets', Buffer.from(await workbook.xlsx.writeBuffer()));
    expect(res.status, JSON.stringify(res.json)).toBe(200);
    expect(summaryOf(res.json)).toEqual({ targets: [0, 1, 2] });
    const after = await h.db.target.findUniqueOrThrow({ where: { id: edited } });
    expect([after.title, after.goal.toString(), after.version]).toEqual([
      '医疗机构监督检查',
      '8',
      before.version + 1,
    ]);
    // The leaf is renormalised from its latest value (4 of 8 = 50 %) and its parents follow.
    expect(after.progress).toBe(50);
    const parent = await h.db.target.findUniqueOrThrow({ where: { id: after.parentId! } });
    expect(parent.progress).toBe(50);
    const entry = await h.db.auditEntry.findFirstOrThrow({
      where: { organisationId, action: 'target.update', entityId: edited },
    });
    expect(entry.after).toMatchObject({ title: '医疗机构监督检查', goal: 8, version: before.version + 1 });

    // And back again (the tests below know it by its first name).
    sheet.eachRow((r, n) => {
      if (n > 1 && r.getCell(1).value === edited) {
        r.getCell(6).value = '医疗机构检查';
        r.getCell(14).value = 4;
      }
    });
    const back = await admin.upload('/api/imports/targets', Buffer.from(await workbook.xlsx.writeBuffer()));
    expect(summaryOf(back.json)).toEqual({ targets: [0, 1, 2] });
    expect((await h.db.target.findUniqueOrThrow({ where: { id: edited } })).progress).toBe(100);
  });

  it('lists every roster error at once — sheet, row, column, Chinese message — and writes nothing', async () => {
    const bad = {
      部门: [
        ROSTER_HEADERS.部门,
        ['财务科', '科', '', 1], // INVALID_VALUE
        ['信息科', '科室', '不存在的部门', 2], // UNKNOWN_REFERENCE
        ['医政科', '科室', '', 2],
        ['医政科', '科室', '', 3], // DUPLICATE
        ['甲组', '党小组', '乙组', 0], // CYCLE
        ['乙组', '党小组', '甲组', 0], // CYCLE
      ],
      人员: [
        ROSTER_HEADERS.人员,
        ['P009', '', '男', '是'], // REQUIRED
        ['P010', '周某', '男', '也许'], // INVALID_VALUE
        ['P010', '吴某', '女', '否'], // DUPLICATE
      ],
      岗位: [
        ROSTER_HEADERS.岗位,
        ['X-1', '错层级', '医政科', 5, '行政线', 'LD-1', '', 0], // TIER_OUT_OF_RANGE
        ['X-2', '无部门', '不存在科', 4, '行政线', 'YZ-1', '', 0], // UNKNOWN_REFERENCE
        ['X-3', '上级层级低', '医政科', 2, '行政线', 'YZ-1', '', 0], // REPORTING
        ['X-4', '循环甲', '医政科', 3, '行政线', 'X-5', '', 0], // REPORTING + CYCLE
        ['X-5', '循环乙', '医政科', 3, '行政线', 'X-4', '', 0],
        ['X 6', '编码有空格', '医政科', 4, '行政线', 'YZ-1', '', 0], // INVALID_VALUE
      ],
      任职: [
        ROSTER_HEADERS.任职,
        ['P001', '', 'YZ-2', '', '否', '2026-02-30'], // BAD_DATE
        ['P404', '', 'YZ-2', '', '否', ''], // UNKNOWN_REFERENCE
        ['P002', '', 'YZ-1', '', { formula: 'IF(1,"是","否")', result: '是' }, ''], // FORMULA
      ],
    };
    const bytes = await buildWorkbook(bad);
    const before = await snapshot(organisationId);
    const preview = await admin.upload('/api/imports/roster/preview', bytes);
    expect(preview.status).toBe(200);
    const p = preview.json as ImportPreview;
    expect(p.isValid).toBe(false);
    const found = new Set(p.issues.map((i) => `${i.sheet}:${i.cell}:${i.code}`));
    for (const expected of [
      '部门:B2:INVALID_VALUE',
      '部门:C3:UNKNOWN_REFERENCE',
      '部门:A5:DUPLICATE',
      '部门:C6:CYCLE',
      '部门:C7:CYCLE',
      '人员:B2:REQUIRED',
      '人员:D3:INVALID_VALUE',
      '人员:A4:DUPLICATE',
      '岗位:D2:TIER_OUT_OF_RANGE',
      '岗位:C3:UNKNOWN_REFERENCE',
      '岗位:F4:REPORTING',
      '岗位:F5:CYCLE',
      '岗位:A7:INVALID_VALUE',
      '任职:F2:BAD_DATE',
      '任职:A3:UNKNOWN_REFERENCE',
      '任职:E4:FORMULA',
    ])
      expect(found, `${expected} in ${[...found].join(' ')}`).toContain(expected);
    expect(p.errorCount).toBe(p.issues.filter((i) => i.severity === 'error').length);
    for (const issue of p.issues) expect(issue.message).toMatch(/[\u4e00-\u9fff]/);
    const formula = p.issues.find((i) => i.code === 'FORMULA')!;
    expect(formula).toMatchObject({ sheet: '任职', row: 4, column: '是否主岗', cell: 'E4' });
    expect(formula.message).toContain('E4');
    const tier = p.issues.find((i) => i.code === 'TIER_OUT_OF_RANGE')!;
    expect(tier.message).toContain('1–4');

    const commit = await admin.upload('/api/imports/roster', bytes);
    expect(commit.status).toBe(422);
    const error = (commit.json as { error: { code: string; message: string; details: ImportPreview } }).error;
    expect(error.code).toBe('UNPROCESSABLE_CONTENT');
    expect(error.message).toContain(`${p.errorCount} 处错误`);
    expect(error.details.issues).toEqual(p.issues);
    expect(await snapshot(organisationId)).toEqual(before);
  });

  it('lists every target book error at once and writes nothing', async () => {
    const [t1, t2, t3] = await Promise.all(
      ['医疗质量总目标', '分管医疗质量', '医疗机构检查'].map((title) =>
        h.db.target.findFirstOrThrow({ where: { organisationId, title } }),
      ),
    );
    // Two identical existing targets (as a careless decomposition might leave) and an archived one.
    const twin = {
      organisationId,
      parentId: t1!.id,
      ownerPostId: t2!.ownerPostId,
      year: 2026,
      category: 'BUSINESS' as const,
      line: 'ADMINISTRATIVE' as const,
      title: '重名目标',
      weight: 0,
      measureKind: 'PERCENTAGE' as const,
      goal: 100,
      dueDate: new Date('2026-12-31T00:00:00Z'),
    };
    await h.db.target.createMany({ data: [twin, twin] });
    const archived = await h.db.target.create({ data: { ...twin, title: '已归档目标', status: 'ARCHIVED' } });
    const row = (
      code: string,
      parent: string,
      title: string,
      owner: string,
      weight: unknown,
      extra: Partial<Record<number, unknown>> = {},
    ) => {
      const cells: unknown[] = [
        code,
        parent,
        2026,
        '业务工作',
        '行政线',
        title,
        '',
        owner,
        '',
        weight,
        '百分比',
        '',
        0,
        100,
        '2026-12-31',
      ];
      for (const [i, v] of Object.entries(extra)) cells[Number(i)] = v;
      return cells;
    };
    const bad = {
      目标: [
        BOOK_HEADERS,
        row('A1', t1!.id, '超权重一', 'LD-2', 60), // with T2 (100) and the twins: WEIGHTS_NOT_100 (error)
        row('A2', 'T9', '上级不存在', 'LD-2', 10), // UNKNOWN_REFERENCE
        row('A3', 'A4', '循环甲', 'LD-2', 10), // CYCLE
        row('A4', 'A3', '循环乙', 'LD-2', 10), // CYCLE
        row('A5', t1!.id, '越级承担', 'YZ-1', 10), // DECOMPOSITION (YZ-1 reports to LD-2, not LD-1)
        row('A6', '', '日期错', 'LD-1', 100, { 14: '明年' }), // BAD_DATE
        row('A6', '', '编号重复', 'LD-1', 100), // DUPLICATE
        row('A7', '', '类别错', 'LD-1', 100, { 3: '财务工作' }), // INVALID_VALUE
        row(t2!.id, t1!.id, '分管医疗质量', 'LD-2', 100, { 3: '机关管理' }), // IMMUTABLE
        row('A8', t1!.id, '重名目标', 'LD-2', 0), // AMBIGUOUS
        row('A9', archived.id, '归档下分解', 'YZ-1', 10), // ARCHIVED
        row('A10', '', '顶层无人', '', 100), // REQUIRED
        row('A11', '', '公式权重', 'LD-1', { formula: '50+50', result: 100 }), // FORMULA
        row('A12', t3!.id, '权重不足', '', 50), // warnings: no owner, weights 50
      ],
    };
    const bytes = await buildWorkbook(bad);
    const before = await snapshot(organisationId);
    const preview = await admin.upload('/api/imports/targets/preview', bytes);
    const p = preview.json as ImportPreview;
    const found = new Set(p.issues.map((i) => `${i.cell}:${i.code}:${i.severity}`));
    for (const expected of [
      'J2:WEIGHTS_NOT_100:error',
      'B3:UNKNOWN_REFERENCE:error',
      'B4:CYCLE:error',
      'B5:CYCLE:error',
      'H6:DECOMPOSITION:error',
      'O7:BAD_DATE:error',
      'A8:DUPLICATE:error',
      'D9:INVALID_VALUE:error',
      'D10:IMMUTABLE:error',
      'F11:AMBIGUOUS:error',
      'B12:ARCHIVED:error',
      'H13:REQUIRED:error',
      'J14:FORMULA:error',
      'H15:REQUIRED:warning',
      'J15:WEIGHTS_NOT_100:warning',
    ])
      expect(found, `${expected} in ${[...found].join(' ')}`).toContain(expected);
    expect(p.warningCount).toBe(2);
    const commit = await admin.upload('/api/imports/targets', bytes);
    expect(commit.status).toBe(422);
    expect((commit.json as { error: { details: ImportPreview } }).error.details.errorCount).toBe(
      p.errorCount,
    );
    expect(await snapshot(organisationId)).toEqual(before);
  });

  it('names a missing sheet and a missing column', async () => {
    const bytes = await buildWorkbook({
      部门: [['部门名称', '部门类型', '排序']],
      人员: [ROSTER_HEADERS.人员],
      岗位: [ROSTER_HEADERS.岗位],
    });
    const p = (await admin.upload('/api/imports/roster/preview', bytes)).json as ImportPreview;
    expect(p.issues.map((i) => [i.sheet, i.code, i.message])).toEqual([
      ['部门', 'MISSING_COLUMN', '工作表“部门”缺少列“上级部门”，请使用导入模板的表头'],
      ['任职', 'MISSING_SHEET', '缺少工作表“任职”，请使用导入模板'],
    ]);
  });

  it('refuses, safely and in Chinese, what is not a workbook, a zip bomb, and files over the limits', async () => {
    const before = await snapshot(organisationId);
    const expectRefusal = async (
      bytes: Uint8Array,
      status: number,
      message: RegExp,
      type?: string,
      paths = ['/api/imports/roster/preview', '/api/imports/targets'],
    ) => {
      for (const path of paths) {
        const res = await admin.upload(path, bytes, type);
        expect(res.status, `${path}: ${JSON.stringify(res.json)}`).toBe(status);
        expect((res.json as { error: { message: string } }).error.message).toMatch(message);
      }
    };
    await expectRefusal(Buffer.from('工号,姓名\nP001,张三\n'), 415, /不是有效的 Excel 工作簿/);
    await expectRefusal(
      Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]),
      415,
      /旧版 \.xls/,
    );
    await expectRefusal(
      buildZip([{ name: 'readme.txt', data: Buffer.from('hello') }]),
      415,
      /不是有效的 Excel 工作簿/,
    );
    await expectRefusal(await buildWorkbook(BASE_ROSTER), 415, /仅支持 Excel（xlsx）/, 'text/csv');
    // 60 MiB of zeros deflate to ~60 KiB: refused from the declared sizes before anything inflates.
    const zeros = Buffer.alloc(60 * 1024 * 1024);
    await expectRefusal(buildZip([{ name: 'xl/workbook.xml', data: zeros }]), 413, /解压后超过 50 MB/);
    // The same, lying about its size: inflating stops at the declared 1,000 bytes.
    await expectRefusal(
      buildZip([{ name: 'xl/workbook.xml', data: zeros, declaredSize: 1000 }]),
      413,
      /解压后超过 50 MB/,
    );
    await expectRefusal(
      Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(5 * 1024 * 1024 + 1)]),
      413,
      /不能超过 5 MB/,
    );
    const tooMany = await buildWorkbook({
      人员: [
        ROSTER_HEADERS.人员,
        ...Array.from({ length: 20_001 }, (_, i) => [`N${i}`, `人员${i}`, '', '否']),
      ],
    });
    await expectRefusal(tooMany, 413, /超过 20,000 行/, undefined, ['/api/imports/roster']);
    expect(await snapshot(organisationId)).toEqual(before);
  }, 60_000);

  it('exports targets filtered by unit, tier and category, within the reader’s scope', async () => {
    const unit = await h.db.orgUnit.findFirstOrThrow({ where: { organisationId, name: '医政科' } });
    const titles = async (query: string) =>
      (await readRows((await admin.get(`/api/exports/targets.xlsx?year=2026${query}`)).bytes, '目标'))
        .slice(1)
        .map((r) => r[5]);
    expect(await titles('')).toEqual(
      expect.arrayContaining(['医疗质量总目标', '分管医疗质量', '医疗机构检查']),
    );
    expect(await titles(`&unitId=${unit.id}`)).toEqual(['医疗机构检查']);
    expect(await titles('&tier=2')).toEqual(expect.arrayContaining(['分管医疗质量']));
    expect(await titles('&tier=2')).not.toContain('医疗质量总目标');
    expect(await titles('&category=MANAGEMENT')).toEqual([]);
    const header = (
      await readRows((await admin.get('/api/exports/targets.xlsx?year=2026')).bytes, '目标')
    )[0];
    expect(header?.slice(-3)).toEqual(['进度（%）', '最近更新', '状态']);
    expect((await admin.get(`/api/exports/targets.xlsx?unitId=${organisationId}`)).status).toBe(404);

    // The chief (YZ-1, tier 3) sees their own target and what is below, not the director's.
    const chiefPerson = await h.db.person.findFirstOrThrow({ where: { organisationId, employeeNo: 'P003' } });
    const username = `chief-${organisationId.slice(0, 8)}`;
    await h.db.userAccount.create({
      data: {
        organisationId,
        personId: chiefPerson.id,
        username,
        passwordHash: (await h.db.userAccount.findFirstOrThrow({ where: { organisationId } })).passwordHash,
      },
    });
    const chief = await new ByteClient(h.baseUrl).login(username);
    const rows = (
      await readRows((await chief.get('/api/exports/targets.xlsx?year=2026')).bytes, '目标')
    ).slice(1);
    expect(rows.map((r) => r[5])).toEqual(['医疗机构检查']);
    expect((await chief.upload('/api/imports/targets/preview', await buildWorkbook(BASE_BOOK))).status).toBe(
      403,
    );
  });
});

describe('templates', () => {
  it('are workbooks with a 说明 sheet, the import headers, frozen header rows and drop-down lists', async () => {
    const empty = await createEmptyOrganisation(h.db);
    const client = await new ByteClient(h.baseUrl).login(empty.username);
    const roster = await client.get('/api/imports/roster/template.xlsx');
    expect(roster.status).toBe(200);
    expect(decodeURIComponent(roster.headers.get('content-disposition') ?? '')).toContain(
      '花名册导入模板.xlsx',
    );
    const workbook = new (await import('exceljs')).default.Workbook();
    await workbook.xlsx.load(roster.bytes as never);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['说明', '部门', '人员', '岗位', '任职']);
    const posts = workbook.getWorksheet('岗位')!;
    expect((posts.getRow(1).values as unknown[]).slice(1)).toEqual([...ROSTER_HEADERS.岗位]);
    expect(posts.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(posts.getCell('D2').dataValidation).toMatchObject({ type: 'list', formulae: ['"1,2,3,4"'] });
    expect(posts.getCell('E2').dataValidation?.formulae).toEqual(['"行政线,党群线,行政线、党群线"']);
    const book = await client.get('/api/imports/targets/template.xlsx');
    expect((await readRows(book.bytes, '目标'))[0]).toEqual(BOOK_HEADERS);
    // The template, filled in, is the import format: an empty one imports as nothing.
    const res = await client.upload('/api/imports/roster/preview', roster.bytes);
    expect(res.json).toMatchObject({ isValid: true, rowCount: 0, errorCount: 0 });
  });
});

// ─── 10,000 rows: correctness and time (docs/performance.md "Spreadsheet import") ─────────────
/** n weights of 2 decimals summing to exactly 100. */
function split(n: number): number[] {
  const each = Math.floor(10_000 / n) / 100;
  return Array.from({ length: n }, (_, i) =>
    i === n - 1 ? Math.round((100 - each * (n - 1)) * 100) / 100 : each,
  );
}

describe('10,000 rows', () => {
  it(
    'imports a roster and a target book of 10,000 rows each, in one transaction each',
    { timeout: 180_000 },
    async () => {
      const DEPUTIES = 10;
      const SECTIONS = 99;
      const STAFF = 3224;
      const units: unknown[][] = [[...ROSTER_HEADERS.部门], ['局领导', '局领导', '', 0]];
      const people: unknown[][] = [[...ROSTER_HEADERS.人员]];
      const posts: unknown[][] = [[...ROSTER_HEADERS.岗位]];
      const holdings: unknown[][] = [[...ROSTER_HEADERS.任职]];
      const addPost = (
        code: string,
        title: string,
        unit: string,
        tier: number,
        lines: string,
        admin: string,
        party: string,
      ) => {
        posts.push([code, title, unit, tier, lines, admin, party, posts.length]);
        const no = `E${String(people.length).padStart(5, '0')}`;
        people.push([
          no,
          `人员${people.length}`,
          people.length % 2 ? '男' : '女',
          people.length % 3 ? '是' : '否',
        ]);
        holdings.push([no, '', code, '', '是', '2024-01-01']);
      };
      addPost('LD-1', '局长', '局领导', 1, '行政线、党群线', '', '');
      for (let d = 1; d <= DEPUTIES; d++)
        addPost(`D${d}`, `副局长${d}`, '局领导', 2, '行政线、党群线', 'LD-1', 'LD-1');
      const staffOf = new Map<string, string[]>();
      for (let s = 1; s <= SECTIONS; s++) {
        units.push([`科室${s}`, '科室', '', s]);
        addPost(`S${s}-KZ`, `科室${s}科长`, `科室${s}`, 3, '行政线', `D${(s % DEPUTIES) + 1}`, '');
        staffOf.set(`S${s}-KZ`, []);
      }
      for (let i = 0; i < STAFF; i++) {
        const chief = `S${(i % SECTIONS) + 1}-KZ`;
        const code = `${chief.slice(0, -3)}-${i}`;
        addPost(code, `科员${i}`, `科室${(i % SECTIONS) + 1}`, 4, '行政线', chief, '');
        staffOf.get(chief)!.push(code);
      }
      const rosterRows = units.length + people.length + posts.length + holdings.length - 4;

      const book: unknown[][] = [BOOK_HEADERS];
      const target = (code: string, parent: string, category: string, owner: string, weight: number) =>
        book.push([
          code,
          parent,
          2026,
          category,
          '行政线',
          `${category}目标 ${code}`,
          '',
          owner,
          '',
          weight,
          '百分比',
          '',
          0,
          100,
          '2026-12-31',
        ]);
      for (const category of ['思想政治工作', '业务工作', '机关管理']) {
        const root = `${category}-R`;
        target(root, '', category, 'LD-1', 100);
        const deputyWeights = split(DEPUTIES);
        for (let d = 1; d <= DEPUTIES; d++) {
          const deputyTarget = `${root}-D${d}`;
          target(deputyTarget, root, category, `D${d}`, deputyWeights[d - 1]!);
          const chiefs = [...staffOf.keys()].filter((_, s) => ((s + 1) % DEPUTIES) + 1 === d);
          const chiefWeights = split(chiefs.length);
          chiefs.forEach((chief, c) => {
            const chiefTarget = `${deputyTarget}-${chief}`;
            target(chiefTarget, deputyTarget, category, chief, chiefWeights[c]!);
            const staff = staffOf.get(chief)!;
            const staffWeights = split(staff.length);
            staff.forEach((code, k) =>
              target(`${chiefTarget}-${code}`, chiefTarget, category, code, staffWeights[k]!),
            );
          });
        }
      }
      const bookRows = book.length - 1;
      expect(rosterRows).toBeGreaterThanOrEqual(10_000);
      expect(bookRows).toBeGreaterThanOrEqual(10_000);

      const rosterBytes = await buildWorkbook({ 部门: units, 人员: people, 岗位: posts, 任职: holdings });
      const bookBytes = await buildWorkbook({ 目标: book });
      const empty = await createEmptyOrganisation(h.db);
      const admin = await new ByteClient(h.baseUrl).login(empty.username);

      const timed = async (path: string, bytes: Buffer) => {
        const started = performance.now();
        const res = await admin.upload(path, bytes);
        return { res, ms: Math.round(performance.now() - started) };
      };
      const previewRoster = await timed('/api/imports/roster/preview', rosterBytes);
      expect((previewRoster.res.json as ImportPreview).errorCount).toBe(0);
      const roster = await timed('/api/imports/roster', rosterBytes);
      expect(roster.res.status, JSON.stringify(roster.res.json).slice(0, 500)).toBe(200);
      expect(summaryOf(roster.res.json)).toEqual({
        units: [units.length - 1, 0, 0],
        people: [people.length - 1, 0, 0],
        posts: [posts.length - 1, 0, 0],
        holdings: [holdings.length - 1, 0, 0],
      });
      const previewBook = await timed('/api/imports/targets/preview', bookBytes);
      expect((previewBook.res.json as ImportPreview).errorCount).toBe(0);
      const targets = await timed('/api/imports/targets', bookBytes);
      expect(targets.res.status, JSON.stringify(targets.res.json).slice(0, 500)).toBe(200);
      expect(summaryOf(targets.res.json)).toEqual({ targets: [bookRows, 0, 0] });
      expect(await h.db.target.count({ where: { organisationId: empty.organisationId } })).toBe(bookRows);
      expect(
        await h.db.auditEntry.count({
          where: { organisationId: empty.organisationId, action: 'target.create' },
        }),
      ).toBe(bookRows);
      const again = await timed('/api/imports/targets', bookBytes);
      expect(summaryOf(again.res.json)).toEqual({ targets: [0, 0, bookRows] });

      report(
        `10k import: roster ${rosterRows} rows (${(rosterBytes.length / 1024).toFixed(0)} KiB) preview ${previewRoster.ms} ms, ` +
          `import ${roster.ms} ms (server ${(roster.res.json as ImportResult).durationMs} ms); ` +
          `target book ${bookRows} rows (${(bookBytes.length / 1024).toFixed(0)} KiB) preview ${previewBook.ms} ms, ` +
          `import ${targets.ms} ms (server ${(targets.res.json as ImportResult).durationMs} ms), ` +
          `re-import unchanged ${again.ms} ms`,
      );
    },
  );
});
