// Progress: append-only updates, the roll-up to the root in the same transaction (also under
// concurrent updates), and evidence files.
import { describe, expect, it } from 'vitest';
import { type Client, useHarness } from './support/harness';
import { createTargetFixture, recomputeFromScratch, storedProgress } from './support/target-fixtures';

const h = useHarness();

const PDF = Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF\n');
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);

/** Evidence goes up as the raw file with its type. */
const rawUpload = (client: Client, bytes: Buffer, type: string, filename: string) =>
  client.request('POST', `/api/evidence?filename=${encodeURIComponent(filename)}`, bytes, {
    'content-type': type,
  });

describe('POST /api/targets/:id/progress', () => {
  it("lets the chief record a staff member's progress and the bureau root moves in the same request", async () => {
    const f = await createTargetFixture(h.db, h.baseUrl);
    const director = await f.login('director');
    const rootBefore = await director.get(`/api/targets/${f.targets['BUSINESS:director']}`);
    expect(rootBefore.body.progress).toBe(0);

    const chief = await f.login('chief');
    const res = await chief.post(`/api/targets/${f.targets['BUSINESS:staff']}/progress`, {
      value: 90,
      note: '完成第三季度医疗质量检查',
      evidenceUrl: 'https://example.org/report/3',
    });
    expect(res.status).toBe(201);
    expect(res.body.update).toMatchObject({
      targetId: f.targets['BUSINESS:staff'],
      value: 90,
      normalised: 90,
      note: '完成第三季度医疗质量检查',
      evidenceUrl: 'https://example.org/report/3',
      evidenceFile: null,
      recordedBy: { name: '孙科长' },
    });
    // staff 90 → chief (50/50) 45 → deputy (33.33/33.33/33.34) 15 → director (50/50) 7.5.
    expect(res.body.rollUp).toEqual([
      { targetId: f.targets['BUSINESS:staff'], progress: 90 },
      { targetId: f.targets['BUSINESS:chief'], progress: 45 },
      { targetId: f.targets['BUSINESS:deputy'], progress: 15 },
      { targetId: f.targets['BUSINESS:director'], progress: 7.5 },
    ]);
    const rootAfter = await director.get(`/api/targets/${f.targets['BUSINESS:director']}`);
    expect(rootAfter.body.progress).toBe(7.5);
    const leaf = await director.get(`/api/targets/${f.targets['BUSINESS:staff']}`);
    expect(leaf.body).toMatchObject({ latestValue: 90, progress: 90 });
    expect(leaf.body.recentProgress).toHaveLength(1);
    expect(await storedProgress(h.db, f.organisationId)).toEqual(
      await recomputeFromScratch(h.db, f.organisationId),
    );

    const [entry] = await h.db.auditEntry.findMany({
      where: { organisationId: f.organisationId, action: 'progress.record' },
    });
    expect(entry).toMatchObject({ entityType: 'Target', entityId: f.targets['BUSINESS:staff'] });
    expect(entry!.before).toEqual({ latestValue: null, progress: 0 });
    expect(entry!.after).toMatchObject({
      value: 90,
      normalised: 90,
      progress: 90,
      progressUpdateId: res.body.update.id,
    });
  });

  it('normalises by the measure: a NUMBER from its baseline, a MILESTONE when done', async () => {
    const f = await createTargetFixture(h.db, h.baseUrl);
    await h.db.target.update({
      where: { id: f.targets['MANAGEMENT:staff'] },
      data: { measureKind: 'NUMBER', baseline: 10, goal: 2, measureUnit: '次' },
    });
    await h.db.target.update({
      where: { id: f.targets['MANAGEMENT:staff2'] },
      data: { measureKind: 'MILESTONE', goal: 1 },
    });
    const chief = await f.login('chief');
    const number = await chief.post(`/api/targets/${f.targets['MANAGEMENT:staff']}/progress`, {
      value: 4,
      note: '差错降到 4 次',
    });
    expect(number.body.update.normalised).toBe(75);
    const milestone = await chief.post(`/api/targets/${f.targets['MANAGEMENT:staff2']}/progress`, {
      value: 1,
      note: '已完成',
    });
    expect(milestone.body.update.normalised).toBe(100);
    expect(milestone.body.rollUp[1]).toEqual({ targetId: f.targets['MANAGEMENT:chief'], progress: 87.5 });
  });

  it('lets staff record their own, refuses a colleague’s (404), a leader who is not the direct superior (403) and another org (404)', async () => {
    const f = await createTargetFixture(h.db, h.baseUrl);
    const other = await createTargetFixture(h.db, h.baseUrl, { name: '另一局' });
    const body = { value: 50, note: '过半' };
    const staff = await f.login('staff');
    expect((await staff.post(`/api/targets/${f.targets['BUSINESS:staff']}/progress`, body)).status).toBe(201);
    expect((await staff.post(`/api/targets/${f.targets['BUSINESS:staff2']}/progress`, body)).status).toBe(
      404,
    );
    const deputy = await (
      await f.login('deputy')
    ).post(`/api/targets/${f.targets['BUSINESS:staff']}/progress`, body);
    expect(deputy.status).toBe(403);
    expect(deputy.body.error.code).toBe('FORBIDDEN');
    expect(
      (await (await f.login('director')).post(`/api/targets/${f.targets['BUSINESS:staff']}/progress`, body))
        .status,
    ).toBe(403);
    expect(
      (await (await f.login('chiefB')).post(`/api/targets/${f.targets['BUSINESS:staff']}/progress`, body))
        .status,
    ).toBe(404);
    expect(
      (
        await (
          await other.login('director')
        ).post(`/api/targets/${f.targets['BUSINESS:staff']}/progress`, body)
      ).status,
    ).toBe(404);
    // The party group leader records for the party member in the party line.
    const partyLeader = await (
      await f.login('chief')
    ).post(`/api/targets/${f.targets['PARTY:staff']}/progress`, body);
    expect(partyLeader.status).toBe(201);
    expect(await h.db.progressUpdate.count({ where: { organisationId: f.organisationId } })).toBe(2);
  });

  it('refuses a decomposed target (409), an archived one (409) and a bad body (400)', async () => {
    const f = await createTargetFixture(h.db, h.baseUrl);
    const chief = await f.login('chief');
    const parent = await chief.post(`/api/targets/${f.targets['BUSINESS:chief']}/progress`, {
      value: 50,
      note: '过半',
    });
    expect(parent.status).toBe(409);
    expect(parent.body.error.message).toContain('进度由子目标汇总');
    await h.db.target.update({ where: { id: f.targets['BUSINESS:staff'] }, data: { status: 'ARCHIVED' } });
    expect(
      (await chief.post(`/api/targets/${f.targets['BUSINESS:staff']}/progress`, { value: 1, note: '迟到' }))
        .status,
    ).toBe(409);
    const bad = await chief.post(`/api/targets/${f.targets['BUSINESS:staff2']}/progress`, {
      value: 'many',
      note: '',
      evidenceUrl: 'javascript:alert(1)',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.map((d: { path: string }) => d.path).sort()).toEqual(
      ['body.evidenceUrl', 'body.note', 'body.value'].sort(),
    );
  });

  it('keeps the root exact under 10 parallel updates on sibling leaves', async () => {
    const f = await createTargetFixture(h.db, h.baseUrl);
    const [chief, chiefB, staff] = await Promise.all([f.login('chief'), f.login('chiefB'), f.login('staff')]);
    const jobs: [Client, string, number][] = [
      [chief, 'BUSINESS:staff', 91],
      [chief, 'BUSINESS:staff2', 37],
      [chiefB, 'BUSINESS:staffB', 64],
      [chief, 'MANAGEMENT:staff', 12.5],
      [chief, 'MANAGEMENT:staff2', 88],
      [chiefB, 'MANAGEMENT:staffB', 45],
      [chief, 'IDEOLOGICAL:staff', 70],
      [chief, 'IDEOLOGICAL:staff2', 33.3],
      [chiefB, 'IDEOLOGICAL:staffB', 99],
      [staff, 'PARTY:staff', 58],
    ];
    const results = await Promise.all(
      jobs.map(([client, key, value]) =>
        client.post(`/api/targets/${f.targets[key as keyof typeof f.targets]}/progress`, {
          value,
          note: `并发 ${value}`,
        }),
      ),
    );
    expect(results.map((r) => r.status)).toEqual(Array(10).fill(201));
    const stored = await storedProgress(h.db, f.organisationId);
    expect(stored).toEqual(await recomputeFromScratch(h.db, f.organisationId));
    expect(stored.get(f.targets['BUSINESS:director'])).toBeGreaterThan(0);
    expect(
      await h.db.auditEntry.count({ where: { organisationId: f.organisationId, action: 'progress.record' } }),
    ).toBe(10);
  });

  it('keeps the last of 10 parallel updates of one leaf as its latest value', async () => {
    const f = await createTargetFixture(h.db, h.baseUrl);
    const chief = await f.login('chief');
    const id = f.targets['BUSINESS:staff'];
    await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        chief.post(`/api/targets/${id}/progress`, { value: 10 * (i + 1), note: `第 ${i + 1} 次` }),
      ),
    );
    const history = await chief.get(`/api/targets/${id}/progress`);
    expect(history.body.items).toHaveLength(10);
    const leaf = await h.db.target.findUniqueOrThrow({ where: { id } });
    // Whatever order they committed in, the stored value is the newest update's value.
    expect(leaf.latestValue?.toNumber()).toBe(history.body.items[0].value);
    expect(await storedProgress(h.db, f.organisationId)).toEqual(
      await recomputeFromScratch(h.db, f.organisationId),
    );
  });
});

