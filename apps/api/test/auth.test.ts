import { describe, expect, it } from 'vitest';
import { Client, useHarness } from './support/harness';
import { createOrgFixture, FIXTURE_PASSWORD } from './support/fixtures';

const h = useHarness();

describe('health', () => {
  it('answers ok with the database reachable', async () => {
    const res = await new Client(h.baseUrl).get('/api/health');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok', db: 'ok' });
  });
});

describe('login', () => {
  it('logs in, sets an httpOnly SameSite session cookie and answers the user with posts and tier', async () => {
    const org = await createOrgFixture(h.db);
    const client = new Client(h.baseUrl);
    const res = await client.login(org.usernames.chief, FIXTURE_PASSWORD);
    expect(res.status).toBe(200);
    const cookie = res.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^zeren_sid=[A-Za-z0-9_-]{43};/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(res.body.person.name).toBe('孙科长');
    expect(res.body.highestTier).toBe(3);
    expect(res.body.posts).toEqual([
      expect.objectContaining({ title: '医政科科长', tier: 3, lines: ['ADMINISTRATIVE'], isPrimary: true }),
    ]);
    expect(res.body.roles).toEqual([]);
  });

  it('gives a fresh session id at every login (no fixation)', async () => {
    const org = await createOrgFixture(h.db);
    const a = await new Client(h.baseUrl).login(org.usernames.staff, FIXTURE_PASSWORD);
    const b = await new Client(h.baseUrl).login(org.usernames.staff, FIXTURE_PASSWORD);
    expect(a.headers.get('set-cookie')).not.toBe(b.headers.get('set-cookie'));
  });

  it('answers a wrong password and an unknown user with the same 401', async () => {
    const org = await createOrgFixture(h.db);
    const wrong = await new Client(h.baseUrl).login(org.usernames.staff, 'not the password');
    const unknown = await new Client(h.baseUrl).login('nobody-at-all', 'not the password');
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body).toEqual(unknown.body);
    expect(wrong.body).toEqual({ error: { code: 'UNAUTHENTICATED', message: '用户名或密码错误' } });
    expect(wrong.headers.get('set-cookie')).toBeNull();
  });

  it('refuses a disabled account like a wrong password', async () => {
    const org = await createOrgFixture(h.db);
    await h.db.userAccount.update({
      where: { username: org.usernames.staff },
      data: { disabledAt: new Date() },
    });
    const res = await new Client(h.baseUrl).login(org.usernames.staff, FIXTURE_PASSWORD);
    expect(res.status).toBe(401);
  });

  it('rejects a malformed body with the error shape and a Chinese message', async () => {
    const client = new Client(h.baseUrl);
    const missing = await client.post('/api/auth/login', { username: '' });
    expect(missing.status).toBe(400);
    expect(missing.body.error.code).toBe('VALIDATION_FAILED');
    expect(missing.body.error.message).toMatch(/请/);
    expect(missing.body.error.details).toEqual(
      expect.arrayContaining([expect.objectContaining({ path: 'body.username' })]),
    );
    const notJson = await client.post('/api/auth/login', '{"username":', {});
    expect(notJson.status).toBe(400);
    expect(notJson.body).toEqual({ error: { code: 'VALIDATION_FAILED', message: '请求体不是有效的 JSON' } });
  });

  it('refuses unsafe requests without the CSRF header', async () => {
    const org = await createOrgFixture(h.db);
    const res = await new Client(h.baseUrl).request(
      'POST',
      '/api/auth/login',
      { username: org.usernames.staff, password: FIXTURE_PASSWORD },
      { 'x-requested-with': '' },
    );
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('FORBIDDEN');
  });
});

describe('me and logout', () => {
  it('needs a session', async () => {
    const res = await new Client(h.baseUrl).get('/api/auth/me');
    expect(res.status).toBe(401);
    expect(res.body).toEqual({ error: { code: 'UNAUTHENTICATED', message: '请先登录' } });
  });

  it('answers the logged-in user with roles; an admin carries ADMIN', async () => {
    const org = await createOrgFixture(h.db);
    const client = new Client(h.baseUrl);
    await client.login(org.usernames.admin, FIXTURE_PASSWORD);
    const me = await client.get('/api/auth/me');
    expect(me.status).toBe(200);
    expect(me.body.user.username).toBe(org.usernames.admin);
    expect(me.body.roles).toEqual(['ADMIN']);
    expect(me.body.highestTier).toBeNull();
    expect(me.body.organisation.id).toBe(org.organisationId);
  });

  it('makes a logged-out session dead on the server, even if the cookie is replayed', async () => {
    const org = await createOrgFixture(h.db);
    const client = new Client(h.baseUrl);
    const login = await client.login(org.usernames.director, FIXTURE_PASSWORD);
    const stolenCookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    expect((await client.get('/api/auth/me')).status).toBe(200);
    expect((await client.post('/api/auth/logout')).status).toBe(204);
    const replay = await new Client(h.baseUrl).request('GET', '/api/auth/me', undefined, {
      cookie: stolenCookie,
    });
    expect(replay.status).toBe(401);
  });

  it('ends the session when it has been idle too long', async () => {
    const org = await createOrgFixture(h.db);
    const client = new Client(h.baseUrl);
    await client.login(org.usernames.deputy, FIXTURE_PASSWORD);
    const user = await h.db.userAccount.findUniqueOrThrow({ where: { username: org.usernames.deputy } });
    await h.db.session.updateMany({
      where: { userId: user.id },
      data: { lastSeenAt: new Date(Date.now() - 31 * 60_000) },
    });
    expect((await client.get('/api/auth/me')).status).toBe(401);
    expect(await h.db.session.count({ where: { userId: user.id } })).toBe(0);
  });
});

