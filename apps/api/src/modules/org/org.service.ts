// Organisation administration: units, people, posts and who holds which post. Reads are open to
// every member of the organisation (the structure is not secret inside the bureau); every write
// needs `canAdministerOrganisation` and leaves an audit entry in the same transaction.
import type {
  CreateHolding,
  CreateOrgUnit,
  CreatePerson,
  CreatePost,
  Line,
  OrgUnit,
  Person,
  Post,
  Tier,
  UpdateOrgUnit,
  UpdatePerson,
  UpdatePost,
} from '@zeren/contracts';
import {
  checkReportsTo,
  LINE_LABELS,
  TIER_LABELS,
  type ChainViolation,
  type Post as ChainPost,
} from '@zeren/domain';
import type { z } from 'zod';
import { randomUUID } from 'node:crypto';
import type { Tx } from '../../db/transaction';
import type { Actor } from '../../http/actor';
import { DomainError, forbidden, notFound } from '../../http/errors';
import type { AccessService } from '../access/access.service';
import type { AuditService } from '../audit/audit.service';
import type { OrgRepository, PersonRow, PostRow } from './org.repository';

type In<T extends z.ZodType> = z.output<T>;

/** The bureau's calendar: "today" for start and end dates of holdings. */
const BUREAU_TIME_ZONE = 'Asia/Shanghai';
const dateFormat = new Intl.DateTimeFormat('en-CA', {
  timeZone: BUREAU_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});
/** A `YYYY-MM-DD` day as the Date Prisma stores in a `date` column (UTC midnight). */
const toDbDate = (day: string) => new Date(`${day}T00:00:00Z`);
const fromDbDate = (date: Date) => date.toISOString().slice(0, 10);

// ------------------------------------------------------------------------------------ answers

type UnitRow = {
  id: string;
  name: string;
  kind: OrgUnit['kind'];
  parentId: string | null;
  sortOrder: number;
  archivedAt: Date | null;
  _count: { posts: number };
};
type HoldingRow = {
  id: string;
  personId: string;
  postId: string;
  isPrimary: boolean;
  startedOn: Date;
  endedOn: Date | null;
};

const toUnit = (u: UnitRow): OrgUnit => ({
  id: u.id,
  name: u.name,
  kind: u.kind,
  parentId: u.parentId,
  sortOrder: u.sortOrder,
  isArchived: u.archivedAt !== null,
  postCount: u._count.posts,
});

const toPerson = (p: PersonRow): Person => ({
  id: p.id,
  employeeNo: p.employeeNo,
  name: p.name,
  gender: p.gender,
  isPartyMember: p.isPartyMember,
  isArchived: p.archivedAt !== null,
  username: p.user?.username ?? null,
  posts: p.holdings.map((h) => ({
    postId: h.post.id,
    title: h.post.title,
    tier: h.post.tier as Tier,
    unitName: h.post.unit.name,
    isPrimary: h.isPrimary,
  })),
});

const toPost = (p: PostRow): Post => ({
  id: p.id,
  code: p.code,
  title: p.title,
  tier: p.tier as Tier,
  unit: p.unit,
  lines: p.lines,
  adminSuperiorId: p.adminSuperiorId,
  partySuperiorId: p.partySuperiorId,
  holders: p.holdings.map((h) => ({
    holdingId: h.id,
    personId: h.personId,
    name: h.person.name,
    isPrimary: h.isPrimary,
  })),
  isArchived: p.archivedAt !== null,
});

const toHolding = (h: HoldingRow) => ({
  id: h.id,
  personId: h.personId,
  postId: h.postId,
  isPrimary: h.isPrimary,
  startedOn: fromDbDate(h.startedOn),
  endedOn: h.endedOn ? fromDbDate(h.endedOn) : null,
});

// What the audit log keeps of each record: its own fields, not the joined ones.
const unitSnapshot = ({ _count: _ignored, ...unit }: UnitRow) => unit;
const personSnapshot = (p: PersonRow) => ({
  id: p.id,
  employeeNo: p.employeeNo,
  name: p.name,
  gender: p.gender,
  isPartyMember: p.isPartyMember,
  archivedAt: p.archivedAt,
});
const postSnapshot = (p: PostRow) => ({
  id: p.id,
  code: p.code,
  title: p.title,
  tier: p.tier,
  unitId: p.unitId,
  lines: p.lines,
  adminSuperiorId: p.adminSuperiorId,
  partySuperiorId: p.partySuperiorId,
  archivedAt: p.archivedAt,
});
const holdingSnapshot = toHolding;

