// The audit log over HTTP: who may read it, what the writes of targets, progress and gaps leave in
// it, and the hash-chain verification.
import { describe, expect, it } from 'vitest';
import { useHarness } from './support/harness';
import { createTargetFixture, patch } from './support/target-fixtures';

const h = useHarness();

describe('GET /api/audit', () => {
  it('lists the organisation’s entries newest first with the actor, filtered and paged', async () => {
    const f = await createTargetFixture(h.db, h.baseUrl);
    const chief = await f.login('chief');
    const id = f.targets['BUSINESS:staff'];
    await chief.post(`/api/targets/${id}/progress`, { value: 30, note: '一季度' });
    await patch(chief, `/api/targets/${id}`, { version: 1, title: '医疗质量检查完成率（住院）' });
    await chief.post(`/api/targets/${id}/progress`, { value: 60, note: '二季度' });

    const director = await f.login('director');
    const res = await director.get(`/api/audit?entityId=${id}`);
    expect(res.status).toBe(200);
    expect(res.body.total).toBe(3);
    expect(res.body.items.map((e: { action: string }) => e.action)).toEqual([
      'progress.record',
      'target.update',
      'progress.record',
    ]);
    expect(res.body.items[1]).toMatchObject({
      entityType: 'Target',
      entityId: id,
      actor: { name: '孙科长' },
      before: { title: '医疗质量检查完成率（医政科科员）' },
      after: { title: '医疗质量检查完成率（住院）' },
    });
    expect(res.body.items[0].at >= res.body.items[2].at).toBe(true);
    const byAction = await director.get('/api/audit?action=target.update&pageSize=1');
    expect(byAction.body).toMatchObject({ total: 1, page: 1, pageSize: 1 });
    expect((await director.get('/api/audit?pageSize=500')).status).toBe(400);
  });

  it('is for tier 1 and administrators only, and never shows another organisation', async () => {
    const f = await createTargetFixture(h.db, h.baseUrl);
    await (
      await f.login('chief')
    ).post(`/api/targets/${f.targets['BUSINESS:staff']}/progress`, { value: 1, note: '起步' });
    expect((await (await f.login('admin')).get('/api/audit')).body.total).toBe(1);
    for (const who of ['deputy', 'chief', 'staff', 'assessor'] as const) {
      const res = await (await f.login(who)).get('/api/audit');
      expect(res.status, who).toBe(403);
    }
    const other = await createTargetFixture(h.db, h.baseUrl, { name: '另一局' });
    const res = await (
      await other.login('director')
    ).get(`/api/audit?entityId=${f.targets['BUSINESS:staff']}`);
    expect(res.body).toMatchObject({ total: 0, items: [] });
  });
});

