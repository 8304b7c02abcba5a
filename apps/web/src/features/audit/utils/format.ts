import type { AuditEntry } from '@zeren/contracts';
import canonicalize from 'canonicalize';
import type { TFunction } from 'i18next';
import zhCN from '@/locales/zh-CN.json';

type AuditTexts = (typeof zhCN)['audit'];
type ActionKey = keyof AuditTexts['action'];
type EntityTypeKey = keyof AuditTexts['entityType'];
type FieldKey = keyof AuditTexts['field'];
type AuditGapKinds = (typeof zhCN)['gaps']['kind'];

const has = <K extends string>(table: Record<K, string>, key: string): key is K => Object.hasOwn(table, key);

/**
 * Audit times are read in the bureau's time zone, whatever the browser's: an entry stamped
 * 23:30 in Beijing stays on that day for an administrator travelling abroad.
 */
const chinaTime = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/** 2026-11-27 14:43:12 (北京时间). */
export function formatChinaTime(iso: string): string {
  const parts = Object.fromEntries(chinaTime.formatToParts(new Date(iso)).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}:${parts.second}`;
}

/** `target.update` → locale key `target_update` (i18next reads dots as nesting). */
const actionKey = (action: string) => action.replaceAll('.', '_');

export function actionLabel(t: TFunction, action: string): string {
  const key = actionKey(action);
  return has(zhCN.audit.action, key) ? t(`audit.action.${key satisfies ActionKey}`) : action;
}

export function entityTypeLabel(t: TFunction, entityType: string): string {
  return has(zhCN.audit.entityType, entityType)
    ? t(`audit.entityType.${entityType satisfies EntityTypeKey}`)
    : entityType;
}

export function fieldLabel(t: TFunction, field: string): string {
  return has(zhCN.audit.field, field) ? t(`audit.field.${field satisfies FieldKey}`) : field;
}

/** The actions the filter offers, by area, in the order an administrator thinks of them. */
const actionGroups: Record<keyof AuditTexts['actionGroup'], readonly string[]> = {
  targets: [
    'target.create',
    'target.update',
    'target.decompose',
    'target.bulk-assign',
    'target.archive',
    'progress.record',
    'evidence.upload',
    'gap.waive',
    'gap.waiver.revoke',
    'target-year.publish',
  ],
  evaluations: [
    'cycle.create',
    'cycle.window',
    'cycle.open',
    'cycle.close',
    'cycle.reopen',
    'cycle.publish',
    'assessors.set',
    'exclusion.add',
    'exclusion.remove',
    'score.save',
    'score.submit',
    'adjustment.add',
    'adjustment.delete',
    'results.compute',
    'results.publish',
    'result.amend',
  ],
  supervision: [
    'inspectionPlan.create',
    'inspectionPlan.update',
    'inspectionPlan.archive',
    'inspection.record',
    'finding.rectify',
    'finding.close',
    'finding.sendBack',
    'finding.escalate',
    'finding.deduction.accept',
  ],
  org: [
    'unit.create',
    'unit.update',
    'unit.archive',
    'unit.delete',
    'person.create',
    'person.update',
    'person.archive',
    'person.delete',
    'post.create',
    'post.update',
    'post.archive',
    'post.delete',
    'holding.create',
    'holding.update',
    'holding.end',
    'user.password.change',
    'user.disable',
    'user.enable',
  ],
};

export function actionOptions(t: TFunction) {
  return (Object.keys(actionGroups) as (keyof typeof actionGroups)[]).map((group) => ({
    label: t(`audit.actionGroup.${group}`),
    title: t(`audit.actionGroup.${group}`),
    options: actionGroups[group].map((action) => ({ value: action, label: actionLabel(t, action) })),
  }));
}

export function entityTypeOptions(t: TFunction) {
  return (Object.keys(zhCN.audit.entityType) as EntityTypeKey[]).map((type) => ({
    value: type,
    label: entityTypeLabel(t, type),
  }));
}

type Snapshot = Record<string, unknown>;
const isSnapshot = (value: unknown): value is Snapshot =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Bookkeeping that changes with every write and says nothing to a reader. */
const noiseFields = new Set(['version', 'updatedAt', 'createdAt', 'organisationId', 'id']);

const sameValue = (a: unknown, b: unknown) => canonicalize(a ?? null) === canonicalize(b ?? null);

export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
  isChanged: boolean;
}

/** Field by field, what the entry's snapshots hold; changed fields first, bookkeeping last. */
export function fieldChanges(entry: Pick<AuditEntry, 'before' | 'after'>): FieldChange[] {
  const before = isSnapshot(entry.before) ? entry.before : {};
  const after = isSnapshot(entry.after) ? entry.after : {};
  const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  const changes = fields.map((field) => ({
    field,
    before: before[field],
    after: after[field],
    isChanged: !sameValue(before[field], after[field]),
  }));
  const rank = (c: FieldChange) => (noiseFields.has(c.field) ? 2 : c.isChanged ? 0 : 1);
  return changes.sort((a, b) => rank(a) - rank(b));
}

/** A snapshot value as a person reads it: 是/否, 空, numbers and text as they are, JSON for the rest. */
export function formatValue(t: TFunction, value: unknown): string {
  if (value === null || value === undefined || value === '') return t('audit.summary.empty');
  if (typeof value === 'boolean') return value ? t('audit.detail.yes') : t('audit.detail.no');
  if (typeof value === 'string' || typeof value === 'number') return String(value);
  return JSON.stringify(value);
}

const shorten = (text: string, max = 24) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/** One line on what the entry changed: 标题：A → B；权重：8 → 10, or the note of a progress update. */
export function summarise(t: TFunction, entry: AuditEntry): string {
  const after = isSnapshot(entry.after) ? entry.after : null;
  const before = isSnapshot(entry.before) ? entry.before : null;
  if (entry.action === 'progress.record' && after) {
    const from = before?.latestValue;
    const to = formatValue(t, after.value);
    const value =
      from === null || from === undefined
        ? t('audit.summary.progressFirst', { to })
        : t('audit.summary.progress', { from: formatValue(t, from), to });
    return typeof after.note === 'string' && after.note
      ? `${value}${t('audit.summary.separator')}${shorten(after.note, 40)}`
      : value;
  }
  const reason = after?.reason ?? before?.reason;
  let reasonText =
    typeof reason === 'string' && reason
      ? t('audit.summary.field', { field: fieldLabel(t, 'reason'), value: shorten(reason, 40) })
      : null;
  // A waiver says which kind of gap it waives (岗位空缺, 权重合计≠100, …) before its reason.
  const gapKind = String(after?.gapKey ?? before?.gapKey ?? '').split(':')[0] ?? '';
  if (entry.entityType === 'GapWaiver' && has(zhCN.gaps.kind, gapKind))
    reasonText = [t(`gaps.kind.${gapKind satisfies keyof AuditGapKinds}`), reasonText]
      .filter(Boolean)
      .join(t('audit.summary.separator'));
  if (!before && after) return reasonText ?? t('audit.summary.created');
  if (before && !after) return reasonText ?? t('audit.summary.deleted');
  const changed = fieldChanges(entry).filter((c) => c.isChanged && !noiseFields.has(c.field));
  if (changed.length === 0) return reasonText ?? (before || after ? t('audit.summary.noChange') : '—');
  const shown = changed.slice(0, 2).map((c) =>
    t('audit.summary.field', {
      field: fieldLabel(t, c.field),
      value: `${shorten(formatValue(t, c.before))} → ${shorten(formatValue(t, c.after))}`,
    }),
  );
  const more = changed.length > 2 ? ` ${t('audit.summary.more', { count: changed.length - 2 })}` : '';
  return `${shown.join(t('audit.summary.separator'))}${more}`;
}

/**
 * The exact text the server hashed for this entry (RFC 8785 canonical JSON, as in
 * apps/api/src/modules/audit/audit-hash.ts): hash = SHA-256(prevHash + this text).
 */
export function canonicalRecord(entry: AuditEntry, organisationId: string): string {
  return (
    canonicalize({
      organisationId,
      actorUserId: entry.actor?.userId ?? null,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId,
      before: entry.before ?? null,
      after: entry.after ?? null,
      at: entry.at,
    }) ?? ''
  );
}

export const GENESIS_HASH = '0'.repeat(64);
