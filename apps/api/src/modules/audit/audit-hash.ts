import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';

export const GENESIS_HASH = '0'.repeat(64);

/** What one audit entry commits to. `at` is set by the application so the hash covers it. */
export interface AuditRecord {
  organisationId: string | null;
  actorUserId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  before: unknown;
  after: unknown;
  at: string;
}

/** Turns Dates, Decimals and BigInts into the JSON the database stores, so hashing is repeatable. */
export function toAuditJson(value: unknown): unknown {
  if (value === undefined) return null;
  return JSON.parse(JSON.stringify(value, (_key, v: unknown) => (typeof v === 'bigint' ? v.toString() : v)));
}

/** The canonical (RFC 8785) JSON of an entry: what its hash covers after the previous hash. */
export const canonicalAuditRecord = (record: AuditRecord): string => canonicalize(record) ?? '';

/**
 * SHA-256 of the previous hash and the canonical JSON of the entry. The database computes the same
 * when it appends (`zeren_audit_append`: sha256 of the previous hash followed by this JSON, UTF-8).
 */
export function hashAuditRecord(prevHash: string, record: AuditRecord): string {
  return createHash('sha256').update(prevHash).update(canonicalAuditRecord(record)).digest('hex');
}
