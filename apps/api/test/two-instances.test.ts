// Two API instances on one database (docs/performance.md "Past one machine"): the API keeps no
// state of its own between requests, so any instance behind a load balancer answers any request.
// Two real processes (apps/api/dist/main.js, as `npm start` runs it) on the run's test database, real
// HTTP: a session made on one works on the other, and concurrent progress updates through both keep
// every roll-up equal to a full recomputation.
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { createPrisma, type Db } from '../src/db/database';
import { createAuditRepository } from '../src/modules/audit/audit.repository';
import { createAuditService } from '../src/modules/audit/audit.service';
import { startApi, type ApiProcess } from './resilience/support';
import { FIXTURE_PASSWORD } from './support/fixtures';
import {
  createTargetFixture,
  recomputeFromScratch,
  storedProgress,
  type TargetFixture,
  type TargetKey,
} from './support/target-fixtures';

let db: Db;
let a: ApiProcess;
let b: ApiProcess;

beforeAll(async () => {
  const url = inject('databaseUrl');
  db = createPrisma(url, 4);
  [a, b] = await Promise.all([startApi(url), startApi(url)]);
}, 120_000);

afterAll(async () => {
  for (const api of [a, b]) {
    if (api && api.child.exitCode === null) {
      api.child.kill('SIGTERM');
      await api.exited;
    }
  }
  await db?.$disconnect();
});

/** Logs in on one instance; returns the session cookie. */
async function login(api: ApiProcess, username: string): Promise<string> {
  const res = await fetch(`${api.baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-requested-with': 'zeren' },
    body: JSON.stringify({ username, password: FIXTURE_PASSWORD }),
  });
  expect(res.status).toBe(200);
  return res.headers.get('set-cookie')!.split(';')[0]!;
}

const me = (api: ApiProcess, cookie: string) => fetch(`${api.baseUrl}/api/auth/me`, { headers: { cookie } });

function record(api: ApiProcess, cookie: string, targetId: string, value: number, note: string) {
  return fetch(`${api.baseUrl}/api/targets/${targetId}/progress`, {
    method: 'POST',
    headers: { cookie, 'content-type': 'application/json', 'x-requested-with': 'zeren' },
    body: JSON.stringify({ value, note }),
  });
}

describe('two API instances on one database', () => {
  let f: TargetFixture;
  beforeAll(async () => {
    f = await createTargetFixture(db, a.baseUrl);
  });

  it('runs as two separate processes', () => {
    expect(a.child.pid).not.toBe(b.child.pid);
    expect(a.baseUrl).not.toBe(b.baseUrl);
  });

  it('accepts on one instance a session made on the other, and ends it on both', async () => {
    const cookie = await login(a, f.usernames.chief);
    const [onA, onB] = await Promise.all([me(a, cookie), me(b, cookie)]);
    expect(onA.status).toBe(200);
    expect(onB.status).toBe(200);
    const [bodyA, bodyB] = (await Promise.all([onA.json(), onB.json()])) as { user: { username: string } }[];
    expect(bodyB).toEqual(bodyA);
    expect(bodyB!.user.username).toBe(f.usernames.chief);

    // A write through B with the session from A, then logging out on B ends it on A too.
    const write = await record(b, cookie, f.targets['BUSINESS:staff'], 40, '在另一实例上填报');
    expect(write.status).toBe(201);
    const logout = await fetch(`${b.baseUrl}/api/auth/logout`, {
      method: 'POST',
      headers: { cookie, 'x-requested-with': 'zeren' },
    });
    expect(logout.status).toBeLessThan(300);
    expect((await me(a, cookie)).status).toBe(401);
    expect((await me(b, cookie)).status).toBe(401);
  });

  it('keeps every roll-up equal to a full recomputation under 20 + 20 concurrent updates through both', async () => {
    const [chiefOnA, chiefOnB, chiefBOnB] = await Promise.all([
      login(a, f.usernames.chief),
      login(b, f.usernames.chief),
      login(b, f.usernames.chiefB),
    ]);
    // Sibling leaves under the same parents and roots: the chief's two staff in 医政科 (through A
    // and B), and 疾控科's staff (through B).
    const throughA: TargetKey[] = ['BUSINESS:staff', 'MANAGEMENT:staff', 'IDEOLOGICAL:staff', 'PARTY:staff'];
    const throughB: [string, TargetKey][] = [
      [chiefOnB, 'BUSINESS:staff2'],
      [chiefOnB, 'MANAGEMENT:staff2'],
      [chiefBOnB, 'BUSINESS:staffB'],
      [chiefBOnB, 'IDEOLOGICAL:staffB'],
    ];
    const partyLeaf = f.targets['PARTY:staff'];
    const jobs: Promise<Response>[] = [];
    for (let i = 0; i < 20; i++) {
      const keyA = throughA[i % throughA.length]!;
      // PARTY:staff is recorded by the chief as the staff member's party group leader (second post).
      jobs.push(record(a, chiefOnA, f.targets[keyA], 5 + i * 4.5, `实例 A 第 ${i + 1} 次`));
      const [cookie, keyB] = throughB[i % throughB.length]!;
      jobs.push(record(b, cookie, f.targets[keyB], 95 - i * 4, `实例 B 第 ${i + 1} 次`));
    }
    const answers = await Promise.all(jobs);
    const failed = await Promise.all(
      answers.filter((r) => r.status !== 201).map(async (r) => `${r.status} ${await r.text()}`),
    );
    expect(failed).toEqual([]);
    expect(answers).toHaveLength(40);

    const stored = await storedProgress(db, f.organisationId);
    expect(stored).toEqual(await recomputeFromScratch(db, f.organisationId));
    // The roots moved: the updates reached the top through both instances.
    expect(stored.get(f.targets['BUSINESS:director'])).toBeGreaterThan(0);
    expect(stored.get(partyLeaf)).toBeGreaterThan(0);
    // Every update was kept and audited exactly once, in one unbroken hash chain.
    expect(
      await db.progressUpdate.count({
        where: { organisationId: f.organisationId, note: { startsWith: '实例' } },
      }),
    ).toBe(40);
    expect(
      await db.auditEntry.count({ where: { organisationId: f.organisationId, action: 'progress.record' } }),
    ).toBe(41);
    const chain = await createAuditService(createAuditRepository(db)).verify(f.organisationId);
    expect(chain.isIntact).toBe(true);
    expect(chain.checked).toBeGreaterThanOrEqual(41);
    // Each leaf shows its newest update's value.
    for (const key of [...throughA, ...throughB.map(([, k]) => k)]) {
      const id = f.targets[key];
      const [leaf, newest] = await Promise.all([
        db.target.findUniqueOrThrow({ where: { id } }),
        db.progressUpdate.findFirstOrThrow({ where: { targetId: id }, orderBy: { recordedAt: 'desc' } }),
      ]);
      expect(leaf.latestValue?.toNumber()).toBe(newest.value.toNumber());
    }
  }, 90_000);
});
