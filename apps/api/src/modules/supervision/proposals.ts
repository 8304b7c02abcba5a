// Proposed deductions (建议扣分) from 督导 findings, for the evaluation workbench: the domain's
// proposeFindingDeductions over the findings inspected in the cycle's period, given to every holder
// of the responsible post who is among the evaluees. One proposal per finding and evaluee; once an
// evaluator accepts it (FindingDeduction) it is no longer proposed in that cycle.
import type { ProposedDeduction } from '@zeren/contracts';
import {
  cyclePeriod,
  DEFAULT_FINDING_DEDUCTION_SETTINGS,
  proposeFindingDeductions,
  type FindingDeductionSettings,
} from '@zeren/domain';
import type { Db } from '../../db/database';
import type { Tx } from '../../db/transaction';
import { fromDateOnly, toDateOnly } from '../../lib/dates';
import type { CycleRow, PersonWithPosts } from '../evaluations/evaluations.repository';
import type { DeductionProposer } from '../evaluations/scoring.service';
import { createSupervisionRepository, type SupervisionRepository } from './supervision.repository';

export const proposalKey = (findingId: string, personId: string) => `finding:${findingId}:${personId}`;

export function createDeductionProposer(
  db: Db,
  repo: SupervisionRepository = createSupervisionRepository(db),
  now: () => Date = () => new Date(),
): DeductionProposer {
  return {
    async forCycle(
      cycle: CycleRow,
      evaluees: readonly PersonWithPosts[],
      c: Tx = db,
    ): Promise<ProposedDeduction[]> {
      // The annual cycle takes no deductions (only vetoes); its quarters carry the findings.
      if (cycle.kind === 'ANNUAL' || evaluees.length === 0) return [];
      const period = cyclePeriod(cycle.year, cycle.kind);
      const [rows, accepted, stored] = await Promise.all([
        repo.findingsInspectedBetween(
          cycle.organisationId,
          fromDateOnly(period.start),
          fromDateOnly(period.end),
          c,
        ),
        repo.acceptedProposalKeys(cycle.id, c),
        repo.findingSettings(cycle.organisationId, c),
      ]);
      if (rows.length === 0) return [];
      const settings: FindingDeductionSettings = stored
        ? {
            findingDeductionPoints: Number(stored.findingDeductionPoints),
            overdueFindingDeductionPoints: Number(stored.overdueFindingDeductionPoints),
            repeatedFindingDeductionPoints: Number(stored.repeatedFindingDeductionPoints),
          }
        : DEFAULT_FINDING_DEDUCTION_SETTINGS;
      const proposals = proposeFindingDeductions(
        rows.map((f) => ({
          id: f.id,
          kind: f.inspection.plan.kind,
          planTitle: f.inspection.plan.title,
          postId: f.postId,
          postTitle: f.post.title,
          description: f.description,
          inspectedOn: toDateOnly(f.inspection.inspectedOn),
          inspectorName: f.inspection.inspector.name,
          deadline: toDateOnly(f.deadline),
          status: f.status,
          rectifiedAt: f.rectifiedAt,
          recordedAt: f.createdAt,
        })),
        period,
        settings,
        now(),
      );
      return proposals.flatMap((p) =>
        evaluees
          .filter((person) => person.holdings.some((h) => h.post.id === p.postId))
          .map((person) => ({
            id: proposalKey(p.findingId, person.id),
            evalueeId: person.id,
            amount: p.amount,
            reason: p.reason,
            findingId: p.findingId,
          }))
          .filter((proposal) => !accepted.has(proposal.id)),
      );
    },
  };
}
