// Spreadsheets: the only code of the area that touches Prisma. Reads the organisation as the
// validators need it (natural keys), and writes an import's plan in bulk inside the caller's
// transaction — a statement per kind and tier, not a round trip per row.
import type { Db } from '../../db/database';
import type { Tx } from '../../db/transaction';
import type { Line, MeasureKind, Prisma, TargetCategory, UnitKind } from '../../generated/prisma/client';

const BATCH = 2000;
/** DATE parameters travel as `YYYY-MM-DD` (a Date's UTC calendar day, as Prisma stores DATE columns). */
const day = (date: Date) => date.toISOString().slice(0, 10);

async function createInBatches<T>(rows: readonly T[], write: (batch: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += BATCH) await write(rows.slice(i, i + BATCH));
}

export interface TargetRowData {
  id: string;
  organisationId: string;
  parentId: string | null;
  ownerPostId: string | null;
  year: number;
  category: TargetCategory;
  line: Line;
  title: string;
  description: string | null;
  weight: number;
  measureKind: MeasureKind;
  measureUnit: string | null;
  baseline: number;
  goal: number;
  dueDate: Date;
}

export function createSpreadsheetsRepository(db: Db) {
  return {
    // ─── reads ──────────────────────────────────────────────────────────────────────────────
    units: (organisationId: string, client: Tx | Db = db) =>
      client.orgUnit.findMany({
        where: { organisationId },
        orderBy: [{ sortOrder: 'asc' }, { name: 'asc' }],
        select: { id: true, name: true, kind: true, parentId: true, sortOrder: true, archivedAt: true },
      }),
    people: (organisationId: string, client: Tx | Db = db) =>
      client.person.findMany({
        where: { organisationId },
        orderBy: { employeeNo: 'asc' },
        select: {
          id: true,
          employeeNo: true,
          name: true,
          gender: true,
          isPartyMember: true,
          archivedAt: true,
        },
      }),
    posts: (organisationId: string, client: Tx | Db = db) =>
      client.post.findMany({
        where: { organisationId },
        orderBy: [{ tier: 'asc' }, { sortOrder: 'asc' }, { code: 'asc' }],
        select: {
          id: true,
          code: true,
          title: true,
          unitId: true,
          tier: true,
          lines: true,
          adminSuperiorId: true,
          partySuperiorId: true,
          sortOrder: true,
          archivedAt: true,
        },
      }),
    holdings: (organisationId: string, client: Tx | Db = db) =>
      client.holding.findMany({
        where: { organisationId },
        orderBy: [{ startedOn: 'asc' }, { id: 'asc' }],
        select: { id: true, personId: true, postId: true, isPrimary: true, startedOn: true, endedOn: true },
      }),

    /** Targets of the years, and those whose id is among `ids` (archived ones included). */
    targetsFor: (organisationId: string, years: number[], ids: string[], client: Tx | Db = db) =>
      client.target.findMany({
        where: { organisationId, OR: [{ year: { in: years } }, { id: { in: ids } }] },
        select: {
          id: true,
          parentId: true,
          ownerPostId: true,
          year: true,
          category: true,
          line: true,
          title: true,
          description: true,
          weight: true,
          measureKind: true,
          measureUnit: true,
          baseline: true,
          goal: true,
          dueDate: true,
          status: true,
          version: true,
        },
      }),

    /**
     * Active targets of a year for the export, in tree order (roots first, then depth-first by
     * category, creation and id), with the post owning each and the last progress update's time.
     * The caller filters by scope, unit and tier (a parent's owner decides visibility too).
     */
    exportTargets: (organisationId: string, year: number, category: TargetCategory | undefined) =>
      db.$queryRaw<
        {
          id: string;
          parentId: string | null;
          ownerPostId: string | null;
          year: number;
          category: TargetCategory;
          line: Line;
          title: string;
          description: string | null;
          weight: string;
          measureKind: MeasureKind;
          measureUnit: string | null;
          baseline: string;
          goal: string;
          dueDate: Date;
          progress: number;
          lastRecordedAt: Date | null;
        }[]
      >`
        WITH RECURSIVE tree AS (
          SELECT t.*, ARRAY[t."createdAt"::text || t."id"::text] AS path
            FROM "Target" t
           WHERE t."organisationId" = ${organisationId}::uuid AND t."year" = ${year}
             AND t."status" = 'ACTIVE' AND t."parentId" IS NULL
          UNION ALL
          SELECT c.*, tree.path || (c."createdAt"::text || c."id"::text)
            FROM "Target" c JOIN tree ON c."parentId" = tree."id" AND c."organisationId" = tree."organisationId"
           WHERE c."status" = 'ACTIVE'
        )
        SELECT tree."id", tree."parentId", tree."ownerPostId", tree."year", tree."category", tree."line",
               tree."title", tree."description", tree."weight"::text AS "weight", tree."measureKind",
               tree."measureUnit", tree."baseline"::text AS "baseline", tree."goal"::text AS "goal",
               tree."dueDate", tree."progress",
               (SELECT max(u."recordedAt") FROM "ProgressUpdate" u WHERE u."targetId" = tree."id") AS "lastRecordedAt"
          FROM tree
         WHERE ${category ?? null}::text IS NULL OR tree."category"::text = ${category ?? null}::text
         ORDER BY CASE tree."category" WHEN 'IDEOLOGICAL' THEN 1 WHEN 'BUSINESS' THEN 2 ELSE 3 END, tree.path`,

    // ─── writes (inside the caller's transaction) ───────────────────────────────────────────
    createUnits: (tx: Tx, rows: Prisma.OrgUnitCreateManyInput[]) =>
      createInBatches(rows, (data) => tx.orgUnit.createMany({ data })),
    updateUnit: (
      tx: Tx,
      organisationId: string,
      id: string,
      data: { kind: UnitKind; parentId: string | null; sortOrder: number },
    ) => tx.orgUnit.update({ where: { id, organisationId }, data }),

    createPeople: (
      tx: Tx,
      rows: {
        id: string;
        organisationId: string;
        employeeNo: string;
        name: string;
        gender: string | null;
        isPartyMember: boolean;
      }[],
    ) =>
      createInBatches(
        rows,
        (batch) => tx.$executeRaw`
          INSERT INTO "Person" ("id", "organisationId", "employeeNo", "name", "gender", "isPartyMember")
          SELECT * FROM unnest(
            ${batch.map((r) => r.id)}::uuid[], ${batch.map((r) => r.organisationId)}::uuid[],
            ${batch.map((r) => r.employeeNo)}::text[], ${batch.map((r) => r.name)}::text[],
            ${batch.map((r) => r.gender)}::text[], ${batch.map((r) => r.isPartyMember)}::boolean[])`,
      ),
    updatePerson: (
      tx: Tx,
      organisationId: string,
      id: string,
      data: { name: string; gender: string | null; isPartyMember: boolean },
    ) => tx.person.update({ where: { id, organisationId }, data }),

    /** Posts of one tier (their superiors exist already: the chain trigger checks each row). */
    createPosts: (
      tx: Tx,
      rows: {
        id: string;
        organisationId: string;
        code: string;
        title: string;
        unitId: string;
        tier: number;
        lines: Line[];
        adminSuperiorId: string | null;
        partySuperiorId: string | null;
        sortOrder: number;
      }[],
    ) =>
      createInBatches(
        rows,
        (batch) => tx.$executeRaw`
          INSERT INTO "Post" ("id", "organisationId", "code", "title", "unitId", "tier", "lines",
                              "adminSuperiorId", "partySuperiorId", "sortOrder")
          SELECT u."id", u."organisationId", u."code", u."title", u."unitId", u."tier",
                 string_to_array(u."lines", ',')::"Line"[], u."adminSuperiorId", u."partySuperiorId", u."sortOrder"
            FROM unnest(
              ${batch.map((r) => r.id)}::uuid[], ${batch.map((r) => r.organisationId)}::uuid[],
              ${batch.map((r) => r.code)}::text[], ${batch.map((r) => r.title)}::text[],
              ${batch.map((r) => r.unitId)}::uuid[], ${batch.map((r) => r.tier)}::smallint[],
              ${batch.map((r) => r.lines.join(','))}::text[], ${batch.map((r) => r.adminSuperiorId)}::uuid[],
              ${batch.map((r) => r.partySuperiorId)}::uuid[], ${batch.map((r) => r.sortOrder)}::int[]
            ) AS u("id", "organisationId", "code", "title", "unitId", "tier", "lines", "adminSuperiorId",
                   "partySuperiorId", "sortOrder")`,
      ),
    updatePost: (tx: Tx, organisationId: string, id: string, data: Prisma.PostUncheckedUpdateInput) =>
      tx.post.update({ where: { id, organisationId }, data }),

    createHoldings: (
      tx: Tx,
      rows: {
        id: string;
        organisationId: string;
        personId: string;
        postId: string;
        isPrimary: boolean;
        startedOn: Date;
        endedOn: Date | null;
      }[],
    ) =>
      createInBatches(
        rows,
        (batch) => tx.$executeRaw`
          INSERT INTO "Holding" ("id", "organisationId", "personId", "postId", "isPrimary", "startedOn", "endedOn")
          SELECT * FROM unnest(
            ${batch.map((r) => r.id)}::uuid[], ${batch.map((r) => r.organisationId)}::uuid[],
            ${batch.map((r) => r.personId)}::uuid[], ${batch.map((r) => r.postId)}::uuid[],
            ${batch.map((r) => r.isPrimary)}::boolean[], ${batch.map((r) => day(r.startedOn))}::date[],
            ${batch.map((r) => (r.endedOn ? day(r.endedOn) : null))}::date[])`,
      ),
    updateHolding: (
      tx: Tx,
      organisationId: string,
      id: string,
      data: { isPrimary: boolean; startedOn: Date; endedOn: Date | null },
    ) => tx.holding.update({ where: { id, organisationId }, data }),

    /** New targets, parents before children, one INSERT … SELECT FROM unnest per batch. */
    createTargets: (tx: Tx, rows: TargetRowData[]) =>
      createInBatches(
        rows,
        (batch) => tx.$executeRaw`
          INSERT INTO "Target" ("id", "organisationId", "parentId", "ownerPostId", "year", "category", "line",
                                "title", "description", "weight", "measureKind", "measureUnit", "baseline", "goal",
                                "dueDate", "updatedAt")
          SELECT u."id", u."organisationId", u."parentId", u."ownerPostId", u."year", u."category"::"TargetCategory",
                 u."line"::"Line", u."title", u."description", u."weight", u."measureKind"::"MeasureKind",
                 u."measureUnit", u."baseline", u."goal", u."dueDate", now()
            FROM unnest(
              ${batch.map((r) => r.id)}::uuid[], ${batch.map((r) => r.organisationId)}::uuid[],
              ${batch.map((r) => r.parentId)}::uuid[], ${batch.map((r) => r.ownerPostId)}::uuid[],
              ${batch.map((r) => r.year)}::int[], ${batch.map((r) => r.category)}::text[],
              ${batch.map((r) => r.line)}::text[], ${batch.map((r) => r.title)}::text[],
              ${batch.map((r) => r.description)}::text[], ${batch.map((r) => r.weight)}::numeric[],
              ${batch.map((r) => r.measureKind)}::text[], ${batch.map((r) => r.measureUnit)}::text[],
              ${batch.map((r) => r.baseline)}::numeric[], ${batch.map((r) => r.goal)}::numeric[],
              ${batch.map((r) => day(r.dueDate))}::date[]
            ) WITH ORDINALITY AS u("id", "organisationId", "parentId", "ownerPostId", "year", "category", "line",
                                   "title", "description", "weight", "measureKind", "measureUnit", "baseline",
                                   "goal", "dueDate", "n")
           ORDER BY u."n"`,
      ),
    /** Changed targets in one statement (unnest), each version bumped. */
    async updateTargets(tx: Tx, organisationId: string, rows: TargetRowData[]) {
      for (let i = 0; i < rows.length; i += BATCH) {
        const batch = rows.slice(i, i + BATCH);
        await tx.$executeRaw`
          UPDATE "Target" t SET
            "ownerPostId" = u."ownerPostId", "title" = u."title", "description" = u."description",
            "weight" = u."weight", "measureKind" = u."measureKind"::"MeasureKind", "measureUnit" = u."measureUnit",
            "baseline" = u."baseline", "goal" = u."goal", "dueDate" = u."dueDate",
            "version" = t."version" + 1, "updatedAt" = now()
          FROM unnest(
            ${batch.map((r) => r.id)}::uuid[], ${batch.map((r) => r.ownerPostId)}::uuid[],
            ${batch.map((r) => r.title)}::text[], ${batch.map((r) => r.description)}::text[],
            ${batch.map((r) => r.weight)}::numeric[], ${batch.map((r) => r.measureKind)}::text[],
            ${batch.map((r) => r.measureUnit)}::text[], ${batch.map((r) => r.baseline)}::numeric[],
            ${batch.map((r) => r.goal)}::numeric[], ${batch.map((r) => day(r.dueDate))}::date[]
          ) AS u("id", "ownerPostId", "title", "description", "weight", "measureKind", "measureUnit",
                 "baseline", "goal", "dueDate")
          WHERE t."id" = u."id" AND t."organisationId" = ${organisationId}::uuid`;
      }
    },
  };
}

export type SpreadsheetsRepository = ReturnType<typeof createSpreadsheetsRepository>;
