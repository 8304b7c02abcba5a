// Spreadsheets in and out (docs/architecture.md "Spreadsheets"): templates, exports in the import
// format, and imports that are previewed and committed statelessly — the commit re-reads and
// re-validates the same file inside its transaction and writes all of it, or answers 422 with every
// problem and writes nothing. Row rules are the domain's (packages/domain/src/spreadsheets).
import { createHash, randomUUID } from 'node:crypto';
import type {
  ImportCounts,
  ImportPreview,
  ImportResult,
  SpreadsheetKind,
  TargetExportQuery,
} from '@zeren/contracts';
import { SPREADSHEET_MAX_LISTED_ISSUES } from '@zeren/contracts';
import {
  LINES,
  LINE_LABELS,
  MEASURE_KIND_LABELS,
  ROSTER_SHEETS,
  TARGET_BOOK_SHEETS,
  TARGET_CATEGORY_LABELS,
  TARGETS_SHEET,
  UNIT_KIND_LABELS,
  codesOfTargetBook,
  elapsedShare,
  isAtRisk,
  sortIssues,
  validateRoster,
  validateTargetBook,
  yearsOfTargetBook,
  type ExistingRoster,
  type ExistingTargetBook,
  type ImportIssue,
  type RosterPlan,
  type TargetPlan,
  type Tier,
} from '@zeren/domain';
import type { Response } from 'express';
import type { Db } from '../../db/database';
import type { Tx } from '../../db/transaction';
import type { Actor } from '../../http/actor';
import { DomainError, forbidden, notFound } from '../../http/errors';
import type { Upload } from '../../http/route';
import { currentYear, fromDateOnly, startOfYear, toDateOnly } from '../../lib/dates';
import type { AccessService } from '../access/access.service';
import type { AuditInput, AuditService } from '../audit/audit.service';
import { isChainTriggerError } from '../org/org.service';
import { refreshRollUp } from '../targets/roll-up';
import type { TargetsRepository } from '../targets/targets.repository';
import { readWorkbook } from './workbook-reader';
import { excelDate, writeWorkbook, type WrittenValue } from './workbook-writer';
import type { SpreadsheetsRepository, TargetRowData } from './spreadsheets.repository';

/** An import may wait for another one of the same organisation, then has its own time to write. */
const TX_OPTIONS = { maxWait: 30_000, timeout: 60_000 } as const;
const CHINA_OFFSET_MS = 8 * 3_600_000;
const chinaDay = (at: Date) => new Date(at.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 10);

const LABELS = { units: '部门', people: '人员', posts: '岗位', holdings: '任职', targets: '目标' } as const;

type Audit = Omit<AuditInput, 'organisationId'>;

function counts(
  kind: keyof typeof LABELS,
  set: { create: unknown[]; update: unknown[]; unchanged: number },
): ImportCounts {
  return {
    kind,
    label: LABELS[kind],
    create: set.create.length,
    update: set.update.length,
    unchanged: set.unchanged,
  };
}

const rosterSummary = (plan: RosterPlan): ImportCounts[] => [
  counts('units', plan.units),
  counts('people', plan.people),
  counts('posts', plan.posts),
  // Updates the file implies for holdings it does not list (another primary cleared) count too.
  counts('holdings', plan.holdings),
];
const targetSummary = (plan: TargetPlan): ImportCounts[] => [counts('targets', plan)];

function toPreview(
  kind: SpreadsheetKind,
  rowCount: number,
  summary: ImportCounts[],
  issues: ImportIssue[],
): ImportPreview {
  const errorCount = issues.filter((i) => i.severity === 'error').length;
  return {
    kind,
    isValid: errorCount === 0,
    rowCount,
    summary,
    errorCount,
    warningCount: issues.length - errorCount,
    issues: issues.slice(0, SPREADSHEET_MAX_LISTED_ISSUES),
    isTruncated: issues.length > SPREADSHEET_MAX_LISTED_ISSUES,
  };
}

const refused = (preview: ImportPreview) =>
  new DomainError(
    'UNPROCESSABLE_CONTENT',
    `导入文件有 ${preview.errorCount} 处错误，未写入任何数据；请按列出的位置逐一修改后重新导入`,
    preview,
  );

