import { describe, expect, it } from 'vitest';
import { commonPasswordCount, passwordProblem } from '../src/modules/auth/password-policy';
import { createOrgFixture, FIXTURE_PASSWORD } from './support/fixtures';
import { Client, useHarness } from './support/harness';

const h = useHarness();

async function loggedIn(username: string, password = FIXTURE_PASSWORD) {
  const client = new Client(h.baseUrl);
  expect((await client.login(username, password)).status).toBe(200);
  return client;
}

const change = (client: Client, currentPassword: string, newPassword: string) =>
  client.post('/api/auth/password', { currentPassword, newPassword });

describe('POST /api/auth/password', () => {
  it('changes the password, ends the other sessions but not this one, and audits without secrets', async () => {
    const org = await createOrgFixture(h.db);
    const here = await loggedIn(org.usernames.chief);
    const elsewhere = await loggedIn(org.usernames.chief);
    const newPassword = '医政科的新密码 2026';
    const res = await change(here, FIXTURE_PASSWORD, newPassword);
    expect(res.status).toBe(204);

    expect((await here.get('/api/auth/me')).status).toBe(200);
    expect((await elsewhere.get('/api/auth/me')).status).toBe(401);
    const user = await h.db.userAccount.findUniqueOrThrow({ where: { username: org.usernames.chief } });
    expect(await h.db.session.count({ where: { userId: user.id } })).toBe(1);

    expect((await new Client(h.baseUrl).login(org.usernames.chief, FIXTURE_PASSWORD)).status).toBe(401);
    expect((await new Client(h.baseUrl).login(org.usernames.chief, newPassword)).status).toBe(200);

    const entries = await h.db.auditEntry.findMany({ where: { organisationId: org.organisationId } });
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      action: 'user.password.change',
      entityType: 'UserAccount',
      entityId: user.id,
      actorUserId: user.id,
      after: { endedSessions: 1 },
    });
    const stored = JSON.stringify(entries[0]!.before) + JSON.stringify(entries[0]!.after);
    expect(stored).not.toContain(newPassword);
    expect(stored).not.toContain(FIXTURE_PASSWORD);
    expect(stored).not.toContain('argon2');
  });

  it('stores an argon2id hash with m=19 MiB, t=2, p=1', async () => {
    const org = await createOrgFixture(h.db);
    const client = await loggedIn(org.usernames.staff);
    expect((await change(client, FIXTURE_PASSWORD, 'a much better passphrase')).status).toBe(204);
    const { passwordHash } = await h.db.userAccount.findUniqueOrThrow({
      where: { username: org.usernames.staff },
    });
    // PHC string: $argon2id$v=19$m=<KiB>,t=<iterations>,p=<lanes>$<salt>$<hash>
    const [, algorithm, version, params, salt, hash] = passwordHash.split('$');
    expect(algorithm).toBe('argon2id');
    expect(version).toBe('v=19');
    expect(params).toBe('m=19456,t=2,p=1');
    expect(Buffer.from(salt!, 'base64').length).toBeGreaterThanOrEqual(16);
    expect(Buffer.from(hash!, 'base64').length).toBe(32);
  });

  it('refuses short, common, username-like and unchanged passwords with Chinese messages', async () => {
    const org = await createOrgFixture(h.db);
    const client = await loggedIn(org.usernames.deputy);
    const cases: [string, string][] = [
      ['short1', '新密码至少需要 8 个字符'],
      ['password1', '新密码过于常见，容易被猜中，请换一个'],
      ['QWERTYUIOP', '新密码过于常见，容易被猜中，请换一个'],
      ['woaini1314', '新密码过于常见，容易被猜中，请换一个'],
      [org.usernames.deputy.toUpperCase(), '新密码不能与用户名相同'],
      [FIXTURE_PASSWORD, '新密码不能与当前密码相同'],
    ];
    for (const [newPassword, message] of cases) {
      const res = await change(client, FIXTURE_PASSWORD, newPassword);
      expect(res.status, newPassword).toBe(400);
      expect(res.body.error.code).toBe('VALIDATION_FAILED');
      expect(res.body.error.message, newPassword).toContain(message);
      expect(res.body.error.details).toEqual([expect.objectContaining({ path: 'body.newPassword' })]);
    }
    // Nothing changed.
    expect((await new Client(h.baseUrl).login(org.usernames.deputy, FIXTURE_PASSWORD)).status).toBe(200);
  });

  it('refuses a wrong current password, and throttles guessing it', async () => {
    const org = await createOrgFixture(h.db);
    const client = await loggedIn(org.usernames.director);
    for (let i = 0; i < 5; i++) {
      const res = await change(client, `guess ${i}`, 'a much better passphrase');
      expect(res.status).toBe(400);
      expect(res.body.error).toEqual({
        code: 'VALIDATION_FAILED',
        message: '当前密码不正确',
        details: [{ path: 'body.currentPassword', message: '当前密码不正确' }],
      });
    }
    const locked = await change(client, FIXTURE_PASSWORD, 'a much better passphrase');
    expect(locked.status).toBe(429);
    expect(locked.body.error.code).toBe('RATE_LIMITED');
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('needs a session and the CSRF header', async () => {
    const anonymous = await new Client(h.baseUrl).post('/api/auth/password', {
      currentPassword: 'x',
      newPassword: 'a much better passphrase',
    });
    expect(anonymous.status).toBe(401);
    const org = await createOrgFixture(h.db);
    const client = await loggedIn(org.usernames.admin);
    const noHeader = await client.request(
      'POST',
      '/api/auth/password',
      { currentPassword: FIXTURE_PASSWORD, newPassword: 'a much better passphrase' },
      { 'x-requested-with': '' },
    );
    expect(noHeader.status).toBe(403);
  });
});

describe('the password policy', () => {
  it('ships about a thousand common passwords and counts characters, not bytes', () => {
    expect(commonPasswordCount()).toBeGreaterThanOrEqual(1000);
    expect(passwordProblem('一二三四五六七八', { username: 'staff' })).toBeNull();
    expect(passwordProblem('一二三四五六七', { username: 'staff' })).toBe('新密码至少需要 8 个字符');
    expect(passwordProblem('12345678', { username: 'staff' })).toMatch(/常见/);
    expect(passwordProblem('  Password  ', { username: 'staff' })).toMatch(/常见/);
    expect(passwordProblem('correct horse battery staple', { username: 'staff' })).toBeNull();
  });
});
