// The demo bureau (示范市卫生健康局): a deterministic seed of a municipal health bureau run by the
// 三位一体岗位目标责任制 — 60 invented people on four tiers, the three target categories decomposed
// tier by tier along both lines, progress through the year, two published quarterly evaluations
// and the third quarter open for scoring. Data: demo-data.ts; rows: demo-plan.ts; this file writes.
//
// Deliberate chain gaps (DOMAIN rule 4), so the gap report has something to show — DEMO_GAPS:
//   (a) GHK-KY03 (规划信息科科员) has no 业务工作 target;
//   (b) the children of JKK-KZ's 传染病报告及时率 are weighted to 90, not 100;
//   (c) CWK-KY04 (财务科科员, 国有资产管理) is vacant — it keeps its targets, so no other gap;
//   (d) 机关食堂外包服务合同监管, under 办公室主任's logistics target, has no owning post.
// Nothing else is open: every tier 2–4 post carries all three categories, every child is owned by a
// post reporting (in the child's line) to the parent's owner, and all other weights add up to 100.
import type { PrismaClient } from '../../apps/api/src/generated/prisma/client';
import { hashPassword } from '../../apps/api/src/lib/passwords';
import {
  DEMO_ACCOUNT_SPECS,
  DEMO_ORG_CODE,
  DEMO_PASSWORD,
  DEMO_YEAR,
  GAP_NO_BUSINESS_POST,
  GAP_UNOWNED,
  GAP_VACANT_POST,
  GAP_WEIGHTS_90,
  PEOPLE,
} from './demo-data';
import { buildDemoPlan, demoPostId, demoTargetId } from './demo-plan';
import { buildDemoSupervision } from './demo-supervision';

export { DEMO_ORG_CODE, DEMO_PASSWORD, DEMO_YEAR };
export { buildDemoPlan } from './demo-plan';

export interface DemoAccount {
  username: string;
  name: string;
  description: string;
}

/** The accounts to try the demo with; all use DEMO_PASSWORD. Everyone else logs in as their 工号 (wj0xx). */
export const DEMO_ACCOUNTS: readonly DemoAccount[] = DEMO_ACCOUNT_SPECS.map((account) => {
  const person = PEOPLE.find((p) => p.no === account.no);
  if (person === undefined) throw new Error(`demo seed: unknown person ${account.no}`);
  return { username: account.username, name: person.name, description: account.description };
});

export interface DemoGap {
  /** The gap kind packages/domain reports (findGaps). */
  kind: 'POST_MISSING_CATEGORY' | 'WEIGHTS_NOT_100' | 'POST_WITHOUT_HOLDER' | 'TARGET_WITHOUT_OWNER';
  /** The stable key findGaps gives this gap (ids are deterministic). */
  gapKey: string;
  postCode?: string;
  targetTitle?: string;
  description: string;
}

const weights90Target = demoTargetId(GAP_WEIGHTS_90.postCode, 'BUSINESS', GAP_WEIGHTS_90.targetKey);
const unownedTarget = demoTargetId(null, 'BUSINESS', GAP_UNOWNED.spec.key);

/** The chain gaps left in on purpose; findGaps for DEMO_YEAR reports exactly these. */
export const DEMO_GAPS: readonly DemoGap[] = [
  {
    kind: 'POST_MISSING_CATEGORY',
    gapKey: `POST_MISSING_CATEGORY:${demoPostId(GAP_NO_BUSINESS_POST)}:BUSINESS`,
    postCode: GAP_NO_BUSINESS_POST,
    description: '规划信息科科员（GHK-KY03，廖晓梅）没有业务工作目标',
  },
  {
    kind: 'WEIGHTS_NOT_100',
    gapKey: `WEIGHTS_NOT_100:${weights90Target}`,
    postCode: GAP_WEIGHTS_90.postCode,
    targetTitle: '传染病报告及时率',
    description: `疾控科科长（${GAP_WEIGHTS_90.postCode}）的“传染病报告及时率”分解给科员的子目标权重之和为 ${GAP_WEIGHTS_90.sum}`,
  },
  {
    kind: 'POST_WITHOUT_HOLDER',
    gapKey: `POST_WITHOUT_HOLDER:${demoPostId(GAP_VACANT_POST)}`,
    postCode: GAP_VACANT_POST,
    description: '财务科科员（国有资产管理，CWK-KY04）岗位空缺，其目标无人承担、没有进度',
  },
  {
    kind: 'TARGET_WITHOUT_OWNER',
    gapKey: `TARGET_WITHOUT_OWNER:${unownedTarget}`,
    targetTitle: GAP_UNOWNED.spec.title,
    description: `办公室主任“机关后勤保障满意度”下的子目标“${GAP_UNOWNED.spec.title}”没有责任岗位`,
  },
];

