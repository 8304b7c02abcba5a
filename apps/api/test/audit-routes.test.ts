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