describe('GET /api/targets/:id/progress', () => {
  it('lists the whole history newest first, to whoever may read the target', async () => {
    const f = await createTargetFixture(h.db, h.baseUrl);
    const staff = await f.login('staff');
    const id = f.targets['BUSINESS:staff'];
    await staff.post(`/api/targets/${id}/progress`, { value: 20, note: '一季度' });
    await staff.post(`/api/targets/${id}/progress`, { value: 60, note: '二季度' });
    const res = await (await f.login('deputy')).get(`/api/targets/${id}/progress`);
    expect(res.status).toBe(200);
    expect(res.body.items.map((u: { note: string }) => u.note)).toEqual(['二季度', '一季度']);
    expect(res.body.items[0].recordedBy.name).toBe('李科员');
    expect((await (await f.login('staff2')).get(`/api/targets/${id}/progress`)).status).toBe(404);
  });
});

describe('evidence', () => {
  it('uploads a PDF, cites it in progress, and serves it to those who may read the target', async () => {
    const f = await createTargetFixture(h.db, h.baseUrl);
    const staff = await f.login('staff');
    const up = await rawUpload(staff, PDF, 'application/pdf', '三季度检查记录.pdf');
    expect(up.status).toBe(201);
    expect(up.body).toEqual({
      id: expect.any(String),
      filename: '三季度检查记录.pdf',
      mimeType: 'application/pdf',
      sizeBytes: PDF.length,
    });
    const stored = await h.db.evidenceFile.findUniqueOrThrow({ where: { id: up.body.id } });
    expect(stored.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(Buffer.from(stored.content).equals(PDF)).toBe(true);

    const rec = await staff.post(`/api/targets/${f.targets['BUSINESS:staff']}/progress`, {
      value: 75,
      note: '附检查记录',
      evidenceFileId: up.body.id,
    });
    expect(rec.status).toBe(201);
    expect(rec.body.update.evidenceFile).toEqual(up.body);

    for (const who of ['staff', 'chief', 'deputy', 'director'] as const) {
      const res = await (await f.login(who)).get(`/api/evidence/${up.body.id}`);
      expect(res.status, who).toBe(200);
      expect(res.headers.get('content-type')).toBe('application/pdf');
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('content-disposition')).toBe(
        `attachment; filename="_______.pdf"; filename*=UTF-8''${encodeURIComponent('三季度检查记录.pdf')}`,
      );
      expect(res.text).toBe(PDF.toString());
    }
    // Not for a colleague, another section or another organisation.
    const other = await createTargetFixture(h.db, h.baseUrl, { name: '另一局' });
    for (const client of [await f.login('staff2'), await f.login('chiefB'), await other.login('director')]) {
      expect((await client.get(`/api/evidence/${up.body.id}`)).status).toBe(404);
    }
    const audit = await h.db.auditEntry.findMany({
      where: { organisationId: f.organisationId, action: 'evidence.upload' },
    });
    expect(audit).toHaveLength(1);
    expect(audit[0]!.after).toMatchObject({ id: up.body.id, sha256: stored.sha256 });
  });

  it('lets the uploader download an uncited file, and nobody else', async () => {
    const f = await createTargetFixture(h.db, h.baseUrl);
    const chief = await f.login('chief');
    const up = await rawUpload(chief, PNG, 'image/png', '../../etc/照片.png');
    expect(up.status).toBe(201);
    expect(up.body.filename).toBe('照片.png');
    expect((await chief.get(`/api/evidence/${up.body.id}`)).status).toBe(200);
    expect((await (await f.login('director')).get(`/api/evidence/${up.body.id}`)).status).toBe(404);
  });

  it('refuses a type mismatch (415), an unknown type (415), an empty file (400), no filename (400) and a file over 10 MiB (413)', async () => {
    const f = await createTargetFixture(h.db, h.baseUrl);
    const staff = await f.login('staff');
    const fake = await rawUpload(
      staff,
      Buffer.from('<html><script>alert(1)</script>'),
      'application/pdf',
      'x.pdf',
    );
    expect(fake.status).toBe(415);
    expect(fake.body.error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    expect((await rawUpload(staff, PNG, 'image/jpeg', 'x.jpg')).status).toBe(415);
    expect((await rawUpload(staff, PDF, 'text/html', 'x.html')).status).toBe(415);
    expect((await rawUpload(staff, Buffer.alloc(0), 'application/pdf', 'x.pdf')).status).toBe(400);
    expect((await rawUpload(staff, PDF, 'application/pdf', '')).status).toBe(400);
    const big = Buffer.concat([PDF, Buffer.alloc(10 * 1024 * 1024)]);
    const tooBig = await rawUpload(staff, big, 'application/pdf', 'big.pdf');
    expect(tooBig.status).toBe(413);
    expect(await h.db.evidenceFile.count({ where: { organisationId: f.organisationId } })).toBe(0);
  });

  it("refuses to cite someone else's file (404)", async () => {
    const f = await createTargetFixture(h.db, h.baseUrl);
    const up = await rawUpload(await f.login('chief'), PDF, 'application/pdf', 'a.pdf');
    const res = await (
      await f.login('staff')
    ).post(`/api/targets/${f.targets['BUSINESS:staff']}/progress`, {
      value: 10,
      note: '引用他人材料',
      evidenceFileId: up.body.id,
    });
    expect(res.status).toBe(404);
    expect(await h.db.progressUpdate.count({ where: { organisationId: f.organisationId } })).toBe(0);
  });
});
