import { describe, expect, it } from 'vitest';
import { createAuditRepository } from '../src/modules/audit/audit.repository';
import { createAuditService } from '../src/modules/audit/audit.service';
import { createOrgFixture } from './support/fixtures';
import { useHarness } from './support/harness';

const h = useHarness();

async function appendSome(organisationId: string, count: number) {
  const audit = createAuditService(createAuditRepository(h.db));
  for (let i = 0; i < count; i++) {
    await h.db.$transaction((tx) =>
      audit.append(tx, {
        organisationId,
        actorUserId: null,
        action: 'target.update',
        entityType: 'Target',
        entityId: `t-${i}`,
        before: { weight: 40, title: '会议制度执行率' },
        after: { weight: 60 + i, title: '会议制度执行率', dueDate: new Date('2026-12-31') },
      }),
    );
  }
  return audit;
}

describe('the audit log', () => {
  it('chains entries per organisation and verifies them, also under concurrent appends', async () => {
    const org = await createOrgFixture(h.db);
    const audit = createAuditService(createAuditRepository(h.db));
    await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        h.db.$transaction((tx) =>
          audit.append(tx, {
            organisationId: org.organisationId,
            actorUserId: null,
            action: 'progress.record',
            entityType: 'Target',
            entityId: `c-${i}`,
            after: { value: i },
          }),
        ),
      ),
    );
    const result = await audit.verify(org.organisationId);
    expect(result).toEqual({ organisationId: org.organisationId, checked: 10, isIntact: true });
  });

  it('is refused UPDATE, DELETE and TRUNCATE by the database itself', async () => {
    const org = await createOrgFixture(h.db);
    await appendSome(org.organisationId, 1);
    await expect(
      h.db.auditEntry.updateMany({ where: { organisationId: org.organisationId }, data: { action: 'x' } }),
    ).rejects.toThrow(/append-only/);
    await expect(
      h.db.auditEntry.deleteMany({ where: { organisationId: org.organisationId } }),
    ).rejects.toThrow(/append-only/);
    await expect(h.db.$executeRawUnsafe('TRUNCATE "AuditEntry"')).rejects.toThrow(/append-only/);
  });

  it('names the first broken link when an entry is edited by hand', async () => {
    const org = await createOrgFixture(h.db);
    const audit = await appendSome(org.organisationId, 4);
    const entries = await h.db.auditEntry.findMany({
      where: { organisationId: org.organisationId },
      orderBy: { id: 'asc' },
    });
    const victim = entries[2]!;
    // Someone with superuser rights bypasses the trigger and rewrites history.
    await h.db.$transaction([
      h.db.$executeRawUnsafe('ALTER TABLE "AuditEntry" DISABLE TRIGGER "AuditEntry_append_only"'),
      h.db.$executeRaw`UPDATE "AuditEntry" SET "after" = '{"weight": 99}'::jsonb WHERE id = ${victim.id}`,
      h.db.$executeRawUnsafe('ALTER TABLE "AuditEntry" ENABLE TRIGGER "AuditEntry_append_only"'),
    ]);
    const result = await audit.verify(org.organisationId);
    expect(result.isIntact).toBe(false);
    expect(result.checked).toBe(2);
    expect(result.firstBroken).toEqual(
      expect.objectContaining({ id: victim.id.toString(), reason: 'HASH_MISMATCH' }),
    );
  });
});
