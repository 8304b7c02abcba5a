import type { Db } from '../../db/database';
import type { Tx } from '../../db/transaction';
import { Prisma } from '../../generated/prisma/client';

/** An entry ready to append: its content as stored and the canonical JSON its hash covers. */
export interface PreparedAuditEntry {
  organisationId: string | null;
  actorUserId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  before: unknown;
  after: unknown;
  at: Date;
  canonical: string;
}

const jsonb = (value: unknown) => (value === null ? null : JSON.stringify(value));

/**
 * The append as an SQL expression (the new entry id), to run alone or inside a caller's statement:
 * `zeren_audit_append` takes the chain lock, reads the last hash after it and inserts the entry with
 * its hash, so an append is one round trip (docs/performance.md).
 */
export const auditAppendSql = (e: PreparedAuditEntry) => Prisma.sql`zeren_audit_append(
  ${e.organisationId}::uuid, ${e.actorUserId}::uuid, ${e.action}, ${e.entityType}, ${e.entityId},
  ${jsonb(e.before)}::jsonb, ${jsonb(e.after)}::jsonb, ${e.at.toISOString()}::timestamptz, ${e.canonical})`;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Gap keys name their subject: `TARGET_WITHOUT_OWNER:<target id>`, `POST_MISSING_CATEGORY:<post id>:…`. */
function gapSubject(snapshot: unknown): { entityType: string; entityId: string } | undefined {
  const gapKey = (snapshot as { gapKey?: unknown } | null)?.gapKey;
  if (typeof gapKey !== 'string') return undefined;
  const [kind, id] = gapKey.split(':');
  if (!kind || !id) return undefined;
  return { entityType: kind.startsWith('POST_') ? 'Post' : 'Target', entityId: id };
}

export interface AuditListFilter {
  entityType?: string;
  entityId?: string;
  action?: string;
  /** Only entries by these accounts (an empty list matches nothing). */
  actorUserIds?: string[];
  /** `at` on or after `from`, and strictly before `before`. */
  from?: Date;
  before?: Date;
}

