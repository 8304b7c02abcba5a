// Login throttling against the real limits: its own app (the shared harness app raises the
// per-address limit), and its own client addresses through X-Forwarded-For (trusted from loopback).
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/app';
import { loadConfig } from '../src/config';
import {
  accountKey,
  addressKey,
  throttleState,
  THROTTLE_HORIZON_MS,
  type ThrottlePolicy,
} from '../src/modules/auth/login-throttle';
import { createOrgFixture, FIXTURE_PASSWORD } from './support/fixtures';
import { Client, useHarness } from './support/harness';

const h = useHarness();
let baseUrl: string;
let server: Server;

beforeAll(async () => {
  const config = { ...loadConfig(), LOG_LEVEL: 'silent' as const, ZEREN_WEB_DIST: '/nonexistent' };
  // The defaults this file checks.
  expect(config.LOGIN_MAX_FAILURES_PER_ACCOUNT).toBe(5);
  expect(config.LOGIN_MAX_FAILURES_PER_ADDRESS).toBe(20);
  expect(config.LOGIN_THROTTLE_WINDOW_MINUTES).toBe(15);
  server = createApp({ db: h.db, config, logger: pino({ level: 'silent' }) }).listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => server.once('listening', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

let addressCounter = 0;
/** A fresh documentation-range address per test, so tests do not share an address count. */
const freshAddress = () => `198.51.100.${++addressCounter}`;

function login(username: string, password: string, address: string) {
  return new Client(baseUrl).request(
    'POST',
    '/api/auth/login',
    { username, password },
    {
      'x-forwarded-for': address,
    },
  );
}

/** Pretends `seconds` have passed for a key: its attempts move back in time. */
async function age(key: string, seconds: number) {
  await h.db
    .$executeRaw`UPDATE "LoginAttempt" SET "at" = "at" - make_interval(secs => ${seconds}) WHERE "key" = ${key}`;
}

const RATE_LIMITED = {
  error: {
    code: 'RATE_LIMITED',
    message: expect.stringMatching(/^登录失败次数过多，请 \d+ (秒|分钟)后再试$/),
    details: { retryAfterSeconds: expect.any(Number) },
  },
};

describe('login throttling per account', () => {
  it('answers 429 with Retry-After after 5 failures, even for the right password', async () => {
    const org = await createOrgFixture(h.db);
    const address = freshAddress();
    for (let i = 0; i < 5; i++) {
      const res = await login(org.usernames.staff, 'wrong password', address);
      expect(res.status).toBe(401);
      expect(res.body).toEqual({ error: { code: 'UNAUTHENTICATED', message: '用户名或密码错误' } });
    }
    const locked = await login(org.usernames.staff, FIXTURE_PASSWORD, address);
    expect(locked.status).toBe(429);
    expect(locked.body).toEqual(RATE_LIMITED);
    expect(locked.body.error.message).toBe('登录失败次数过多，请 1 分钟后再试');
    const retryAfter = Number(locked.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(55);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(locked.body.error.details.retryAfterSeconds).toBe(retryAfter);
    expect(locked.headers.get('set-cookie')).toBeNull();
    // The lock is per account: another account from the same address still logs in.
    expect((await login(org.usernames.chief, FIXTURE_PASSWORD, address)).status).toBe(200);
    // And this account from another address is locked too.
    expect((await login(org.usernames.staff, FIXTURE_PASSWORD, freshAddress())).status).toBe(429);
  });

  it('throttles an unknown username exactly like a known one (no enumeration)', async () => {
    const org = await createOrgFixture(h.db);
    const run = async (username: string) => {
      const address = freshAddress();
      const answers = [];
      for (let i = 0; i < 7; i++) {
        const res = await login(username, 'wrong password', address);
        answers.push({ status: res.status, body: res.body, hasRetryAfter: res.headers.has('retry-after') });
      }
      return answers;
    };
    const known = await run(org.usernames.deputy);
    const unknown = await run(`nobody-${org.usernames.deputy}`);
    expect(unknown.map((a) => a.status)).toEqual([401, 401, 401, 401, 401, 429, 429]);
    expect(known.map((a) => a.status)).toEqual(unknown.map((a) => a.status));
    expect(known.map((a) => a.hasRetryAfter)).toEqual(unknown.map((a) => a.hasRetryAfter));
    for (let i = 0; i < 7; i++) {
      expect(known[i]!.body.error.code).toBe(unknown[i]!.body.error.code);
      expect(known[i]!.body.error.message).toBe(unknown[i]!.body.error.message);
    }
  });

  it('backs off exponentially: 1, 2, 4 minutes after the 5th, 6th and 7th failure', async () => {
    const org = await createOrgFixture(h.db);
    const address = freshAddress();
    const key = accountKey(org.usernames.director);
    for (let i = 0; i < 5; i++) await login(org.usernames.director, 'wrong', address);
    const waits: number[] = [];
    for (const minutes of [1, 2, 4]) {
      const locked = await login(org.usernames.director, 'wrong', address);
      expect(locked.status).toBe(429);
      const wait = Number(locked.headers.get('retry-after'));
      expect(wait).toBeGreaterThan(minutes * 60 - 5);
      expect(wait).toBeLessThanOrEqual(minutes * 60);
      waits.push(wait);
      await age(key, minutes * 60 + 1); // the lock has passed
      expect((await login(org.usernames.director, 'wrong', address)).status).toBe(401);
    }
    expect(waits[1]! / waits[0]!).toBeCloseTo(2, 1);
    expect(waits[2]! / waits[1]!).toBeCloseTo(2, 1);
    // After the lock and 15 quiet minutes the count starts afresh.
    await age(key, 8 * 60 + 15 * 60 + 1);
    expect((await login(org.usernames.director, FIXTURE_PASSWORD, address)).status).toBe(200);
  });

  it('clears the account count on a successful login', async () => {
    const org = await createOrgFixture(h.db);
    const address = freshAddress();
    for (let i = 0; i < 4; i++) expect((await login(org.usernames.chief, 'wrong', address)).status).toBe(401);
    expect((await login(org.usernames.chief, FIXTURE_PASSWORD, address)).status).toBe(200);
    expect(await h.db.loginAttempt.count({ where: { key: accountKey(org.usernames.chief) } })).toBe(0);
    for (let i = 0; i < 4; i++) expect((await login(org.usernames.chief, 'wrong', address)).status).toBe(401);
    expect((await login(org.usernames.chief, FIXTURE_PASSWORD, address)).status).toBe(200);
  });

  it('counts attempts before checking them, so parallel guesses cannot pass the limit', async () => {
    const org = await createOrgFixture(h.db);
    const address = freshAddress();
    const answers = await Promise.all(
      Array.from({ length: 12 }, (_, i) => login(org.usernames.admin, `guess ${i}`, address)),
    );
    const statuses = answers.map((a) => a.status).sort();
    expect(statuses.filter((s) => s === 401)).toHaveLength(5);
    expect(statuses.filter((s) => s === 429)).toHaveLength(7);
  });

  it('lets a whole office log in at once from one address (a shared NAT)', async () => {
    const org = await createOrgFixture(h.db);
    const address = freshAddress();
    const users = Object.values(org.usernames);
    const answers = await Promise.all(
      [...users, ...users].map((username) => login(username, FIXTURE_PASSWORD, address)),
    );
    expect(answers.map((a) => a.status)).toEqual(Array(users.length * 2).fill(200));
  });

  it('treats the username case-insensitively for counting', async () => {
    const org = await createOrgFixture(h.db);
    const address = freshAddress();
    for (let i = 0; i < 5; i++)
      await login(i % 2 ? org.usernames.staff.toUpperCase() : org.usernames.staff, 'wrong', address);
    expect((await login(org.usernames.staff, FIXTURE_PASSWORD, address)).status).toBe(429);
  });
});

describe('login throttling per client address', () => {
  it('answers 429 to every account from an address after 20 failures; other addresses are unaffected', async () => {
    const org = await createOrgFixture(h.db);
    const address = freshAddress();
    for (let i = 0; i < 20; i++) {
      // A different (unknown) name each time: no account count comes near its limit.
      expect((await login(`spray-${i}-${org.usernames.staff}`, 'wrong', address)).status).toBe(401);
    }
    const locked = await login(org.usernames.staff, FIXTURE_PASSWORD, address);
    expect(locked.status).toBe(429);
    expect(locked.body).toEqual(RATE_LIMITED);
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await login(org.usernames.staff, FIXTURE_PASSWORD, freshAddress())).status).toBe(200);
  });

  it('does not let a successful login reset the address count', async () => {
    const org = await createOrgFixture(h.db);
    const address = freshAddress();
    for (let i = 0; i < 19; i++) await login(`spray-${i}-${org.usernames.chief}`, 'wrong', address);
    expect((await login(org.usernames.chief, FIXTURE_PASSWORD, address)).status).toBe(200);
    expect(await h.db.loginAttempt.count({ where: { key: addressKey(address) } })).toBe(19);
    expect((await login(`spray-x-${org.usernames.chief}`, 'wrong', address)).status).toBe(401);
    expect((await login(org.usernames.chief, FIXTURE_PASSWORD, address)).status).toBe(429);
  });
});

describe('login attempt storage', () => {
  it('keeps no username in clear and prunes attempts older than a day on write', async () => {
    const org = await createOrgFixture(h.db);
    const address = freshAddress();
    const stale = await h.db.loginAttempt.create({
      data: { key: 'address:192.0.2.99', at: new Date(Date.now() - THROTTLE_HORIZON_MS - 60_000) },
    });
    await login(org.usernames.deputy, 'wrong', address);
    expect(await h.db.loginAttempt.findUnique({ where: { id: stale.id } })).toBeNull();
    const keys = (await h.db.loginAttempt.findMany({ where: { key: { contains: org.usernames.deputy } } }))
      .length;
    expect(keys).toBe(0);
    expect(await h.db.loginAttempt.count({ where: { key: accountKey(org.usernames.deputy) } })).toBe(1);
  });
});

describe('the throttle state machine', () => {
  const policy: ThrottlePolicy = {
    maxFailures: 3,
    windowMs: 15 * 60_000,
    baseLockMs: 60_000,
    maxLockMs: 15 * 60_000,
  };
  const t0 = Date.UTC(2026, 0, 1);
  const at = (seconds: number) => new Date(t0 + seconds * 1000);

  it('locks at the limit and doubles the lock per further failure, up to the cap', () => {
    expect(throttleState([at(0), at(1)], policy, at(2))).toEqual({ failures: 2, lockedUntil: null });
    expect(throttleState([at(0), at(1), at(2)], policy, at(3))).toEqual({ failures: 3, lockedUntil: at(62) });
    const times = [at(0), at(1), at(2), at(70), at(200), at(500), at(1000), at(1900)];
    const state = throttleState(times, policy, at(1901));
    expect(state.failures).toBe(8);
    expect(state.lockedUntil).toEqual(at(1900 + 15 * 60)); // 32 minutes capped at 15
  });

  it('forgets after a quiet window once the lock has ended', () => {
    const times = [at(0), at(1), at(2)]; // locked until 62 s
    expect(throttleState(times, policy, at(62 + 15 * 60 - 1)).failures).toBe(3);
    expect(throttleState(times, policy, at(62 + 15 * 60 + 1))).toEqual({ failures: 0, lockedUntil: null });
    // Two failures, a long pause, one more: the count restarts at 1.
    expect(throttleState([at(0), at(1), at(2000)], policy, at(2001)).failures).toBe(1);
  });
});
