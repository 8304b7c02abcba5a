// Idempotency-Key for keyed writes (routes with `idempotent: true` in their contract).
//
// The first successful answer is stored as (organisation, user, key) → (route, request hash,
// status, body text) INSIDE the write's own transaction: the service calls `beforeCommit(tx,
// result)` just before its transaction commits. So either the write and its stored answer both
// commit or neither does — a crash (kill -9, the database going away) can never leave a write
// without its key (a retry would write twice) or a key without its write (a retry would be told
// "done" for nothing). Concurrent requests with one key: the second insert waits on the first's
// primary-key entry and, once that commits, inserts nothing; its transaction is then rolled back
// (`IdempotencyRace`) and the stored answer is replayed. Failed requests store nothing, so a retry
// after a 4xx/5xx runs again. Keys expire after 24 hours (an expired row is replaced in place).
import { createHash } from 'node:crypto';
import { IdempotencyKeyValue, type RouteContract } from '@zeren/contracts';
import canonicalize from 'canonicalize';
import type { Db } from '../db/database';
import type { Tx } from '../db/transaction';
import { DomainError } from './errors';

export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;
const PRUNE_EVERY_MS = 60_000;

/** What an idempotent route hands its service: called inside the write transaction, before commit. */
export interface WriteHooks {
  beforeCommit?: (tx: Tx, result: unknown) => Promise<void>;
}

export interface StoredAnswer {
  route: string;
  requestHash: string;
  status: number;
  response: string;
}

/** Thrown inside the write transaction when another request with the same key committed first. */
export class IdempotencyRace extends Error {
  constructor() {
    super('idempotency key taken by a concurrent request');
    this.name = 'IdempotencyRace';
  }
}

export const routeKey = (route: RouteContract) => `${route.method.toUpperCase()} ${route.path}`;

/** SHA-256 of the canonical JSON of what the request asks for: route, path parameters, body. */
export function requestHash(route: RouteContract, params: unknown, body: unknown): string {
  const text = canonicalize({ route: routeKey(route), params: params ?? null, body: body ?? null }) ?? '';
  return createHash('sha256').update(text).digest('hex');
}

/** The header's value, checked; undefined when absent. */
export function readIdempotencyKey(header: string | undefined): string | undefined {
  if (header === undefined) return undefined;
  const parsed = IdempotencyKeyValue.safeParse(header);
  if (!parsed.success) {
    throw new DomainError('VALIDATION_FAILED', parsed.error.issues[0]?.message ?? 'Idempotency-Key 无效', [
      { path: 'headers.idempotency-key', message: parsed.error.issues[0]?.message ?? '' },
    ]);
  }
  return parsed.data;
}

export const keyReusedError = () =>
  new DomainError(
    'CONFLICT',
    '该 Idempotency-Key 已用于另一个不同的请求（内容或接口不同）；每个新请求请使用新的键',
    { reason: 'IDEMPOTENCY_KEY_REUSED' },
  );

export function createIdempotencyStore(db: Db, now: () => Date = () => new Date()) {
  let lastPrune = 0;
  const cutoff = () => new Date(now().getTime() - IDEMPOTENCY_TTL_MS);

  return {
    /** The live stored answer for this key, if any. Prunes expired rows now and then. */
    async find(organisationId: string, userId: string, key: string): Promise<StoredAnswer | undefined> {
      if (now().getTime() - lastPrune > PRUNE_EVERY_MS) {
        lastPrune = now().getTime();
        await db.$executeRaw`DELETE FROM "IdempotencyKey" WHERE "createdAt" < ${cutoff()}`;
      }
      const rows = await db.$queryRaw<StoredAnswer[]>`
        SELECT "route", "requestHash", "status", "response" FROM "IdempotencyKey"
         WHERE "organisationId" = ${organisationId}::uuid AND "userId" = ${userId}::uuid
           AND "key" = ${key} AND "createdAt" >= ${cutoff()}`;
      return rows[0];
    },

    /**
     * Stores the answer (inside the caller's transaction when `client` is one). False when a live
     * answer for the key exists already (after waiting for a concurrent writer of the same key).
     */
    async claim(
      entry: { organisationId: string; userId: string; key: string } & StoredAnswer,
      client: Tx | Db = db,
    ): Promise<boolean> {
      const count = await client.$executeRaw`
        INSERT INTO "IdempotencyKey"
               ("organisationId", "userId", "key", "route", "requestHash", "status", "response", "createdAt")
        VALUES (${entry.organisationId}::uuid, ${entry.userId}::uuid, ${entry.key}, ${entry.route},
                ${entry.requestHash}, ${entry.status}, ${entry.response}, ${now()})
        ON CONFLICT ("organisationId", "userId", "key") DO UPDATE
           SET "route" = EXCLUDED."route", "requestHash" = EXCLUDED."requestHash",
               "status" = EXCLUDED."status", "response" = EXCLUDED."response",
               "createdAt" = EXCLUDED."createdAt"
         WHERE "IdempotencyKey"."createdAt" < ${cutoff()}`;
      return count === 1;
    },
  };
}

export type IdempotencyStore = ReturnType<typeof createIdempotencyStore>;
