// The state of every organisation's audit chain, for `npm run audit:verify` and restores.
import type { Db } from '../../db/database';
import { createAuditRepository } from './audit.repository';
import { createAuditService, type ChainVerification } from './audit.service';

export interface ChainReportLine {
  organisationId: string | null;
  label: string;
  verification: ChainVerification;
}

/** The report's one query of its own (the chains themselves are read by the audit repository). */
const listOrganisations = (db: Db) =>
  db.organisation.findMany({ select: { id: true, code: true, name: true }, orderBy: { code: 'asc' } });

/** Every organisation (an empty chain is intact), plus entries that belong to no organisation. */
export async function verifyChains(db: Db): Promise<ChainReportLine[]> {
  const audit = createAuditService(createAuditRepository(db));
  const [organisations, chains] = await Promise.all([listOrganisations(db), audit.verifyAll()]);
  const byId = new Map(chains.map((c) => [c.organisationId, c]));
  const lines: ChainReportLine[] = organisations.map((o) => ({
    organisationId: o.id,
    label: `${o.name} (${o.code}, ${o.id})`,
    verification: byId.get(o.id) ?? { organisationId: o.id, checked: 0, isIntact: true },
  }));
  const system = byId.get(null);
  if (system) lines.push({ organisationId: null, label: '(no organisation)', verification: system });
  return lines;
}

export function formatChainLine({ label, verification: v }: ChainReportLine): string {
  if (v.isIntact) return `intact  ${label}: ${v.checked} entries`;
  const b = v.firstBroken!;
  return (
    `BROKEN  ${label}: first broken entry #${b.id} (${b.action}, ${b.at}): ${b.reason}; ` +
    `${v.checked} entries before it verified`
  );
}