describe('GET /api/audit filters and entry details', () => {
  /** The calendar day of an instant in the bureau's time zone (UTC+8). */
  const bureauDay = (iso: string) => new Date(Date.parse(iso) + 8 * 3600_000).toISOString().slice(0, 10);
  const shiftDay = (day: string, days: number) =>
    new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

  it('filters by actor (part of the name or the exact user name), entity type and calendar days', async () => {
    const f = await createTargetFixture(h.db, h.baseUrl);
    const id = f.targets['BUSINESS:staff'];
    await (await f.login('chief')).post(`/api/targets/${id}/progress`, { value: 40, note: '孙科长填报' });
    await (await f.login('staff')).post(`/api/targets/${id}/progress`, { value: 45, note: '本人填报' });
    const admin = await f.login('admin');
    const list = async (query: string) => {
      const res = await admin.get(`/api/audit?${query}`);
      expect(res.status, query).toBe(200);
      return res.body as { total: number; items: { action: string; at: string; actor: { name: string } }[] };
    };

    const all = await list('');
    expect(all.total).toBe(2);
    expect((await list(`actor=${encodeURIComponent('孙')}`)).items.map((e) => e.actor.name)).toEqual([
      '孙科长',
    ]);
    expect((await list(`actor=${encodeURIComponent(f.usernames.staff.toUpperCase())}`)).total).toBe(1);
    // A user name matches only whole: part of one is not enough.
    expect((await list(`actor=${encodeURIComponent(f.usernames.staff.slice(0, 4))}`)).total).toBe(0);
    expect((await list(`actor=${encodeURIComponent('无此人')}`)).total).toBe(0);
    expect((await list('entityType=Target')).total).toBe(2);
    expect((await list('entityType=Person')).total).toBe(0);

    const day = bureauDay(all.items[0]!.at);
    expect((await list(`from=${day}&to=${day}`)).total).toBe(2);
    expect((await list(`from=${day}`)).total).toBe(2);
    expect((await list(`to=${shiftDay(day, -1)}`)).total).toBe(0);
    expect((await list(`from=${shiftDay(day, 1)}`)).total).toBe(0);
    expect(
      (await list(`actor=${encodeURIComponent('孙科长')}&from=${day}&action=progress.record`)).total,
    ).toBe(1);
  });

  it('refuses a backwards or malformed date range and an oversized page, in one error shape', async () => {
    const f = await createTargetFixture(h.db, h.baseUrl);
    const admin = await f.login('admin');
    const backwards = await admin.get('/api/audit?from=2026-11-02&to=2026-11-01');
    expect(backwards.status).toBe(400);
    expect(backwards.body.error).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(JSON.stringify(backwards.body.error)).toContain('开始日期不能晚于结束日期');
    for (const query of [
      'from=2026-13-01',
      'to=昨天',
      'pageSize=201',
      'page=0',
      `actor=${'张'.repeat(51)}`,
    ]) {
      const res = await admin.get(`/api/audit?${query}`);
      expect(res.status, query).toBe(400);
      expect(Object.keys(res.body), query).toEqual(['error']);
    }
  });

  it('names the entity and carries each entry’s link in the hash chain', async () => {
    const f = await createTargetFixture(h.db, h.baseUrl);
    const id = f.targets['BUSINESS:staff'];
    const chief = await f.login('chief');
    await chief.post(`/api/targets/${id}/progress`, { value: 10, note: '一' });
    await chief.post(`/api/targets/${id}/progress`, { value: 20, note: '二' });
    const admin = await f.login('admin');
    const res = await admin.get('/api/audit');
    const [newer, older] = res.body.items;
    const target = await h.db.target.findUniqueOrThrow({ where: { id } });
    expect(newer).toMatchObject({ entityType: 'Target', entityId: id, entityLabel: target.title });
    expect(newer.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(older.prevHash).toBe('0'.repeat(64));
    expect(newer.prevHash).toBe(older.hash);
    const stored = await h.db.auditEntry.findFirstOrThrow({ where: { id: BigInt(newer.id) } });
    expect(newer.hash).toBe(stored.hash);
  });
});

describe('GET /api/audit entity labels', () => {
  it('names a waived gap by its post, and a deleted entity by what its snapshot called it', async () => {
    const f = await createTargetFixture(h.db, h.baseUrl);
    await h.db.holding.updateMany({ where: { postId: f.postIds.staffB }, data: { endedOn: new Date() } });
    const waived = await (
      await f.login('director')
    ).post('/api/gaps/waivers', {
      year: f.year,
      gapKey: `POST_WITHOUT_HOLDER:${f.postIds.staffB}`,
      reason: '人员年底前到岗',
    });
    expect(waived.status).toBe(201);
    const admin = await f.login('admin');
    const unit = await admin.post('/api/org/units', { name: '临时专班', kind: 'SECTION' });
    expect(unit.status).toBe(201);
    expect((await admin.request('DELETE', `/api/org/units/${unit.body.id}`)).status).toBe(204);

    const { items } = (await admin.get('/api/audit')).body as {
      items: { action: string; entityLabel: string | null }[];
    };
    const post = await h.db.post.findUniqueOrThrow({ where: { id: f.postIds.staffB } });
    expect(items.map((e) => [e.action, e.entityLabel])).toEqual([
      ['unit.delete', '临时专班'],
      ['unit.create', '临时专班'],
      ['gap.waive', post.title],
    ]);
  });
});

describe('GET /api/audit/verify', () => {
  it('verifies the chain and names the first broken link after tampering', async () => {
    const f = await createTargetFixture(h.db, h.baseUrl);
    const chief = await f.login('chief');
    for (const value of [10, 20, 30]) {
      await chief.post(`/api/targets/${f.targets['BUSINESS:staff']}/progress`, {
        value,
        note: `进度 ${value}`,
      });
    }
    const director = await f.login('director');
    expect((await director.get('/api/audit/verify')).body).toEqual({ checked: 3, isIntact: true });
    expect((await (await f.login('staff')).get('/api/audit/verify')).status).toBe(403);

    const [, victim] = await h.db.auditEntry.findMany({
      where: { organisationId: f.organisationId },
      orderBy: { id: 'asc' },
    });
    await h.db.$transaction([
      h.db.$executeRawUnsafe('ALTER TABLE "AuditEntry" DISABLE TRIGGER "AuditEntry_append_only"'),
      h.db.$executeRaw`UPDATE "AuditEntry" SET "after" = '{"value": 99}'::jsonb WHERE id = ${victim!.id}`,
      h.db.$executeRawUnsafe('ALTER TABLE "AuditEntry" ENABLE TRIGGER "AuditEntry_append_only"'),
    ]);
    const res = await director.get('/api/audit/verify');
    expect(res.body).toMatchObject({
      checked: 1,
      isIntact: false,
      firstBroken: { id: victim!.id.toString(), action: 'progress.record', reason: 'HASH_MISMATCH' },
    });
  });
});