export function createAuditRepository(db: Db) {
  return {
    /** Appends one entry in one statement (see `auditAppendSql`). */
    append: (tx: Tx, entry: PreparedAuditEntry) => tx.$executeRaw`SELECT ${auditAppendSql(entry)}`,

    /** Serialises appends to one organisation's chain until the transaction ends. */
    lockChain: (tx: Tx, organisationId: string | null) =>
      tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`audit:${organisationId ?? '-'}`}, 0))`,

    lastHash: async (tx: Tx, organisationId: string | null) => {
      const last = await tx.auditEntry.findFirst({
        where: { organisationId },
        orderBy: { id: 'desc' },
        select: { hash: true },
      });
      return last?.hash;
    },

    insert: (
      tx: Tx,
      entry: {
        organisationId: string | null;
        actorUserId: string | null;
        action: string;
        entityType: string;
        entityId: string;
        before: unknown;
        after: unknown;
        at: Date;
        prevHash: string;
        hash: string;
      },
    ) => tx.auditEntry.create({ data: entry as never, select: { id: true } }),

    /**
     * Entries in the given order (ids ascend with it), 5,000 per statement, sent as one JSON
     * parameter (cheaper to pass than ten arrays; Postgres expands it with jsonb_to_recordset).
     */
    async insertMany(
      tx: Tx,
      entries: readonly {
        organisationId: string | null;
        actorUserId: string | null;
        action: string;
        entityType: string;
        entityId: string;
        before: unknown;
        after: unknown;
        at: Date;
        prevHash: string;
        hash: string;
      }[],
    ) {
      for (let i = 0; i < entries.length; i += 5000) {
        const batch = JSON.stringify(
          // A missing key becomes SQL NULL (a JSON null would be stored as the jsonb value null).
          entries
            .slice(i, i + 5000)
            .map((e) => ({ ...e, before: e.before ?? undefined, after: e.after ?? undefined })),
        );
        await tx.$executeRaw`
          INSERT INTO "AuditEntry" ("organisationId", "actorUserId", "action", "entityType", "entityId",
                                    "before", "after", "at", "prevHash", "hash")
          SELECT e."organisationId", e."actorUserId", e."action", e."entityType", e."entityId",
                 e."before", e."after", e."at", e."prevHash", e."hash"
            FROM jsonb_array_elements(${batch}::jsonb) WITH ORDINALITY AS j(value, n),
                 jsonb_to_record(j.value) AS e("organisationId" uuid, "actorUserId" uuid, "action" text,
                   "entityType" text, "entityId" text, "before" jsonb, "after" jsonb, "at" timestamptz,
                   "prevHash" text, "hash" text)
           ORDER BY j.n`;
      }
    },

    /** One organisation's entries in chain order, a page at a time. */
    page: (organisationId: string | null, afterId: bigint, take: number) =>
      db.auditEntry.findMany({
        where: { organisationId, id: { gt: afterId } },
        orderBy: { id: 'asc' },
        take,
      }),

    /** One organisation's entries, newest first, filtered, with the total. */
    async list(organisationId: string, filter: AuditListFilter, skip: number, take: number) {
      const where = {
        organisationId,
        ...(filter.entityType ? { entityType: filter.entityType } : {}),
        ...(filter.entityId ? { entityId: filter.entityId } : {}),
        ...(filter.action ? { action: filter.action } : {}),
        ...(filter.actorUserIds ? { actorUserId: { in: filter.actorUserIds } } : {}),
        ...(filter.from || filter.before
          ? {
              at: {
                ...(filter.from ? { gte: filter.from } : {}),
                ...(filter.before ? { lt: filter.before } : {}),
              },
            }
          : {}),
      };
      const [total, rows] = await Promise.all([
        db.auditEntry.count({ where }),
        db.auditEntry.findMany({ where, orderBy: { id: 'desc' }, skip, take }),
      ]);
      return { total, rows };
    },

    /** Accounts of the organisation whose holder's name contains `text` or whose user name is `text`. */
    matchingActors: async (organisationId: string, text: string) =>
      (
        await db.userAccount.findMany({
          where: {
            organisationId,
            OR: [
              { username: { equals: text, mode: 'insensitive' } },
              { person: { name: { contains: text } } },
            ],
          },
          select: { id: true },
        })
      ).map((u) => u.id),

    /**
     * What the entries are about, by name, for the kinds of entity that have one: the current name
     * or title (an entity deleted since has none here; the caller falls back to its snapshot).
     */
    async entityLabels(
      organisationId: string,
      entries: { entityType: string; entityId: string; before: unknown; after: unknown }[],
    ) {
      // A gap waiver is about the post or target of its gap (`POST_WITHOUT_HOLDER:<post id>`).
      const waivedSubjects = new Map<string, { entityType: string; entityId: string }>();
      for (const e of entries) {
        if (e.entityType !== 'GapWaiver') continue;
        const subject = gapSubject(e.after) ?? gapSubject(e.before);
        if (subject) waivedSubjects.set(e.entityId, subject);
      }
      const refs = [...entries, ...waivedSubjects.values()];
      const idsOf = (type: string) => [
        ...new Set(refs.filter((r) => r.entityType === type && UUID.test(r.entityId)).map((r) => r.entityId)),
      ];
      /** One query per kind of entity on the page, none for a kind that is absent. */
      const load = async <T>(
        type: string,
        find: (where: { organisationId: string; id: { in: string[] } }) => Promise<T[]>,
      ) => {
        const ids = idsOf(type);
        return ids.length === 0 ? [] : find({ organisationId, id: { in: ids } });
      };
      const [targets, posts, people, units, accounts, plans] = await Promise.all([
        load('Target', (where) => db.target.findMany({ where, select: { id: true, title: true } })),
        load('Post', (where) => db.post.findMany({ where, select: { id: true, title: true } })),
        load('Person', (where) => db.person.findMany({ where, select: { id: true, name: true } })),
        load('OrgUnit', (where) => db.orgUnit.findMany({ where, select: { id: true, name: true } })),
        load('UserAccount', (where) =>
          db.userAccount.findMany({
            where,
            select: { id: true, username: true, person: { select: { name: true } } },
          }),
        ),
        load('InspectionPlan', (where) =>
          db.inspectionPlan.findMany({ where, select: { id: true, title: true } }),
        ),
      ]);
      const labels = new Map<string, string>();
      const put = (type: string, id: string, label: string) => labels.set(`${type}:${id}`, label);
      for (const t of targets) put('Target', t.id, t.title);
      for (const p of posts) put('Post', p.id, p.title);
      for (const p of people) put('Person', p.id, p.name);
      for (const u of units) put('OrgUnit', u.id, u.name);
      for (const a of accounts) put('UserAccount', a.id, `${a.person.name}（${a.username}）`);
      for (const p of plans) put('InspectionPlan', p.id, p.title);
      for (const [waiverId, subject] of waivedSubjects) {
        const label = labels.get(`${subject.entityType}:${subject.entityId}`);
        if (label) put('GapWaiver', waiverId, label);
      }
      for (const e of entries) if (e.entityType === 'TargetYear') put('TargetYear', e.entityId, e.entityId);
      return labels;
    },

    async userNames(organisationId: string, userIds: string[]): Promise<Map<string, string>> {
      if (userIds.length === 0) return new Map();
      const users = await db.userAccount.findMany({
        where: { organisationId, id: { in: [...new Set(userIds)] } },
        select: { id: true, person: { select: { name: true } } },
      });
      return new Map(users.map((u) => [u.id, u.person.name]));
    },

    organisationIds: async () =>
      (await db.auditEntry.findMany({ distinct: ['organisationId'], select: { organisationId: true } })).map(
        (r) => r.organisationId,
      ),
  };
}

export type AuditRepository = ReturnType<typeof createAuditRepository>;