// ------------------------------------------------------------------------------------ errors

/**
 * " 3 个下级岗位、5 个目标" from the non-zero counts, in the given order, spaced to follow "仍有"
 * (a space before a figure, none before a word); empty when nothing is counted.
 */
function describeCounts(parts: [count: number, phrase: (n: number) => string][]): string {
  const text = parts
    .filter(([count]) => count > 0)
    .map(([count, phrase]) => phrase(count))
    .join('、');
  return /^\d/.test(text) ? ` ${text}` : text;
}

function findCode(error: unknown, wanted: (code: string) => boolean): boolean {
  for (let e: unknown = error, depth = 0; e && typeof e === 'object' && depth < 6; depth++) {
    const record = e as { code?: unknown; cause?: unknown; meta?: { code?: unknown } };
    if (typeof record.code === 'string' && wanted(record.code)) return true;
    if (typeof record.meta?.code === 'string' && wanted(record.meta.code)) return true;
    e = record.cause;
  }
  return false;
}

/** "“A”、“B”、“C”", or past three "“A”、“B”、“C”等": a message stays readable. */
const NAMES_SHOWN = 3;
function listNames(names: string[]): string {
  const shown = names.slice(0, NAMES_SHOWN).join('、');
  return names.length > NAMES_SHOWN ? `${shown}等` : shown;
}

const isUniqueViolation = (error: unknown) => findCode(error, (c) => c === 'P2002' || c === '23505');

/**
 * The database's own chain trigger (`Post_superior_tier_smaller`, see the domain-checks migration)
 * refused a write that the checks here let through — only possible when two edits race. Its
 * message is English and technical; this turns it into one a person can act on.
 */
export function isChainTriggerError(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && typeof e === 'object' && depth < 6; depth++) {
    const record = e as {
      message?: unknown;
      cause?: unknown;
      originalMessage?: unknown;
      constraint?: unknown;
    };
    const texts = [record.message, record.originalMessage, record.constraint].filter(
      (t): t is string => typeof t === 'string',
    );
    if (texts.some((t) => /Post_superior_tier_smaller|of a smaller tier|subordinates whose tier/.test(t)))
      return true;
    e = record.cause;
  }
  return false;
}

const chainTriggerError = () =>
  new DomainError(
    'VALIDATION_FAILED',
    '岗位汇报关系不符合规则：上级岗位的层级必须高于下级岗位（可能有人同时修改了相关岗位），请刷新后重试',
  );

/** Runs a write; a unique-key clash or the chain trigger becomes a message naming the problem. */
async function guarded<T>(write: () => Promise<T>, duplicate: () => DomainError): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (isUniqueViolation(error)) throw duplicate();
    if (isChainTriggerError(error)) throw chainTriggerError();
    throw error;
  }
}

const duplicateUnit = (name: string) => new DomainError('CONFLICT', `部门名称“${name}”已存在，请换一个名称`);
const duplicatePerson = (employeeNo: string) =>
  new DomainError('CONFLICT', `工号“${employeeNo}”已被其他人员使用，请检查后再试`);
const duplicatePost = (code: string) => new DomainError('CONFLICT', `岗位编码“${code}”已存在，请换一个编码`);

// ------------------------------------------------------------------------------------ chain rules

type ChainRow = Awaited<ReturnType<OrgRepository['chainPosts']>>[number];

const toChainPost = (organisationId: string, p: ChainRow): ChainPost => ({
  id: p.id,
  organisationId,
  tier: p.tier as Tier,
  name: p.title,
  lines: p.lines,
  reportsTo: { ADMINISTRATIVE: p.adminSuperiorId, PARTY: p.partySuperiorId },
  archived: p.archivedAt !== null,
});

/** Every post has an administrative superior (行政隶属) from tier 2 down, party-only posts included. */
const inAdministrativeLine = (p: ChainPost): ChainPost =>
  p.lines.includes('ADMINISTRATIVE') ? p : { ...p, lines: [...p.lines, 'ADMINISTRATIVE'] };