/**
 * Writes the demo organisation into an empty (migrated) database in one transaction. Does nothing
 * when an organisation with code `demo` already exists.
 */
export async function seedDemo(db: PrismaClient): Promise<void> {
  const existing = await db.organisation.findUnique({ where: { code: DEMO_ORG_CODE }, select: { id: true } });
  if (existing !== null) {
    console.log(`demo seed: organisation "${DEMO_ORG_CODE}" already exists, nothing written`);
    return;
  }
  const plan = buildDemoPlan();
  // argon2id is slow on purpose: hash once, share the hash.
  const passwordHash = await hashPassword(DEMO_PASSWORD);

  await db.$transaction(
    async (tx) => {
      await tx.organisation.createMany({ data: [plan.organisation] });
      await tx.organisationSettings.createMany({ data: [plan.settings] });
      await tx.gradeConsequence.createMany({ data: plan.gradeConsequences });
      await tx.orgUnit.createMany({ data: plan.units });
      await tx.person.createMany({ data: plan.people });
      await tx.userAccount.createMany({ data: plan.users.map((user) => ({ ...user, passwordHash })) });
      // One tier at a time: the chain trigger checks each superior's tier as a post is inserted.
      for (const posts of plan.postsByTier) await tx.post.createMany({ data: posts });
      await tx.holding.createMany({ data: plan.holdings });
      await tx.assessmentGroupMember.createMany({ data: plan.assessors });
      await tx.targetYear.createMany({ data: [plan.targetYear] });
      await tx.target.createMany({ data: plan.targets });
      await tx.progressUpdate.createMany({ data: plan.progressUpdates });
      await tx.evaluationCycle.createMany({ data: plan.cycles });
      await tx.evaluationExclusion.createMany({ data: plan.exclusions });
      await tx.score.createMany({ data: plan.scores });
      await tx.adjustment.createMany({ data: plan.adjustments });
      await tx.evaluationResult.createMany({ data: plan.results });
      // 督导: plans, past inspections and their findings (demo-supervision.ts).
      const sup = buildDemoSupervision(plan.organisation.id!);
      await tx.inspectionPlan.createMany({ data: sup.plans });
      await tx.inspectionPlanUnit.createMany({ data: sup.planUnits });
      await tx.inspectionPlanInspector.createMany({ data: sup.planInspectors });
      await tx.checklistItem.createMany({ data: sup.items });
      await tx.inspection.createMany({ data: sup.inspections });
      await tx.inspectionItemResult.createMany({ data: sup.itemResults });
      // A finding starts OPEN (a trigger insists) and moves on one legal step at a time.
      await tx.finding.createMany({ data: sup.findings.map((f) => ({ ...f, status: 'OPEN' as const })) });
      for (const f of sup.findings) {
        if (f.status !== 'OPEN')
          await tx.finding.update({ where: { id: f.id! }, data: { status: 'RECTIFIED' } });
        if (f.status === 'CLOSED')
          await tx.finding.update({ where: { id: f.id! }, data: { status: 'CLOSED' } });
      }
      await tx.findingEvent.createMany({ data: sup.events });
    },
    { maxWait: 10_000, timeout: 60_000 },
  );
}