const fileHash = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

export function createSpreadsheetsService(deps: {
  db: Db;
  repo: SpreadsheetsRepository;
  targetsRepo: TargetsRepository;
  access: AccessService;
  audit: AuditService;
  now?: () => Date;
}) {
  const { db, repo, targetsRepo, access, audit } = deps;
  const now = deps.now ?? (() => new Date());

  const assertMayImportRoster = (actor: Actor) => {
    if (!access.canAdministerOrganisation(actor)) throw forbidden('只有系统管理员可以导入花名册');
  };
  const assertMayImportTargets = (actor: Actor) => {
    if (!access.canCreateRootTarget(actor)) throw forbidden('只有一级责任人或系统管理员可以导入目标责任书');
  };

  /** One import at a time per organisation: the second waits, then validates what the first wrote. */
  const lockImports = (tx: Tx, organisationId: string) =>
    tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`import:${organisationId}`}, 0))`;

  // ─── the roster ─────────────────────────────────────────────────────────────────────────────
  async function loadRoster(organisationId: string, client: Tx | Db): Promise<ExistingRoster> {
    const [units, people, posts, holdings] = await Promise.all([
      repo.units(organisationId, client),
      repo.people(organisationId, client),
      repo.posts(organisationId, client),
      repo.holdings(organisationId, client),
    ]);
    const unitName = new Map(units.map((u) => [u.id, u.name]));
    const postCode = new Map(posts.map((p) => [p.id, p.code]));
    const employeeNo = new Map(people.map((p) => [p.id, p.employeeNo]));
    return {
      units: units.map((u) => ({
        id: u.id,
        name: u.name,
        kind: u.kind,
        parentName: u.parentId ? (unitName.get(u.parentId) ?? null) : null,
        sortOrder: u.sortOrder,
        isArchived: u.archivedAt !== null,
      })),
      people: people.map((p) => ({
        id: p.id,
        employeeNo: p.employeeNo,
        name: p.name,
        gender: p.gender,
        isPartyMember: p.isPartyMember,
        isArchived: p.archivedAt !== null,
      })),
      posts: posts.map((p) => ({
        id: p.id,
        code: p.code,
        title: p.title,
        unitName: unitName.get(p.unitId) ?? '',
        tier: p.tier as Tier,
        lines: LINES.filter((l) => p.lines.includes(l)),
        adminSuperiorCode: p.adminSuperiorId ? (postCode.get(p.adminSuperiorId) ?? null) : null,
        partySuperiorCode: p.partySuperiorId ? (postCode.get(p.partySuperiorId) ?? null) : null,
        sortOrder: p.sortOrder,
        isArchived: p.archivedAt !== null,
      })),
      holdings: holdings.map((h) => ({
        id: h.id,
        employeeNo: employeeNo.get(h.personId) ?? '',
        postCode: postCode.get(h.postId) ?? '',
        isPrimary: h.isPrimary,
        startedOn: toDateOnly(h.startedOn),
        endedOn: h.endedOn ? toDateOnly(h.endedOn) : null,
      })),
    };
  }

  async function checkRoster(upload: Upload, organisationId: string, client: Tx | Db) {
    const workbook = await readWorkbook(upload.bytes, ROSTER_SHEETS);
    const existing = await loadRoster(organisationId, client);
    const sheet = (name: string) => workbook.sheets.get(name);
    const validation = validateRoster(
      {
        units: sheet(ROSTER_SHEETS[0].name),
        people: sheet(ROSTER_SHEETS[1].name),
        posts: sheet(ROSTER_SHEETS[2].name),
        holdings: sheet(ROSTER_SHEETS[3].name),
      },
      existing,
      { today: chinaDay(now()) },
    );
    const issues = sortIssues(
      [...workbook.issues, ...validation.issues],
      ROSTER_SHEETS.map((s) => s.name),
    );
    return {
      validation,
      existing,
      preview: toPreview('roster', validation.rowCount, rosterSummary(validation.plan), issues),
    };
  }

  async function writeRoster(
    tx: Tx,
    actor: Actor,
    plan: RosterPlan,
    existing: ExistingRoster,
  ): Promise<Audit[]> {
    const org = actor.organisationId;
    const entries: Audit[] = [];
    const log = (action: string, entityType: string, entityId: string, before: unknown, after: unknown) =>
      entries.push({ actorUserId: actor.userId, action, entityType, entityId, before, after });

    // 部门: new ones get their ids now, so parents resolve without a round trip; parents first.
    const unitId = new Map(existing.units.map((u) => [u.name, u.id]));
    for (const { record } of plan.units.create) unitId.set(record.name, randomUUID());
    const unitRow = (r: (typeof plan.units.create)[number]['record']) => ({
      id: unitId.get(r.name)!,
      organisationId: org,
      name: r.name,
      kind: r.kind,
      parentId: r.parentName === null ? null : unitId.get(r.parentName)!,
      sortOrder: r.sortOrder,
    });
    const newUnitNames = new Set(plan.units.create.map((c) => c.record.name));
    const parentOfNew = new Map(plan.units.create.map((c) => [c.record.name, c.record.parentName]));
    const depth = (name: string): number => {
      let d = 0;
      for (
        let p = parentOfNew.get(name) ?? null;
        p !== null && newUnitNames.has(p);
        p = parentOfNew.get(p) ?? null
      )
        d++;
      return d;
    };
    const byDepth = new Map<number, ReturnType<typeof unitRow>[]>();
    for (const { record } of plan.units.create) {
      const d = depth(record.name);
      byDepth.set(d, [...(byDepth.get(d) ?? []), unitRow(record)]);
    }
    for (const d of [...byDepth.keys()].sort((a, b) => a - b)) {
      const rows = byDepth.get(d)!;
      await repo.createUnits(tx, rows);
      for (const row of rows) log('unit.create', 'OrgUnit', row.id, null, row);
    }
    for (const u of plan.units.update) {
      const after = unitRow(u.after);
      await repo.updateUnit(tx, org, u.id, {
        kind: after.kind,
        parentId: after.parentId,
        sortOrder: after.sortOrder,
      });
      log('unit.update', 'OrgUnit', u.id, { ...unitRow(u.before), id: u.id }, { ...after, id: u.id });
    }

    // 人员.
    const personId = new Map(existing.people.map((p) => [p.employeeNo, p.id]));
    const newPeople = plan.people.create.map(({ record }) => {
      const id = randomUUID();
      personId.set(record.employeeNo, id);
      return { id, organisationId: org, ...record };
    });
    await repo.createPeople(tx, newPeople);
    for (const p of newPeople) log('person.create', 'Person', p.id, null, p);
    for (const p of plan.people.update) {
      const { name, gender, isPartyMember } = p.after;
      await repo.updatePerson(tx, org, p.id, { name, gender, isPartyMember });
      log('person.update', 'Person', p.id, { id: p.id, ...p.before }, { id: p.id, ...p.after });
    }

    // 岗位: by tier, so every superior exists (and has its tier) before its subordinates are written.
    const postId = new Map(existing.posts.map((p) => [p.code, p.id]));
    for (const { record } of plan.posts.create) postId.set(record.code, randomUUID());
    const postRow = (r: (typeof plan.posts.create)[number]['record']) => ({
      id: postId.get(r.code)!,
      organisationId: org,
      code: r.code,
      title: r.title,
      unitId: unitId.get(r.unitName)!,
      tier: r.tier,
      lines: r.lines,
      adminSuperiorId: r.adminSuperiorCode === null ? null : postId.get(r.adminSuperiorCode)!,
      partySuperiorId: r.partySuperiorCode === null ? null : postId.get(r.partySuperiorCode)!,
      sortOrder: r.sortOrder,
    });
    try {
      for (const tier of [1, 2, 3, 4]) {
        const rows = plan.posts.create.filter((c) => c.record.tier === tier).map((c) => postRow(c.record));
        await repo.createPosts(tx, rows);
        for (const row of rows) log('post.create', 'Post', row.id, null, row);
        for (const p of plan.posts.update.filter((u) => u.after.tier === tier)) {
          const { id: _id, organisationId: _org, ...data } = postRow(p.after);
          await repo.updatePost(tx, org, p.id, data);
          log(
            'post.update',
            'Post',
            p.id,
            { ...postRow(p.before), id: p.id },
            { ...postRow(p.after), id: p.id },
          );
        }
      }
    } catch (error) {
      if (isChainTriggerError(error)) {
        throw new DomainError(
          'CONFLICT',
          '岗位层级调整的先后顺序冲突（下级岗位仍需先调整层级），未写入任何数据：请先导入只调整下级岗位层级的文件，再导入其余内容',
        );
      }
      throw error;
    }

    // 任职.
    const holdingRow = (r: (typeof plan.holdings.create)[number]['record']) => ({
      organisationId: org,
      personId: personId.get(r.employeeNo)!,
      postId: postId.get(r.postCode)!,
      isPrimary: r.isPrimary,
      startedOn: fromDateOnly(r.startedOn),
      endedOn: r.endedOn === null ? null : fromDateOnly(r.endedOn),
    });
    const newHoldings = plan.holdings.create.map(({ record }) => ({
      id: randomUUID(),
      ...holdingRow(record),
    }));
    await repo.createHoldings(tx, newHoldings);
    for (const h of newHoldings) log('holding.create', 'Holding', h.id, null, h);
    for (const h of plan.holdings.update) {
      const after = holdingRow(h.after);
      await repo.updateHolding(tx, org, h.id, {
        isPrimary: after.isPrimary,
        startedOn: after.startedOn,
        endedOn: after.endedOn,
      });
      log('holding.update', 'Holding', h.id, { id: h.id, ...holdingRow(h.before) }, { id: h.id, ...after });
    }
    return entries;
  }

  // ─── the target book ────────────────────────────────────────────────────────────────────────
  async function checkTargets(upload: Upload, organisationId: string, client: Tx | Db) {
    const workbook = await readWorkbook(upload.bytes, TARGET_BOOK_SHEETS);
    const raw = workbook.sheets.get(TARGETS_SHEET.name);
    const uuids = codesOfTargetBook(raw).filter((c) =>
      /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(c),
    );
    const [posts, targets] = await Promise.all([
      repo.posts(organisationId, client),
      repo.targetsFor(organisationId, yearsOfTargetBook(raw), uuids, client),
    ]);
    const postCode = new Map(posts.map((p) => [p.id, p.code]));
    const existing: ExistingTargetBook = {
      posts: posts.map((p) => ({
        code: p.code,
        title: p.title,
        tier: p.tier as Tier,
        lines: p.lines,
        adminSuperiorCode: p.adminSuperiorId ? (postCode.get(p.adminSuperiorId) ?? null) : null,
        partySuperiorCode: p.partySuperiorId ? (postCode.get(p.partySuperiorId) ?? null) : null,
        isArchived: p.archivedAt !== null,
      })),
      targets: targets.map((t) => ({
        id: t.id,
        parentId: t.parentId,
        ownerPostCode: t.ownerPostId ? (postCode.get(t.ownerPostId) ?? null) : null,
        year: t.year,
        category: t.category,
        line: t.line,
        title: t.title,
        description: t.description,
        weight: t.weight.toNumber(),
        measureKind: t.measureKind,
        measureUnit: t.measureUnit,
        baseline: t.baseline.toNumber(),
        goal: t.goal.toNumber(),
        dueDate: toDateOnly(t.dueDate),
        isArchived: t.status !== 'ACTIVE',
      })),
    };
    const validation = validateTargetBook(raw, existing);
    const issues = sortIssues([...workbook.issues, ...validation.issues], [TARGETS_SHEET.name]);
    const preview = toPreview('targets', validation.rowCount, targetSummary(validation.plan), issues);
    return { validation, preview, postId: new Map(posts.map((p) => [p.code, p.id])), targets };
  }

  async function writeTargets(
    tx: Tx,
    actor: Actor,
    plan: TargetPlan,
    postId: ReadonlyMap<string, string>,
    before: Awaited<ReturnType<typeof checkTargets>>['targets'],
  ): Promise<Audit[]> {
    const org = actor.organisationId;
    const newId = new Map(plan.create.map((c) => [c.key, randomUUID()]));
    const toRow = (
      id: string,
      parentId: string | null,
      r: TargetPlan['create'][number]['record'],
    ): TargetRowData => ({
      id,
      organisationId: org,
      parentId,
      ownerPostId: r.ownerPostCode === null ? null : postId.get(r.ownerPostCode)!,
      year: r.year,
      category: r.category,
      line: r.line,
      title: r.title,
      description: r.description,
      weight: r.weight,
      measureKind: r.measureKind,
      measureUnit: r.measureUnit,
      baseline: r.baseline,
      goal: r.goal,
      dueDate: fromDateOnly(r.dueDate),
    });
    const created = plan.create.map((c) =>
      toRow(
        newId.get(c.key)!,
        c.parent === null
          ? null
          : 'existingId' in c.parent
            ? c.parent.existingId
            : newId.get(c.parent.newKey)!,
        c.record,
      ),
    );
    const beforeById = new Map(before.map((t) => [t.id, t]));
    const updated = plan.update.map((u) => toRow(u.id, beforeById.get(u.id)!.parentId, u.after));

    // Roll-up locks on every existing tree the import touches, before any row changes.
    const touchedExisting = [
      ...new Set([
        ...plan.create.flatMap((c) =>
          c.parent !== null && 'existingId' in c.parent ? [c.parent.existingId] : [],
        ),
        ...updated.map((u) => u.id),
      ]),
    ];
    if (touchedExisting.length > 0) await targetsRepo.lockRoots(tx, org, touchedExisting);
    await repo.createTargets(tx, created);
    await repo.updateTargets(tx, org, updated);
    // New targets start at 0 and a new subtree is all 0: only existing parents that gained children
    // and the updated targets (weights, measures) move a figure.
    await refreshRollUp(targetsRepo, tx, org, touchedExisting);

    const snapshot = (row: TargetRowData, status: string, version: number) => ({
      title: row.title,
      description: row.description,
      weight: row.weight,
      measureKind: row.measureKind,
      measureUnit: row.measureUnit,
      baseline: row.baseline,
      goal: row.goal,
      dueDate: toDateOnly(row.dueDate),
      ownerPostId: row.ownerPostId,
      parentId: row.parentId,
      year: row.year,
      category: row.category,
      line: row.line,
      status,
      version,
    });
    const entries: Audit[] = created.map((row) => ({
      actorUserId: actor.userId,
      action: 'target.create',
      entityType: 'Target',
      entityId: row.id,
      before: null,
      after: snapshot(row, 'ACTIVE', 1),
    }));
    for (const u of plan.update) {
      const old = beforeById.get(u.id)!;
      entries.push({
        actorUserId: actor.userId,
        action: 'target.update',
        entityType: 'Target',
        entityId: u.id,
        before: snapshot(toRow(u.id, old.parentId, u.before), old.status, old.version),
        after: snapshot(toRow(u.id, old.parentId, u.after), 'ACTIVE', old.version + 1),
      });
    }
    return entries;
  }

  /** Runs an import: validate inside the transaction (under the import lock), then write or refuse. */
  async function runImport<C extends { preview: ImportPreview; validation: { rowCount: number } }>(
    actor: Actor,
    upload: Upload,
    kind: SpreadsheetKind,
    check: (client: Tx) => Promise<C>,
    write: (tx: Tx, checked: C) => Promise<Audit[]>,
  ): Promise<ImportResult> {
    const started = Date.now();
    const result = await db.$transaction(async (tx) => {
      await lockImports(tx, actor.organisationId);
      const checked = await check(tx);
      if (!checked.preview.isValid) throw refused(checked.preview);
      const entries = await write(tx, checked);
      // Nothing to change (the same file again): nothing is written, not even an audit entry.
      if (entries.length === 0) return checked;
      const summary = checked.preview.summary;
      entries.push({
        actorUserId: actor.userId,
        action: `import.${kind}`,
        entityType: 'Import',
        entityId: fileHash(upload.bytes),
        before: null,
        after: { kind, rowCount: checked.validation.rowCount, summary, sizeBytes: upload.bytes.length },
      });
      await audit.appendMany(tx, actor.organisationId, entries);
      return checked;
    }, TX_OPTIONS);
    return {
      kind,
      rowCount: result.validation.rowCount,
      summary: result.preview.summary,
      warningCount: result.preview.warningCount,
      durationMs: Date.now() - started,
    };
  }

  // ─── exports ────────────────────────────────────────────────────────────────────────────────
  async function rosterRows(organisationId: string) {
    const existing = await loadRoster(organisationId, db);
    const activePeople = new Map(existing.people.filter((p) => !p.isArchived).map((p) => [p.employeeNo, p]));
    const activePosts = new Map(existing.posts.filter((p) => !p.isArchived).map((p) => [p.code, p]));
    return {
      units: existing.units
        .filter((u) => !u.isArchived)
        .map((u) => ({
          name: u.name,
          kind: UNIT_KIND_LABELS[u.kind],
          parentName: u.parentName,
          sortOrder: u.sortOrder,
        })),
      people: [...activePeople.values()].map((p) => ({
        employeeNo: p.employeeNo,
        name: p.name,
        gender: p.gender,
        isPartyMember: p.isPartyMember ? '是' : '否',
      })),
      posts: [...activePosts.values()].map((p) => ({
        code: p.code,
        title: p.title,
        unitName: p.unitName,
        tier: p.tier,
        lines: p.lines.map((l) => LINE_LABELS[l]).join('、'),
        adminSuperiorCode: p.adminSuperiorCode,
        partySuperiorCode: p.partySuperiorCode,
        sortOrder: p.sortOrder,
      })),
      holdings: existing.holdings
        .filter((h) => h.endedOn === null && activePeople.has(h.employeeNo) && activePosts.has(h.postCode))
        .sort((a, b) => a.employeeNo.localeCompare(b.employeeNo) || Number(b.isPrimary) - Number(a.isPrimary))
        .map((h) => ({
          employeeNo: h.employeeNo,
          personName: activePeople.get(h.employeeNo)!.name,
          postCode: h.postCode,
          postTitle: activePosts.get(h.postCode)!.title,
          isPrimary: h.isPrimary ? '是' : '否',
          startedOn: excelDate(h.startedOn),
        })),
    };
  }

  const stamp = () =>
    `导出时间：${chinaDay(now())} ${new Date(now().getTime() + CHINA_OFFSET_MS).toISOString().slice(11, 16)}（北京时间）`;

  return {
    async previewRoster(actor: Actor, upload: Upload): Promise<ImportPreview> {
      assertMayImportRoster(actor);
      return (await checkRoster(upload, actor.organisationId, db)).preview;
    },

    async importRoster(actor: Actor, upload: Upload): Promise<ImportResult> {
      assertMayImportRoster(actor);
      return runImport(
        actor,
        upload,
        'roster',
        (tx) => checkRoster(upload, actor.organisationId, tx),
        (tx, checked) => writeRoster(tx, actor, checked.validation.plan, checked.existing),
      );
    },

    async previewTargets(actor: Actor, upload: Upload): Promise<ImportPreview> {
      assertMayImportTargets(actor);
      return (await checkTargets(upload, actor.organisationId, db)).preview;
    },

    async importTargets(actor: Actor, upload: Upload): Promise<ImportResult> {
      assertMayImportTargets(actor);
      return runImport(
        actor,
        upload,
        'targets',
        (tx) => checkTargets(upload, actor.organisationId, tx),
        (tx, checked) => writeTargets(tx, actor, checked.validation.plan, checked.postId, checked.targets),
      );
    },

    downloadRosterTemplate: (res: Response) =>
      writeWorkbook(res, {
        filename: '花名册导入模板.xlsx',
        title: '花名册导入模板（部门、人员、岗位、任职）',
        notes: [
          '按“部门 → 人员 → 岗位 → 任职”填写；已有记录按名称、工号、岗位编码匹配，导入只新增或更新，不删除。',
        ],
        sheets: ROSTER_SHEETS.map((spec) => ({ spec, rows: [] })),
      }),

    downloadTargetTemplate: (res: Response) =>
      writeWorkbook(res, {
        filename: '目标责任书导入模板.xlsx',
        title: '目标责任书导入模板',
        notes: ['请先导入花名册（岗位）；上级目标写在子目标之前或填写系统导出的目标编号。'],
        sheets: TARGET_BOOK_SHEETS.map((spec) => ({ spec, rows: [] })),
      }),

    /** The organisation's structure is readable by every member (docs/security.md). */
    async exportRoster(actor: Actor, res: Response): Promise<void> {
      const rows = await rosterRows(actor.organisationId);
      await writeWorkbook(res, {
        filename: `花名册-${chinaDay(now())}.xlsx`,
        title: '花名册（部门、人员、岗位、任职）',
        notes: [
          stamp(),
          '本文件即导入格式：修改后可直接导入；已撤销（归档）的部门、岗位、人员和已结束的任职不在其中。',
        ],
        sheets: [
          { spec: ROSTER_SHEETS[0], rows: rows.units },
          { spec: ROSTER_SHEETS[1], rows: rows.people },
          { spec: ROSTER_SHEETS[2], rows: rows.posts },
          { spec: ROSTER_SHEETS[3], rows: rows.holdings },
        ],
      });
    },

    /** A year's active targets within the reader's scope (as the targets list), filtered. */
    async exportTargets(actor: Actor, query: TargetExportQuery, res: Response): Promise<void> {
      const org = actor.organisationId;
      const year = query.year ?? currentYear(now());
      const unit = query.unitId ? (await repo.units(org)).find((u) => u.id === query.unitId) : undefined;
      if (query.unitId && !unit) throw notFound('部门');
      const [scope, posts, targets] = await Promise.all([
        access.readScope(actor),
        repo.posts(org),
        repo.exportTargets(org, year, query.category),
      ]);
      const postById = new Map(posts.map((p) => [p.id, p]));
      const ownerOf = new Map(targets.map((t) => [t.id, t.ownerPostId]));
      const at = now();
      const rows: Record<string, WrittenValue>[] = [];
      for (const t of targets) {
        const parentOwner = t.parentId ? (ownerOf.get(t.parentId) ?? null) : null;
        const isReadable =
          scope.isOrgWide ||
          (t.ownerPostId !== null && scope.postIds.has(t.ownerPostId)) ||
          (parentOwner !== null && scope.postIds.has(parentOwner));
        if (!isReadable) continue;
        const owner = t.ownerPostId ? postById.get(t.ownerPostId) : undefined;
        if (query.unitId && owner?.unitId !== query.unitId) continue;
        if (query.tier && owner?.tier !== query.tier) continue;
        const progress = Math.round(t.progress * 100) / 100;
        const state =
          progress >= 100
            ? '已完成'
            : isAtRisk(progress, elapsedShare(startOfYear(t.year), t.dueDate, at))
              ? '滞后'
              : '进行中';
        rows.push({
          code: t.id,
          parentCode: t.parentId,
          year: t.year,
          category: TARGET_CATEGORY_LABELS[t.category],
          line: LINE_LABELS[t.line],
          title: t.title,
          description: t.description,
          ownerPostCode: owner?.code ?? null,
          ownerPostTitle: owner?.title ?? null,
          weight: Number(t.weight),
          measureKind: MEASURE_KIND_LABELS[t.measureKind],
          measureUnit: t.measureUnit,
          baseline: Number(t.baseline),
          goal: Number(t.goal),
          dueDate: t.dueDate,
          progress,
          lastUpdatedOn: t.lastRecordedAt ? excelDate(chinaDay(t.lastRecordedAt)) : null,
          state,
        });
      }
      const filters = [
        `年度：${year}`,
        unit ? `部门：${unit.name}` : null,
        query.tier ? `责任层级：${query.tier}` : null,
        query.category ? `目标类别：${TARGET_CATEGORY_LABELS[query.category]}` : null,
      ].filter(Boolean);
      await writeWorkbook(res, {
        filename: `目标责任书-${year}.xlsx`,
        title: `${year} 年度目标责任书（含进度）`,
        notes: [
          stamp(),
          `筛选：${filters.join('；')}；共 ${rows.length} 个目标（仅含您有权查看的在办目标）`,
          '本文件即导入格式：“进度（%）”“最近更新”“状态”三列仅供查看，导入时不读取；保留“目标编号”可在再次导入时更新对应目标。',
        ],
        sheets: [{ spec: TARGETS_SHEET, rows, withExportColumns: true }],
      });
    },
  };
}

export type SpreadsheetsService = ReturnType<typeof createSpreadsheetsService>;
