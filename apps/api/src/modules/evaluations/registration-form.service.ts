// 考核登记表 (registration form): one person's form for one cycle, as JSON for the print page and as
// an A4 .xlsx sheet; the whole cycle as one workbook, a worksheet per evaluee, streamed.
//
// Who reads a form is exactly who reads the result sheet (results.getResultSheet decides, so the two
// can never drift): admin, tier 1 and assessors every form of a closed or published cycle, an
// evaluee only their own and only once published, anyone else 404. A closed (unpublished) cycle's
// forms are provisional and say so in their title: the assessment group checks them before
// publication, nobody should sign them.
import type { CycleKind, RegistrationForm, ResultSheet } from '@zeren/contracts';
import { computeExcellentQuota } from '@zeren/domain';
import type { Response } from 'express';
import type { Db } from '../../db/database';
import type { Actor } from '../../http/actor';
import { DomainError, forbidden, notFound } from '../../http/errors';
import type { AccessService } from '../access/access.service';
import { cycleLabel, loadSettings, num } from './evaluation-support';
import type { EvaluationsRepository } from './evaluations.repository';
import { createRegistrationFormRepository } from './registration-form.repository';
import { writeRegistrationWorkbook } from './registration-form.xlsx';
import type { ResultsService } from './results.service';

const BUREAU_TIME_ZONE = 'Asia/Shanghai';
const dayFormat = new Intl.DateTimeFormat('en-CA', {
  timeZone: BUREAU_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

const QUARTER_MONTHS: Record<Exclude<CycleKind, 'ANNUAL'>, [string, string]> = {
  Q1: ['01-01', '03-31'],
  Q2: ['04-01', '06-30'],
  Q3: ['07-01', '09-30'],
  Q4: ['10-01', '12-31'],
};

/** 考核期间: the calendar quarter or year a cycle covers. */
export function cyclePeriod(cycle: { year: number; kind: CycleKind }) {
  const [start, end] = cycle.kind === 'ANNUAL' ? ['01-01', '12-31'] : QUARTER_MONTHS[cycle.kind];
  return { start: `${cycle.year}-${start}`, end: `${cycle.year}-${end}` };
}

/** Forms built per batch while the workbook streams, so a city-scale cycle never sits in memory. */
const BATCH = 50;
/** Result sheets read at once inside a batch (each is a handful of small queries). */
const PARALLEL = 4;

export function createRegistrationFormService(deps: {
  db: Db;
  repo: EvaluationsRepository;
  access: AccessService;
  results: ResultsService;
  now?: () => Date;
}) {
  const { repo, access, results } = deps;
  const forms = createRegistrationFormRepository(deps.db);
  const now = deps.now ?? (() => new Date());

  /** Completes result sheets (already authorised) into registration forms, with two batched reads. */
  async function buildForms(organisationId: string, sheets: ResultSheet[]): Promise<RegistrationForm[]> {
    if (sheets.length === 0) return [];
    const { cycle } = sheets[0]!;
    const [organisationName, people, settings] = await Promise.all([
      forms.organisationName(organisationId),
      forms.people(
        organisationId,
        sheets.map((s) => s.evaluee.personId),
      ),
      loadSettings(repo, organisationId),
    ]);
    const byId = new Map(people.map((p) => [p.id, p]));
    // The posts a person is evaluated on now: their current tier 2–4 posts, or the one on the sheet.
    const postsOf = (sheet: ResultSheet) => {
      const current = byId.get(sheet.evaluee.personId)?.holdings.map((h) => h.post) ?? [];
      return current.length > 0 ? current : sheet.evaluee.post ? [sheet.evaluee.post] : [];
    };
    const targets = await forms.targetsOfPosts(organisationId, cycle.year, [
      ...new Set(sheets.flatMap((s) => postsOf(s).map((p) => p.id))),
    ]);
    const filledOn = dayFormat.format(now());
    const period = cyclePeriod(cycle);
    return sheets.map((sheet): RegistrationForm => {
      const person = byId.get(sheet.evaluee.personId);
      const postIds = new Set(postsOf(sheet).map((p) => p.id));
      return {
        organisationName,
        period,
        filledOn,
        person: {
          personId: sheet.evaluee.personId,
          name: sheet.evaluee.name,
          employeeNo: sheet.evaluee.employeeNo,
          gender: person?.gender?.trim() || null,
          politicalStatus: person?.isPartyMember ? '中共党员' : null,
          unit: sheet.evaluee.unit,
          post: sheet.evaluee.post,
          tier: sheet.evaluee.tier,
          otherPosts: (person?.holdings ?? [])
            .map((h) => h.post)
            .filter((p) => p.id !== sheet.evaluee.post?.id)
            .map((p) => p.title),
        },
        targets: targets
          .filter((t) => t.ownerPostId !== null && postIds.has(t.ownerPostId))
          .map((t) => ({
            id: t.id,
            title: t.title,
            category: t.category,
            weight: num(t.weight),
            measureKind: t.measureKind,
            measureUnit: t.measureUnit,
            goal: num(t.goal),
            progress: t.progress,
            dueDate: t.dueDate.toISOString().slice(0, 10),
            postTitle: t.ownerPost?.title ?? '',
          })),
        rules: {
          targetShare: settings.scoring.targetShare,
          bonusCap: settings.scoring.bonusCap,
          deductionCap: settings.scoring.deductionCap,
          excellentShare: settings.grading.excellentQuota,
          excellentPlaces: computeExcellentQuota(sheet.rankOf, settings.grading.excellentQuota),
        },
        // A form is signed by the evaluee and filed: individual evaluators' scores stay off it.
        sheet: { ...sheet, evaluatorScores: null },
      };
    });
  }

  const fileTitle = (cycle: { year: number; kind: CycleKind; status: string }) =>
    `${cycleLabel(cycle)}考核登记表${cycle.status === 'PUBLISHED' ? '' : '（未发布）'}`;

  return {
    async getForm(actor: Actor, cycleId: string, personId: string): Promise<RegistrationForm> {
      const sheet = await results.getResultSheet(actor, cycleId, personId);
      return (await buildForms(actor.organisationId, [sheet]))[0]!;
    },

    async exportForm(actor: Actor, cycleId: string, personId: string, res: Response): Promise<void> {
      const form = await this.getForm(actor, cycleId, personId);
      await writeRegistrationWorkbook(res, {
        filename: `${fileTitle(form.sheet.cycle)}-${form.person.name}.xlsx`,
        forms: [form],
      });
    },

    /** Every evaluee's form in rank order, for the readers of all results, closed or published cycles. */
    async exportForms(actor: Actor, cycleId: string, res: Response): Promise<void> {
      if (!access.canReadAllResults(actor))
        throw forbidden('只有考核督导组成员、一级责任人和管理员可以导出全部考核登记表');
      const cycle = await repo.findCycle(actor.organisationId, cycleId);
      if (!cycle) throw notFound('考核周期');
      if (cycle.status !== 'CLOSED' && cycle.status !== 'PUBLISHED')
        throw new DomainError('CONFLICT', '考核周期尚未截止，还没有考评结果，不能导出考核登记表');
      const personIds = (await repo.allResults(cycle.id)).map((r) => r.evalueeId);
      if (personIds.length === 0)
        throw new DomainError('CONFLICT', '该考核周期没有考评结果，无法导出考核登记表');
      async function* batches() {
        for (let i = 0; i < personIds.length; i += BATCH) {
          const ids = personIds.slice(i, i + BATCH);
          const sheets: ResultSheet[] = [];
          for (let j = 0; j < ids.length; j += PARALLEL)
            sheets.push(
              ...(await Promise.all(
                ids.slice(j, j + PARALLEL).map((id) => results.getResultSheet(actor, cycle!.id, id)),
              )),
            );
          yield* await buildForms(actor.organisationId, sheets);
        }
      }
      await writeRegistrationWorkbook(res, { filename: `${fileTitle(cycle)}.xlsx`, forms: batches() });
    },
  };
}