/**
 * The chain rules for a post as it will be saved (DOMAIN rule 2, packages/domain chain.ts):
 * tier 1 reports to nobody; tiers 2–4 report in the administrative line — which every post has,
 * the database requires it — and, when on the party line, in the party line too; superiors have a
 * strictly smaller tier, are active, belong to the organisation, and no cycle forms. A party
 * superior is refused for a post not on the party line.
 */
function chainViolations(post: ChainPost, others: readonly ChainPost[]): ChainViolation[] {
  const posts = [...others.filter((p) => p.id !== post.id), post];
  // A party-only post's administrative superior is its 隶属: any post of a smaller tier.
  const adminPosts = post.lines.includes('ADMINISTRATIVE') ? posts : posts.map(inAdministrativeLine);
  return [
    ...checkReportsTo({
      post: inAdministrativeLine(post),
      proposedSuperiorId: post.reportsTo.ADMINISTRATIVE ?? null,
      line: 'ADMINISTRATIVE',
      posts: adminPosts,
    }),
    ...checkReportsTo({
      post,
      proposedSuperiorId: post.reportsTo.PARTY ?? null,
      line: 'PARTY',
      posts,
    }),
  ];
}

function throwChainViolations(violations: ChainViolation[]): void {
  if (violations.length === 0) return;
  // An unknown superior may be another organisation's post: answer as if it does not exist.
  if (violations.some((v) => v.kind === 'SUPERIOR_MISSING' || v.kind === 'CROSS_ORGANISATION'))
    throw notFound('所选上级岗位');
  const messages = [...new Set(violations.map((v) => v.message))];
  throw new DomainError(
    'VALIDATION_FAILED',
    `岗位汇报关系不符合规则：${messages.join('；')}`,
    violations.map(({ kind, line, message, superiorId }) => ({ kind, line, message, superiorId })),
  );
}

// ------------------------------------------------------------------------------------ service

