// Baseline checks of docs/security.md: headers, error hygiene, body limit, session lifetime and
// what disabling an account does.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { createApp } from '../src/app';
import { loadConfig, type Config } from '../src/config';
import type { Db } from '../src/db/database';
import { createOrgFixture, FIXTURE_PASSWORD } from './support/fixtures';
import { Client, useHarness } from './support/harness';

const h = useHarness();

/** The app with another config or database, on its own port, for one test. */
async function withApp<T>(
  options: { config?: Partial<Config>; db?: Db; log?: string[] },
  fn: (baseUrl: string) => Promise<T>,
): Promise<T> {
  const config = {
    ...loadConfig(),
    LOG_LEVEL: 'silent' as const,
    ZEREN_WEB_DIST: '/nonexistent',
    // As in the harness: other files' failed logins come from 127.0.0.1 too.
    LOGIN_MAX_FAILURES_PER_ADDRESS: 1_000_000,
    ...options.config,
  };
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      options.log?.push(chunk.toString());
      done();
    },
  });
  const app = createApp({ db: options.db ?? h.db, config, logger: pino({ level: 'error' }, sink) });
  const server = app.listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => server.once('listening', resolve));
  try {
    return await fn(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
  } finally {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

const userId = async (username: string) =>
  (await h.db.userAccount.findUniqueOrThrow({ where: { username } })).id;

describe('security headers', () => {
  it('sends a strict CSP and the usual hardening headers, and no X-Powered-By', async () => {
    for (const path of ['/api/health', '/api/no-such-thing']) {
      const res = await new Client(h.baseUrl).get(path);
      const csp = res.headers.get('content-security-policy') ?? '';
      const directives = Object.fromEntries(
        csp.split(';').map((d) => {
          const [name, ...values] = d.trim().split(/\s+/);
          return [name, values];
        }),
      );
      expect(directives['default-src']).toEqual(["'self'"]);
      expect(directives['script-src']).toEqual(["'self'"]);
      expect(directives['frame-ancestors']).toEqual(["'none'"]);
      expect(directives['object-src']).toEqual(["'none'"]);
      expect(directives['base-uri']).toEqual(["'self'"]);
      expect(directives['form-action']).toEqual(["'self'"]);
      expect(csp).not.toContain('unsafe-eval');
      expect(directives['script-src']).not.toContain("'unsafe-inline'");
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN');
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
      expect(res.headers.get('cross-origin-opener-policy')).toBe('same-origin');
      expect(res.headers.has('x-powered-by')).toBe(false);
      // HSTS only behind TLS in production.
      expect(res.headers.has('strict-transport-security')).toBe(false);
    }
  });

  it('adds HSTS and a Secure session cookie in production', async () => {
    const org = await createOrgFixture(h.db);
    await withApp({ config: { NODE_ENV: 'production' } }, async (baseUrl) => {
      const res = await new Client(baseUrl).login(org.usernames.staff, FIXTURE_PASSWORD);
      expect(res.status).toBe(200);
      expect(res.headers.get('strict-transport-security')).toMatch(/max-age=\d{7,}/);
      expect(res.headers.get('set-cookie')).toMatch(/; Secure/i);
    });
  });
});

describe('compression', () => {
  /** GET with exactly these request headers (fetch would add and undo its own Accept-Encoding). */
  const rawGet = (url: string, headers: Record<string, string>) =>
    new Promise<{ headers: http.IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
      http
        .get(url, { headers }, (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
        })
        .on('error', reject);
    });

  it('sends the SPA assets and JSON gzip-encoded to clients that accept it, plain otherwise', async () => {
    const dist = await mkdtemp(path.join(os.tmpdir(), 'zeren-dist-'));
    const script = `console.log(${JSON.stringify('责任链'.repeat(2000))});`;
    await mkdir(path.join(dist, 'assets'));
    await writeFile(path.join(dist, 'index.html'), '<!doctype html><title>Zeren</title>');
    await writeFile(path.join(dist, 'assets/app.js'), script);
    try {
      await withApp({ config: { ZEREN_WEB_DIST: dist } }, async (baseUrl) => {
        const plain = await rawGet(`${baseUrl}/assets/app.js`, {});
        expect(plain.headers['content-encoding']).toBeUndefined();
        expect(plain.body.toString()).toBe(script);
        const gzipped = await rawGet(`${baseUrl}/assets/app.js`, { 'accept-encoding': 'gzip' });
        expect(gzipped.headers['content-encoding']).toBe('gzip');
        expect(gzipped.body.length).toBeLessThan(Buffer.byteLength(script) / 10);
        expect(zlib.gunzipSync(gzipped.body).toString()).toBe(script);
        // A browser's usual offer: gzip is chosen, not brotli (memory; see app.ts).
        const offered = await rawGet(`${baseUrl}/assets/app.js`, {
          'accept-encoding': 'gzip, deflate, br, zstd',
        });
        expect(offered.headers['content-encoding']).toBe('gzip');
        expect(zlib.gunzipSync(offered.body).toString()).toBe(script);
        const brOnly = await rawGet(`${baseUrl}/assets/app.js`, { 'accept-encoding': 'br' });
        expect(brOnly.headers['content-encoding']).toBeUndefined();
        expect(brOnly.body.toString()).toBe(script);

        const spec = await rawGet(`${baseUrl}/api/openapi.json`, { 'accept-encoding': 'gzip' });
        expect(spec.headers['content-encoding']).toBe('gzip');
        expect(JSON.parse(zlib.gunzipSync(spec.body).toString())).toHaveProperty('openapi');
      });
    } finally {
      await rm(dist, { recursive: true, force: true });
    }
  });
});

describe('error hygiene', () => {
  it('answers an unexpected error with the generic 500 body: no message, stack or SQL; it is logged', async () => {
    const secret = 'relation "UserAccount" does not exist: SELECT "passwordHash" FROM "UserAccount"';
    // A database whose user lookup fails the way a broken query would; everything else is real.
    const broken = new Proxy(h.db, {
      get(target, property, receiver) {
        if (property === 'userAccount')
          return {
            findUnique: () => {
              throw Object.assign(new Error(secret), { code: 'P2010' });
            },
          };
        return Reflect.get(target, property, receiver) as unknown;
      },
    });
    const log: string[] = [];
    await withApp({ db: broken, log }, async (baseUrl) => {
      const res = await new Client(baseUrl).login('anyone', 'any password');
      expect(res.status).toBe(500);
      expect(res.body).toEqual({ error: { code: 'INTERNAL', message: '服务器内部错误，请稍后重试' } });
      expect(res.text).not.toMatch(/SELECT|UserAccount|passwordHash|\bat\s|\.ts:\d+/);
      expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    });
    expect(log.join('')).toContain('does not exist');
  });

  it('answers a body over 1 MB with 413 in the error shape', async () => {
    const big = JSON.stringify({ username: 'x', password: 'y'.repeat(1024 * 1024 + 10) });
    const res = await new Client(h.baseUrl).post('/api/auth/login', big);
    expect(res.status).toBe(413);
    expect(res.body).toEqual({ error: { code: 'PAYLOAD_TOO_LARGE', message: '请求体过大' } });
  });

  it('accepts a body just under the limit as far as parsing goes', async () => {
    const body = JSON.stringify({ username: 'x', password: 'y'.repeat(1000 * 1000) });
    const res = await new Client(h.baseUrl).post('/api/auth/login', body);
    expect(res.status).toBe(400); // parsed, then refused by the contract (password too long)
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
  });
});

describe('session lifetime', () => {
  it('sets the cookie and the session to expire 12 hours after login', async () => {
    const org = await createOrgFixture(h.db);
    const before = Date.now();
    const res = await new Client(h.baseUrl).login(org.usernames.chief, FIXTURE_PASSWORD);
    const expires = Date.parse(/Expires=([^;]+)/i.exec(res.headers.get('set-cookie') ?? '')?.[1] ?? '');
    expect(Math.abs(expires - (before + 12 * 3_600_000))).toBeLessThan(5_000);
    const session = await h.db.session.findFirstOrThrow({
      where: { userId: await userId(org.usernames.chief) },
    });
    expect(Math.abs(session.expiresAt.getTime() - (before + 12 * 3_600_000))).toBeLessThan(5_000);
  });

  it('ends a session past its absolute lifetime even while it is in use', async () => {
    const org = await createOrgFixture(h.db);
    const client = new Client(h.baseUrl);
    await client.login(org.usernames.staff, FIXTURE_PASSWORD);
    const id = await userId(org.usernames.staff);
    expect((await client.get('/api/auth/me')).status).toBe(200);
    // Used a second ago (not idle), but created more than 12 hours ago.
    await h.db.session.updateMany({
      where: { userId: id },
      data: {
        createdAt: new Date(Date.now() - 13 * 3_600_000),
        expiresAt: new Date(Date.now() - 1000),
        lastSeenAt: new Date(),
      },
    });
    const res = await client.get('/api/auth/me');
    expect(res.status).toBe(401);
    expect(res.body).toEqual({ error: { code: 'UNAUTHENTICATED', message: '请先登录' } });
    expect(await h.db.session.count({ where: { userId: id } })).toBe(0);
  });
});

describe('disabling an account', () => {
  it('ends its sessions at the next request when disabledAt is set directly', async () => {
    const org = await createOrgFixture(h.db);
    const client = new Client(h.baseUrl);
    await client.login(org.usernames.deputy, FIXTURE_PASSWORD);
    const id = await userId(org.usernames.deputy);
    await h.db.userAccount.update({ where: { id }, data: { disabledAt: new Date() } });
    expect((await client.get('/api/auth/me')).status).toBe(401);
    expect(await h.db.session.count({ where: { userId: id } })).toBe(0);
  });

  it('lets an administrator disable an account: its sessions end at once, audited; enabling restores login', async () => {
    const org = await createOrgFixture(h.db);
    const admin = new Client(h.baseUrl);
    await admin.login(org.usernames.admin, FIXTURE_PASSWORD);
    const staff = new Client(h.baseUrl);
    await staff.login(org.usernames.staff, FIXTURE_PASSWORD);
    const staffId = await userId(org.usernames.staff);

    expect((await admin.post(`/api/auth/users/${staffId}/disable`)).status).toBe(204);
    expect(await h.db.session.count({ where: { userId: staffId } })).toBe(0);
    expect((await staff.get('/api/auth/me')).status).toBe(401);
    const refused = await new Client(h.baseUrl).login(org.usernames.staff, FIXTURE_PASSWORD);
    expect(refused.status).toBe(401);
    expect(refused.body).toEqual({ error: { code: 'UNAUTHENTICATED', message: '用户名或密码错误' } });

    const entry = await h.db.auditEntry.findFirstOrThrow({
      where: { organisationId: org.organisationId, action: 'user.disable' },
    });
    expect(entry).toMatchObject({
      entityType: 'UserAccount',
      entityId: staffId,
      after: { endedSessions: 1 },
    });

    expect((await admin.post(`/api/auth/users/${staffId}/enable`)).status).toBe(204);
    expect((await new Client(h.baseUrl).login(org.usernames.staff, FIXTURE_PASSWORD)).status).toBe(200);
    expect(
      await h.db.auditEntry.count({ where: { organisationId: org.organisationId, action: 'user.enable' } }),
    ).toBe(1);
  });

  it('is for administrators of the same organisation only, and not for oneself', async () => {
    const org = await createOrgFixture(h.db);
    const other = await createOrgFixture(h.db, '他局');
    const director = new Client(h.baseUrl);
    await director.login(org.usernames.director, FIXTURE_PASSWORD);
    const admin = new Client(h.baseUrl);
    await admin.login(org.usernames.admin, FIXTURE_PASSWORD);

    const staffId = await userId(org.usernames.staff);
    expect((await director.post(`/api/auth/users/${staffId}/disable`)).status).toBe(403);
    const foreign = await admin.post(`/api/auth/users/${await userId(other.usernames.staff)}/disable`);
    expect(foreign.status).toBe(404);
    expect((await admin.post(`/api/auth/users/${await userId(org.usernames.admin)}/disable`)).status).toBe(
      403,
    );
    expect((await admin.post('/api/auth/users/not-a-uuid/disable')).status).toBe(400);
    expect(
      await h.db.userAccount.count({
        where: { organisationId: org.organisationId, disabledAt: { not: null } },
      }),
    ).toBe(0);
  });
});
