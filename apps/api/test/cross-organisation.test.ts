// Nothing of one organisation reaches another: every chain and target route, called by another
// organisation's tier 1 (who may do everything in their own) with this organisation's ids, answers
// 404 and changes nothing.
import { describe, expect, it } from 'vitest';
import { useHarness } from './support/harness';
import { createTargetFixture, del, patch, put } from './support/target-fixtures';

const h = useHarness();

const PDF = Buffer.from('%PDF-1.4\n%%EOF\n');

describe('across organisations', () => {
  it('answers 404 to every route given another organisation’s ids, and writes nothing', async () => {
    const a = await createTargetFixture(h.db, h.baseUrl);
    const b = await createTargetFixture(h.db, h.baseUrl, { name: '另一局' });
    const staff = await a.login('staff');
    const evidence = await staff.request('POST', '/api/evidence?filename=a.pdf', PDF, {
      'content-type': 'application/pdf',
    });
    await staff.post(`/api/targets/${a.targets['BUSINESS:staff']}/progress`, {
      value: 50,
      note: '附件',
      evidenceFileId: evidence.body.id,
    });
    const directorA = await a.login('director');
    const waiverGap = `POST_WITHOUT_HOLDER:${a.postIds.staffB}`;
    await h.db.holding.updateMany({ where: { postId: a.postIds.staffB }, data: { endedOn: new Date() } });
    const waiver = await directorA.post('/api/gaps/waivers', {
      year: a.year,
      gapKey: waiverGap,
      reason: '待补充人员',
    });
    expect(waiver.status).toBe(201);
    const auditBefore = await h.db.auditEntry.count({ where: { organisationId: a.organisationId } });
    const versionsBefore = await h.db.target.findMany({
      where: { organisationId: a.organisationId },
      select: { id: true, version: true, progress: true },
      orderBy: { id: 'asc' },
    });

    const intruder = await b.login('director');
    const t = a.targets['BUSINESS:chief'];
    const leaf = a.targets['BUSINESS:staff'];
    const template = {
      title: '越权',
      weight: 0,
      measureKind: 'PERCENTAGE',
      goal: 100,
      dueDate: '2026-12-31',
    };
    const calls = [
      intruder.get(`/api/targets/${t}`),
      intruder.get(`/api/targets/${t}/tree`),
      intruder.get(`/api/targets/${leaf}/progress`),
      intruder.post(`/api/targets/${leaf}/progress`, { value: 1, note: '越权' }),
      patch(intruder, `/api/targets/${t}`, { version: 1, title: '越权' }),
      intruder.post(`/api/targets/${t}/archive`, { version: 1 }),
      put(intruder, `/api/targets/${t}/children`, { version: 1, children: [] }),
      intruder.post('/api/targets', {
        ...template,
        year: a.year,
        category: 'BUSINESS',
        line: 'ADMINISTRATIVE',
        ownerPostId: b.postIds.staff,
        parentId: t,
      }),
      intruder.post('/api/targets', {
        ...template,
        year: a.year,
        category: 'BUSINESS',
        line: 'ADMINISTRATIVE',
        ownerPostId: a.postIds.director,
      }),
      intruder.get(`/api/evidence/${evidence.body.id}`),
      intruder.get(`/api/people/${a.personIds.chief}/profile`),
      intruder.get(`/api/chain?rootPostId=${a.postIds.director}`),
      del(intruder, `/api/gaps/waivers/${waiver.body.id}`),
      intruder.post('/api/gaps/waivers', { year: a.year, gapKey: waiverGap, reason: '越权豁免' }),
    ];
    const results = await Promise.all(calls);
    results.forEach((res, i) => {
      expect(res.status, `call ${i}`).toBe(404);
      expect(res.body.error.code).toBe('NOT_FOUND');
    });

    // Lists answer with the intruder's own organisation only.
    expect((await intruder.get(`/api/targets?unitId=${a.unitIds.sectionA}`)).body.total).toBe(0);
    const bulk = await intruder.post('/api/targets/bulk-assign', {
      year: a.year,
      category: 'BUSINESS',
      line: 'ADMINISTRATIVE',
      template,
      scope: { unitId: a.unitIds.sectionA },
    });
    expect(bulk.status).toBe(400);

    expect(await h.db.auditEntry.count({ where: { organisationId: a.organisationId } })).toBe(auditBefore);
    expect(
      await h.db.target.findMany({
        where: { organisationId: a.organisationId },
        select: { id: true, version: true, progress: true },
        orderBy: { id: 'asc' },
      }),
    ).toEqual(versionsBefore);
    expect(await h.db.gapWaiver.count({ where: { organisationId: a.organisationId } })).toBe(1);
  });
});