export function createOrgService(deps: {
  repo: OrgRepository;
  access: AccessService;
  audit: AuditService;
  now?: () => Date;
}) {
  const { repo, access, audit } = deps;
  const now = deps.now ?? (() => new Date());
  const today = () => dateFormat.format(now());

  const requireAdmin = (actor: Actor) => {
    if (!access.canAdministerOrganisation(actor)) throw forbidden('只有系统管理员可以维护部门、人员和岗位');
  };

  const record = (
    tx: Tx,
    actor: Actor,
    entry: { action: string; entityType: string; entityId: string; before?: unknown; after?: unknown },
  ) => audit.append(tx, { organisationId: actor.organisationId, actorUserId: actor.userId, ...entry });

  /** Ends a holding today (never before it started), recorded in the audit log. */
  async function endHoldingIn(tx: Tx, actor: Actor, holding: HoldingRow): Promise<HoldingRow> {
    const started = fromDbDate(holding.startedOn);
    const day = today() < started ? started : today();
    const ended = await repo.updateHolding(tx, holding.id, { endedOn: toDbDate(day) });
    await record(tx, actor, {
      action: 'holding.end',
      entityType: 'Holding',
      entityId: holding.id,
      before: holdingSnapshot(holding),
      after: holdingSnapshot(ended),
    });
    return ended;
  }

  /** Keeps exactly one primary post per person while they hold any: `primaryId`, or the top-tier one. */
  async function settlePrimary(tx: Tx, actor: Actor, personId: string, primaryId?: string) {
    const active = await repo.activeHoldingsOfPerson(tx, actor.organisationId, personId);
    const keep = primaryId ?? active.find((h) => h.isPrimary)?.id ?? active[0]?.id;
    for (const holding of active) {
      const isPrimary = holding.id === keep;
      if (holding.isPrimary === isPrimary) continue;
      const after = await repo.updateHolding(tx, holding.id, { isPrimary });
      await record(tx, actor, {
        action: 'holding.update',
        entityType: 'Holding',
        entityId: holding.id,
        before: holdingSnapshot(holding),
        after: holdingSnapshot(after),
      });
    }
  }

  /** The unit a post is placed in: of this organisation (else 404) and not archived. */
  async function requireActiveUnit(tx: Tx, organisationId: string, unitId: string) {
    const unit = await repo.findUnit(tx, organisationId, unitId);
    if (!unit) throw notFound('所选部门');
    if (unit.archivedAt)
      throw new DomainError('VALIDATION_FAILED', `部门“${unit.name}”已归档，不能在其下设置岗位`);
    return unit;
  }

  return {
    // ---------------------------------------------------------------- units
    async listUnits(actor: Actor) {
      return { items: (await repo.listUnits(actor.organisationId)).map(toUnit) };
    },

    async createUnit(actor: Actor, input: In<typeof CreateOrgUnit>) {
      requireAdmin(actor);
      return repo.transaction(async (tx) => {
        if (await repo.findUnitByName(tx, actor.organisationId, input.name)) throw duplicateUnit(input.name);
        if (input.parentId) {
          const parent = await repo.findUnit(tx, actor.organisationId, input.parentId);
          if (!parent) throw notFound('所选上级部门');
          if (parent.archivedAt)
            throw new DomainError('VALIDATION_FAILED', `上级部门“${parent.name}”已归档，不能在其下新建部门`);
        }
        const unit = await guarded(
          () => repo.createUnit(tx, actor.organisationId, input),
          () => duplicateUnit(input.name),
        );
        await record(tx, actor, {
          action: 'unit.create',
          entityType: 'OrgUnit',
          entityId: unit.id,
          after: unitSnapshot(unit),
        });
        return toUnit(unit);
      });
    },

    async updateUnit(actor: Actor, id: string, input: In<typeof UpdateOrgUnit>) {
      requireAdmin(actor);
      return repo.transaction(async (tx) => {
        const before = await repo.findUnit(tx, actor.organisationId, id);
        if (!before) throw notFound('部门');
        if (input.name !== undefined && input.name !== before.name) {
          if (await repo.findUnitByName(tx, actor.organisationId, input.name))
            throw duplicateUnit(input.name);
        }
        if (input.parentId && input.parentId !== before.parentId) {
          const parent = await repo.findUnit(tx, actor.organisationId, input.parentId);
          if (!parent) throw notFound('所选上级部门');
          if (parent.archivedAt)
            throw new DomainError('VALIDATION_FAILED', `上级部门“${parent.name}”已归档，不能作为上级部门`);
          // The unit tree has no cycle: the new parent may not be the unit or lie below it.
          const parents = await repo.unitParents(tx, actor.organisationId);
          const seen = new Set<string>();
          for (let at: string | null | undefined = parent.id; at && !seen.has(at); at = parents.get(at)) {
            if (at === id)
              throw new DomainError(
                'VALIDATION_FAILED',
                '上级部门不能是本部门或其下级部门，否则部门层级将形成循环',
              );
            seen.add(at);
          }
        }
        const after = await guarded(
          () => repo.updateUnit(tx, id, input),
          () => duplicateUnit(input.name ?? before.name),
        );
        await record(tx, actor, {
          action: 'unit.update',
          entityType: 'OrgUnit',
          entityId: id,
          before: unitSnapshot(before),
          after: unitSnapshot(after),
        });
        return toUnit(after);
      });
    },

    async archiveUnit(actor: Actor, id: string) {
      requireAdmin(actor);
      return repo.transaction(async (tx) => {
        const before = await repo.findUnit(tx, actor.organisationId, id);
        if (!before) throw notFound('部门');
        if (before.archivedAt) return { id, isArchived: true as const };
        const refs = await repo.unitReferences(tx, actor.organisationId, id);
        const holds = describeCounts([
          [refs.activePosts, (n) => `${n} 个在用岗位`],
          [refs.activeChildren, (n) => `${n} 个在用下级部门`],
        ]);
        if (holds)
          throw new DomainError(
            'CONFLICT',
            `部门“${before.name}”仍有${holds}，无法归档，请先归档或调整这些岗位和部门`,
            { activePosts: refs.activePosts, activeChildUnits: refs.activeChildren },
          );
        const after = await repo.updateUnit(tx, id, { archivedAt: now() });
        await record(tx, actor, {
          action: 'unit.archive',
          entityType: 'OrgUnit',
          entityId: id,
          before: unitSnapshot(before),
          after: unitSnapshot(after),
        });
        return { id, isArchived: true as const };
      });
    },

    async deleteUnit(actor: Actor, id: string) {
      requireAdmin(actor);
      await repo.transaction(async (tx) => {
        const before = await repo.findUnit(tx, actor.organisationId, id);
        if (!before) throw notFound('部门');
        const refs = await repo.unitReferences(tx, actor.organisationId, id);
        const holds = describeCounts([
          [refs.posts, (n) => `${n} 个岗位（含已归档）`],
          [refs.children, (n) => `${n} 个下级部门`],
        ]);
        if (holds)
          throw new DomainError('CONFLICT', `部门“${before.name}”仍有${holds}，无法删除，请改为归档`, {
            posts: refs.posts,
            childUnits: refs.children,
          });
        await repo.deleteUnit(tx, id);
        await record(tx, actor, {
          action: 'unit.delete',
          entityType: 'OrgUnit',
          entityId: id,
          before: unitSnapshot(before),
        });
      });
    },

    // ---------------------------------------------------------------- people
    async listPeople(
      actor: Actor,
      query: {
        q?: string;
        unitId?: string;
        includeArchived?: 'true' | 'false';
        page: number;
        pageSize: number;
      },
    ) {
      const { rows, total } = await repo.listPeople(actor.organisationId, {
        q: query.q || undefined,
        unitId: query.unitId,
        includeArchived: query.includeArchived === 'true',
        page: query.page,
        pageSize: query.pageSize,
      });
      return { items: rows.map(toPerson), total, page: query.page, pageSize: query.pageSize };
    },

    async createPerson(actor: Actor, input: In<typeof CreatePerson>) {
      requireAdmin(actor);
      return repo.transaction(async (tx) => {
        if (await repo.findPersonByEmployeeNo(tx, actor.organisationId, input.employeeNo))
          throw duplicatePerson(input.employeeNo);
        const person = await guarded(
          () => repo.createPerson(tx, actor.organisationId, input),
          () => duplicatePerson(input.employeeNo),
        );
        await record(tx, actor, {
          action: 'person.create',
          entityType: 'Person',
          entityId: person.id,
          after: personSnapshot(person),
        });
        return toPerson(person);
      });
    },

    async updatePerson(actor: Actor, id: string, input: In<typeof UpdatePerson>) {
      requireAdmin(actor);
      return repo.transaction(async (tx) => {
        const before = await repo.findPerson(tx, actor.organisationId, id);
        if (!before) throw notFound('人员');
        if (input.employeeNo !== undefined && input.employeeNo !== before.employeeNo) {
          if (await repo.findPersonByEmployeeNo(tx, actor.organisationId, input.employeeNo))
            throw duplicatePerson(input.employeeNo);
        }
        const after = await guarded(
          () => repo.updatePerson(tx, id, input),
          () => duplicatePerson(input.employeeNo ?? before.employeeNo),
        );
        await record(tx, actor, {
          action: 'person.update',
          entityType: 'Person',
          entityId: id,
          before: personSnapshot(before),
          after: personSnapshot(after),
        });
        return toPerson(after);
      });
    },

    /** A person who left: their holdings end today and their login is disabled; history stays. */
    async archivePerson(actor: Actor, id: string) {
      requireAdmin(actor);
      return repo.transaction(async (tx) => {
        const before = await repo.findPerson(tx, actor.organisationId, id);
        if (!before) throw notFound('人员');
        if (before.archivedAt) return { id, isArchived: true as const };
        if (id === actor.personId)
          throw new DomainError(
            'VALIDATION_FAILED',
            '不能归档您本人：归档会停用您的登录账号，请由其他管理员操作',
          );
        const holdings = await repo.activeHoldingsOfPerson(tx, actor.organisationId, id);
        for (const holding of holdings) await endHoldingIn(tx, actor, holding);
        const disabled = await repo.disableUserOfPerson(tx, actor.organisationId, id, now());
        const after = await repo.updatePerson(tx, id, { archivedAt: now() });
        await record(tx, actor, {
          action: 'person.archive',
          entityType: 'Person',
          entityId: id,
          before: personSnapshot(before),
          after: {
            ...personSnapshot(after),
            endedHoldings: holdings.length,
            accountDisabled: disabled.count > 0,
          },
        });
        return { id, isArchived: true as const };
      });
    },

    async deletePerson(actor: Actor, id: string) {
      requireAdmin(actor);
      await repo.transaction(async (tx) => {
        const before = await repo.findPerson(tx, actor.organisationId, id);
        if (!before) throw notFound('人员');
        const refs = await repo.personReferences(tx, actor.organisationId, id);
        const holds = describeCounts([
          [refs.holdings, (n) => `${n} 条任职记录`],
          [refs.accounts, () => '登录账号'],
          [refs.assessor, () => '考核督导组成员身份'],
          [refs.scores, (n) => `${n} 条考核评分`],
          [refs.adjustments, (n) => `${n} 条加减分记录`],
          [refs.results, (n) => `${n} 条考评结果`],
          [refs.exclusions, (n) => `${n} 条考核排除记录`],
        ]);
        if (holds)
          throw new DomainError('CONFLICT', `人员“${before.name}”仍有${holds}，无法删除，请改为归档`, {
            holdings: refs.holdings,
            userAccounts: refs.accounts,
            assessorMemberships: refs.assessor,
            scores: refs.scores,
            adjustments: refs.adjustments,
            results: refs.results,
            exclusions: refs.exclusions,
          });
        await repo.deletePerson(tx, id);
        await record(tx, actor, {
          action: 'person.delete',
          entityType: 'Person',
          entityId: id,
          before: personSnapshot(before),
        });
      });
    },

    // ---------------------------------------------------------------- posts
    async listPosts(
      actor: Actor,
      query: { unitId?: string; tier?: number; includeArchived?: 'true' | 'false' },
    ) {
      const rows = await repo.listPosts(actor.organisationId, {
        unitId: query.unitId,
        tier: query.tier,
        includeArchived: query.includeArchived === 'true',
      });
      return { items: rows.map(toPost) };
    },

    async createPost(actor: Actor, input: In<typeof CreatePost>) {
      requireAdmin(actor);
      return repo.transaction(async (tx) => {
        if (await repo.findPostByCode(tx, actor.organisationId, input.code)) throw duplicatePost(input.code);
        await requireActiveUnit(tx, actor.organisationId, input.unitId);
        const lines = [...new Set(input.lines)];
        const others = (await repo.chainPosts(tx, actor.organisationId)).map((p) =>
          toChainPost(actor.organisationId, p),
        );
        const draft: ChainPost = {
          id: randomUUID(),
          organisationId: actor.organisationId,
          tier: input.tier as Tier,
          name: input.title,
          lines,
          reportsTo: { ADMINISTRATIVE: input.adminSuperiorId ?? null, PARTY: input.partySuperiorId ?? null },
        };
        throwChainViolations(chainViolations(draft, others));
        const post = await guarded(
          () =>
            repo.createPost(tx, actor.organisationId, {
              ...input,
              lines,
              adminSuperiorId: input.adminSuperiorId ?? null,
              partySuperiorId: input.partySuperiorId ?? null,
            }),
          () => duplicatePost(input.code),
        );
        await record(tx, actor, {
          action: 'post.create',
          entityType: 'Post',
          entityId: post.id,
          after: postSnapshot(post),
        });
        return toPost(post);
      });
    },

    async updatePost(actor: Actor, id: string, input: In<typeof UpdatePost>) {
      requireAdmin(actor);
      return repo.transaction(async (tx) => {
        const before = await repo.findPost(tx, actor.organisationId, id);
        if (!before) throw notFound('岗位');
        if (input.code !== undefined && input.code !== before.code) {
          if (await repo.findPostByCode(tx, actor.organisationId, input.code))
            throw duplicatePost(input.code);
        }
        if (input.unitId !== undefined && input.unitId !== before.unitId)
          await requireActiveUnit(tx, actor.organisationId, input.unitId);

        const lines: Line[] = input.lines ? [...new Set(input.lines)] : before.lines;
        const tier = (input.tier ?? before.tier) as Tier;
        // Leaving the party line drops the party superior unless the request says otherwise.
        const partySuperiorId =
          input.partySuperiorId !== undefined
            ? input.partySuperiorId
            : lines.includes('PARTY')
              ? before.partySuperiorId
              : null;
        const adminSuperiorId =
          input.adminSuperiorId !== undefined ? input.adminSuperiorId : before.adminSuperiorId;

        const isChainChange =
          tier !== before.tier ||
          lines.length !== before.lines.length ||
          lines.some((l) => !before.lines.includes(l)) ||
          adminSuperiorId !== before.adminSuperiorId ||
          partySuperiorId !== before.partySuperiorId;
        if (isChainChange) {
          const all = await repo.chainPosts(tx, actor.organisationId);
          const others = all.map((p) => toChainPost(actor.organisationId, p));
          const self: ChainPost = {
            id,
            organisationId: actor.organisationId,
            tier,
            name: input.title ?? before.title,
            lines,
            reportsTo: { ADMINISTRATIVE: adminSuperiorId, PARTY: partySuperiorId },
            archived: before.archivedAt !== null,
          };
          throwChainViolations(chainViolations(self, others));

          // The posts reporting here must stay below it, and stay in a line it is still on.
          const subordinates = all.filter((p) => p.adminSuperiorId === id || p.partySuperiorId === id);
          const notBelow = subordinates.filter((p) => p.tier <= tier);
          if (notBelow.length > 0) {
            const names = listNames(notBelow.map((p) => `“${p.title}”（${TIER_LABELS[p.tier as Tier]}）`));
            throw new DomainError(
              'VALIDATION_FAILED',
              `不能将岗位层级改为${TIER_LABELS[tier]}：下级岗位${names}${notBelow.length > NAMES_SHOWN ? ` ${notBelow.length} 个岗位` : ''}的层级必须低于本岗位，请先调整这些下级岗位`,
              notBelow.map((p) => ({ kind: 'SUBORDINATE_TIER_NOT_LARGER', postId: p.id, tier: p.tier })),
            );
          }
          if (!lines.includes('PARTY')) {
            const partySubs = subordinates.filter((p) => p.partySuperiorId === id);
            if (partySubs.length > 0)
              throw new DomainError(
                'VALIDATION_FAILED',
                `不能将岗位移出${LINE_LABELS.PARTY}：仍有 ${partySubs.length} 个岗位在${LINE_LABELS.PARTY}中向本岗位汇报（${listNames(
                  partySubs.map((p) => `“${p.title}”`),
                )}），请先调整它们的党群线上级`,
                partySubs.map((p) => ({ kind: 'PARTY_SUBORDINATE', postId: p.id })),
              );
          }
        }

        const after = await guarded(
          () =>
            repo.updatePost(tx, id, {
              ...input,
              lines,
              tier,
              adminSuperiorId,
              partySuperiorId,
            }),
          () => duplicatePost(input.code ?? before.code),
        );
        await record(tx, actor, {
          action: 'post.update',
          entityType: 'Post',
          entityId: id,
          before: postSnapshot(before),
          after: postSnapshot(after),
        });
        return toPost(after);
      });
    },

    /** A post no longer used: refused while posts report to it or it owns active targets; its holders leave it. */
    async archivePost(actor: Actor, id: string) {
      requireAdmin(actor);
      return repo.transaction(async (tx) => {
        const before = await repo.findPost(tx, actor.organisationId, id);
        if (!before) throw notFound('岗位');
        if (before.archivedAt) return { id, isArchived: true as const };
        const refs = await repo.postReferences(tx, actor.organisationId, id);
        const holds = describeCounts([
          [refs.activeSubordinates, (n) => `${n} 个下级岗位`],
          [refs.activeTargets, (n) => `${n} 个在用目标`],
        ]);
        if (holds)
          throw new DomainError(
            'CONFLICT',
            `岗位“${before.title}”仍有${holds}，无法归档，请先为下级岗位调整上级、将目标移交或归档`,
            { activeSubordinatePosts: refs.activeSubordinates, activeTargets: refs.activeTargets },
          );
        const holdings = await repo.activeHoldingsOfPost(tx, actor.organisationId, id);
        for (const holding of holdings) {
          await endHoldingIn(tx, actor, holding);
          if (holding.isPrimary) await settlePrimary(tx, actor, holding.personId);
        }
        const after = await repo.updatePost(tx, id, { archivedAt: now() });
        await record(tx, actor, {
          action: 'post.archive',
          entityType: 'Post',
          entityId: id,
          before: postSnapshot(before),
          after: { ...postSnapshot(after), endedHoldings: holdings.length },
        });
        return { id, isArchived: true as const };
      });
    },

    async deletePost(actor: Actor, id: string) {
      requireAdmin(actor);
      await repo.transaction(async (tx) => {
        const before = await repo.findPost(tx, actor.organisationId, id);
        if (!before) throw notFound('岗位');
        const refs = await repo.postReferences(tx, actor.organisationId, id);
        const holds = describeCounts([
          [refs.subordinates, (n) => `${n} 个下级岗位`],
          [refs.targets, (n) => `${n} 个目标`],
          [refs.holdings, (n) => `${n} 条任职记录`],
        ]);
        if (holds)
          throw new DomainError('CONFLICT', `该岗位仍有${holds}，无法删除，请改为归档`, {
            subordinatePosts: refs.subordinates,
            targets: refs.targets,
            holdings: refs.holdings,
          });
        await repo.deletePost(tx, id);
        await record(tx, actor, {
          action: 'post.delete',
          entityType: 'Post',
          entityId: id,
          before: postSnapshot(before),
        });
      });
    },

    // ---------------------------------------------------------------- holdings
    /**
     * A person takes a post. One active holding per (person, post); a person who held the post
     * before takes it up again on the same record (the database keeps one row per pair; the audit
     * log keeps the earlier dates). The first post a person holds becomes their primary one.
     */
    async createHolding(actor: Actor, input: In<typeof CreateHolding>) {
      requireAdmin(actor);
      return repo.transaction(async (tx) => {
        const person = await repo.findPerson(tx, actor.organisationId, input.personId);
        if (!person) throw notFound('人员');
        const post = await repo.findPost(tx, actor.organisationId, input.postId);
        if (!post) throw notFound('岗位');
        if (person.archivedAt)
          throw new DomainError('CONFLICT', `人员“${person.name}”已归档，不能再安排任职`);
        if (post.archivedAt) throw new DomainError('CONFLICT', `岗位“${post.title}”已归档，不能再安排人员`);

        const previous = await repo.findHoldingOf(tx, person.id, post.id);
        if (previous && previous.endedOn === null)
          throw new DomainError('CONFLICT', `“${person.name}”已在岗位“${post.title}”任职，无需重复安排`);
        const active = await repo.activeHoldingsOfPerson(tx, actor.organisationId, person.id);
        const isPrimary = input.isPrimary ?? !active.some((h) => h.isPrimary);
        const startedOn = toDbDate(input.startedOn ?? today());

        const holding = previous
          ? await repo.updateHolding(tx, previous.id, { endedOn: null, startedOn, isPrimary })
          : await guarded(
              () =>
                repo.createHolding(tx, {
                  organisationId: actor.organisationId,
                  personId: person.id,
                  postId: post.id,
                  isPrimary,
                  startedOn,
                }),
              () => new DomainError('CONFLICT', `“${person.name}”已在岗位“${post.title}”任职，无需重复安排`),
            );
        await record(tx, actor, {
          action: 'holding.create',
          entityType: 'Holding',
          entityId: holding.id,
          before: previous ? holdingSnapshot(previous) : undefined,
          after: holdingSnapshot(holding),
        });
        if (isPrimary) await settlePrimary(tx, actor, person.id, holding.id);
        return toHolding(holding);
      });
    },

    /** A person leaves a post; the holding stays as history. Ending an ended holding changes nothing. */
    async endHolding(actor: Actor, id: string) {
      requireAdmin(actor);
      return repo.transaction(async (tx) => {
        const holding = await repo.findHolding(tx, actor.organisationId, id);
        if (!holding) throw notFound('任职记录');
        if (holding.endedOn) return toHolding(holding);
        const ended = await endHoldingIn(tx, actor, holding);
        if (holding.isPrimary) await settlePrimary(tx, actor, holding.personId);
        return toHolding(ended);
      });
    },
  };
}

export type OrgService = ReturnType<typeof createOrgService>;