describe('preferences', () => {
  it('remembers the UI language for the user and refuses an unknown one', async () => {
    const org = await createOrgFixture(h.db);
    const client = new Client(h.baseUrl);
    await client.login(org.usernames.staff, FIXTURE_PASSWORD);
    const saved = await client.request('PATCH', '/api/auth/me/preferences', { locale: 'en-US' });
    expect(saved.status).toBe(200);
    expect(saved.body.user.locale).toBe('en-US');
    // A new session (another browser) gets it back with the user.
    const elsewhere = await new Client(h.baseUrl).login(org.usernames.staff, FIXTURE_PASSWORD);
    expect(elsewhere.body.user.locale).toBe('en-US');
    const bad = await client.request('PATCH', '/api/auth/me/preferences', { locale: 'fr-FR' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('VALIDATION_FAILED');
    expect((await client.get('/api/auth/me')).body.user.locale).toBe('en-US');
  });
});

describe('unknown routes', () => {
  it('answers 404 in the error shape', async () => {
    const res = await new Client(h.baseUrl).get('/api/no-such-thing');
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('NOT_FOUND');
  });
});

describe('session lookup (one statement per request)', () => {
  const lastSeenOf = async (userId: string) =>
    (await h.db.session.findFirstOrThrow({ where: { userId } })).lastSeenAt.getTime();

  it('slides the idle timeout: refreshes lastSeenAt older than a minute, leaves a fresher one alone', async () => {
    const org = await createOrgFixture(h.db);
    const client = new Client(h.baseUrl);
    await client.login(org.usernames.chief, FIXTURE_PASSWORD);
    const { id } = await h.db.userAccount.findUniqueOrThrow({ where: { username: org.usernames.chief } });

    // Idle 29 minutes: still alive, and the request moves lastSeenAt to now.
    await h.db.session.updateMany({
      where: { userId: id },
      data: { lastSeenAt: new Date(Date.now() - 29 * 60_000) },
    });
    const before = Date.now();
    expect((await client.get('/api/auth/me')).status).toBe(200);
    expect(await lastSeenOf(id)).toBeGreaterThanOrEqual(before - 1_000);

    // Seen 20 seconds ago: no write, the value stays exactly as it was.
    const recent = new Date(Date.now() - 20_000);
    await h.db.session.updateMany({ where: { userId: id }, data: { lastSeenAt: recent } });
    expect((await client.get('/api/auth/me')).status).toBe(200);
    expect(await lastSeenOf(id)).toBe(recent.getTime());
  });

  it('costs the same single statement whether or not the session is touched', async () => {
    const org = await createOrgFixture(h.db);
    const client = new Client(h.baseUrl);
    await client.login(org.usernames.staff, FIXTURE_PASSWORD);
    const { id } = await h.db.userAccount.findUniqueOrThrow({ where: { username: org.usernames.staff } });
    const statementsOf = async () => {
      const before = h.queryCount();
      expect((await client.get('/api/auth/me')).status).toBe(200);
      return h.queryCount() - before;
    };
    const fresh = await statementsOf();
    await h.db.session.updateMany({
      where: { userId: id },
      data: { lastSeenAt: new Date(Date.now() - 10 * 60_000) },
    });
    const touched = await statementsOf();
    // The session lookup (with its touch) and GET /api/auth/me's own read.
    expect(fresh).toBe(2);
    expect(touched).toBe(2);
  });

  it('resolves active posts only, primary first, with the assessor role from the membership', async () => {
    const org = await createOrgFixture(h.db);
    const { organisationId } = org;
    const chief = org.personIds.chief;
    const unit = await h.db.orgUnit.findFirstOrThrow({ where: { organisationId, name: '医政科' } });
    // An acting post (not primary, higher tier), an ended holding and a holding of an archived post.
    await h.db.holding.create({ data: { organisationId, personId: chief, postId: org.postIds.deputy } });
    await h.db.holding.create({
      data: {
        organisationId,
        personId: chief,
        postId: org.postIds.staff,
        startedOn: new Date('2025-01-01'),
        endedOn: new Date('2026-01-01'),
      },
    });
    const archived = await h.db.post.create({
      data: {
        organisationId,
        unitId: unit.id,
        code: 'YZ-OLD',
        title: '旧岗位',
        tier: 3,
        lines: ['ADMINISTRATIVE'],
        adminSuperiorId: org.postIds.deputy,
        archivedAt: new Date(),
      },
    });
    await h.db.holding.create({ data: { organisationId, personId: chief, postId: archived.id } });
    await h.db.assessmentGroupMember.create({ data: { organisationId, personId: chief } });

    const client = new Client(h.baseUrl);
    const login = await client.login(org.usernames.chief, FIXTURE_PASSWORD);
    const me = await client.get('/api/auth/me');
    expect(me.status).toBe(200);
    expect(me.body).toEqual(login.body);
    expect(me.body.roles).toEqual(['ASSESSOR']);
    expect(me.body.highestTier).toBe(2);
    expect(me.body.person).toEqual({ id: chief, name: '孙科长' });
    expect(me.body.posts).toEqual([
      {
        id: org.postIds.chief,
        title: '医政科科长',
        tier: 3,
        unit: { id: unit.id, name: '医政科', kind: 'SECTION' },
        lines: ['ADMINISTRATIVE'],
        isPrimary: true,
      },
      expect.objectContaining({ id: org.postIds.deputy, tier: 2, isPrimary: false }),
    ]);
    // The actor carries the same posts: the acting tier-2 post opens the supervisor dashboard.
    const dashboard = await client.get(`/api/dashboards/supervisor?postId=${org.postIds.deputy}`);
    expect(dashboard.status).toBe(200);
  });
});
