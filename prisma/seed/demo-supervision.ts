// 督导 in the demo bureau (DOMAIN rule 11): a weekly hygiene inspection (机关每周五卫生检查) and a
// monthly duty-roster spot check (政务值班抽查), with a few past inspections. Findings, all on
// 医政科 posts so the chief's and the deputy's pages show them:
//   - 08-07 卫生: closed in time (rectified 08-10, re-inspected 08-12);
//   - 09-04 卫生: the same kind of problem again in Q3 → a proposed deduction (2 points) in Q3;
//   - 11-06 值班: overdue since 11-13, still open → escalated (on read) to the deputy LD-FJ2;
//   - 11-20 卫生: open, deadline 12-04 (a 科员's task).
// The weekly plan is next due on 11-27, the monthly one on 12-04.
import type { Prisma } from '../../apps/api/src/generated/prisma/client';
import { DEMO_YEAR } from './demo-data';
import { demoId, demoPostId } from './demo-plan';

const date = (mmdd: string) => new Date(`${DEMO_YEAR}-${mmdd}T00:00:00Z`);
const at = (mmdd: string, time: string) => new Date(`${DEMO_YEAR}-${mmdd}T${time}+08:00`);
const person = (no: string) => demoId('person', no);
const unit = (key: string) => demoId('unit', key);

export interface DemoSupervision {
  plans: Prisma.InspectionPlanCreateManyInput[];
  planUnits: Prisma.InspectionPlanUnitCreateManyInput[];
  planInspectors: Prisma.InspectionPlanInspectorCreateManyInput[];
  items: Prisma.ChecklistItemCreateManyInput[];
  inspections: Prisma.InspectionCreateManyInput[];
  itemResults: Prisma.InspectionItemResultCreateManyInput[];
  findings: Prisma.FindingCreateManyInput[];
  events: Prisma.FindingEventCreateManyInput[];
}

const HYGIENE_ITEMS = [
  '办公桌面整洁，文件资料摆放有序',
  '地面、门窗、窗台清洁无积灰',
  '垃圾及时清理，无乱堆乱放',
  '公共区域（走廊、会议室）整洁',
];
const ROSTER_ITEMS = ['值班表按时公布并报备', '值班人员按排班在岗', '值班记录完整、交接班手续齐全'];

interface FindingSpec {
  key: string;
  itemIndex: number;
  post: string;
  description: string;
  severity: 'MINOR' | 'MAJOR' | 'SERIOUS';
  deadline: string;
  /** [mm-dd, time, note] of the rectification report and of the closing re-inspection. */
  rectified?: [string, string, string];
  closed?: [string, string, string];
}

interface InspectionSpec {
  key: string;
  plan: 'hygiene' | 'roster';
  unit: string;
  on: string;
  inspector: string;
  findings: FindingSpec[];
}

const INSPECTIONS: InspectionSpec[] = [
  {
    key: 'h-0807-yzk',
    plan: 'hygiene',
    unit: 'YZK',
    on: '08-07',
    inspector: 'WJ017',
    findings: [
      {
        key: 'f-0807',
        itemIndex: 1,
        post: 'YZK-KZ',
        description: '科长办公室地面有纸屑，窗台积灰较多',
        severity: 'MINOR',
        deadline: '08-21',
        rectified: ['08-10', '16:20:00', '已组织科室人员彻底清扫，安排每日值日'],
        closed: ['08-12', '09:30:00', '复查合格，予以销号'],
      },
    ],
  },
  { key: 'h-0807-jkk', plan: 'hygiene', unit: 'JKK', on: '08-07', inspector: 'WJ017', findings: [] },
  {
    key: 'h-0904-yzk',
    plan: 'hygiene',
    unit: 'YZK',
    on: '09-04',
    inspector: 'WJ016',
    findings: [
      {
        key: 'f-0904',
        itemIndex: 2,
        post: 'YZK-KZ',
        description: '会议桌上文件堆放杂乱，废纸篓未及时清理',
        severity: 'MINOR',
        deadline: '09-18',
        rectified: ['09-08', '17:05:00', '文件已归档整理，垃圾每日下班前清理'],
        closed: ['09-11', '10:00:00', '复查合格，销号；同类问题再次出现，提请季度考评关注'],
      },
    ],
  },
  {
    key: 'r-1106-bgs',
    plan: 'roster',
    unit: 'BGS',
    on: '11-06',
    inspector: 'WJ050',
    findings: [],
  },
  {
    key: 'r-1106-yzk',
    plan: 'roster',
    unit: 'YZK',
    on: '11-06',
    inspector: 'WJ050',
    findings: [
      {
        key: 'f-1106',
        itemIndex: 1,
        post: 'YZK-KZ',
        description: '11月5日夜间政务值班，医政科排班人员未按时到岗，值班电话无人接听',
        severity: 'MAJOR',
        deadline: '11-13',
      },
    ],
  },
  { key: 'h-1120-bgs', plan: 'hygiene', unit: 'BGS', on: '11-20', inspector: 'WJ017', findings: [] },
  { key: 'h-1120-rsk', plan: 'hygiene', unit: 'RSK', on: '11-20', inspector: 'WJ016', findings: [] },
  {
    key: 'h-1120-yzk',
    plan: 'hygiene',
    unit: 'YZK',
    on: '11-20',
    inspector: 'WJ017',
    findings: [
      {
        key: 'f-1120',
        itemIndex: 0,
        post: 'YZK-KY01',
        description: '个人工位文件资料堆放杂乱，桌面有私人物品',
        severity: 'MINOR',
        deadline: '12-04',
      },
    ],
  },
];

export function buildDemoSupervision(organisationId: string): DemoSupervision {
  const plansSpec = {
    hygiene: {
      id: demoId('inspection-plan', 'hygiene'),
      title: '机关每周五卫生检查',
      kind: 'HYGIENE' as const,
      recurrence: 'WEEKLY' as const,
      nextDueOn: date('11-27'),
      units: ['BGS', 'RSK', 'YZK', 'JKK', 'CWK', 'GHK'],
      inspectors: ['WJ017', 'WJ016', 'WJ008'],
      items: HYGIENE_ITEMS,
    },
    roster: {
      id: demoId('inspection-plan', 'roster'),
      title: '政务值班到岗情况抽查',
      kind: 'DUTY_ROSTER' as const,
      recurrence: 'MONTHLY' as const,
      nextDueOn: date('12-04'),
      units: ['BGS', 'YZK', 'JKK'],
      inspectors: ['WJ050', 'WJ051', 'WJ017'],
      items: ROSTER_ITEMS,
    },
  };
  const itemId = (plan: string, i: number) => demoId('checklist-item', `${plan}:${i}`);
  const out: DemoSupervision = {
    plans: [],
    planUnits: [],
    planInspectors: [],
    items: [],
    inspections: [],
    itemResults: [],
    findings: [],
    events: [],
  };
  for (const [key, p] of Object.entries(plansSpec)) {
    out.plans.push({
      id: p.id,
      organisationId,
      title: p.title,
      kind: p.kind,
      recurrence: p.recurrence,
      nextDueOn: p.nextDueOn,
      createdById: person('WJ017'),
      createdAt: at('07-01', '09:00:00'),
    });
    for (const u of p.units) out.planUnits.push({ organisationId, planId: p.id, unitId: unit(u) });
    for (const no of p.inspectors)
      out.planInspectors.push({ organisationId, planId: p.id, personId: person(no) });
    p.items.forEach((text, i) =>
      out.items.push({ id: itemId(key, i), organisationId, planId: p.id, text, sortOrder: i }),
    );
  }
  for (const spec of INSPECTIONS) {
    const plan = plansSpec[spec.plan];
    const inspectionId = demoId('inspection', spec.key);
    const recordedAt = at(spec.on, '15:00:00');
    out.inspections.push({
      id: inspectionId,
      organisationId,
      planId: plan.id,
      unitId: unit(spec.unit),
      dueOn: date(spec.on),
      inspectedOn: date(spec.on),
      inspectorId: person(spec.inspector),
      status: spec.findings.length > 0 ? 'FINDINGS' : 'PASSED',
      createdAt: recordedAt,
    });
    plan.items.forEach((_, i) => {
      const finding = spec.findings.find((f) => f.itemIndex === i);
      const resultId = demoId('item-result', `${spec.key}:${i}`);
      out.itemResults.push({
        id: resultId,
        organisationId,
        inspectionId,
        itemId: itemId(spec.plan, i),
        outcome: finding ? 'FINDING' : 'PASS',
        note: finding ? finding.description : null,
      });
      if (!finding) return;
      const findingId = demoId('finding', finding.key);
      const status = finding.closed ? 'CLOSED' : finding.rectified ? 'RECTIFIED' : 'OPEN';
      // Inserted as OPEN (the database insists a finding starts open), then moved on below.
      out.findings.push({
        id: findingId,
        organisationId,
        inspectionId,
        itemResultId: resultId,
        postId: demoPostId(finding.post),
        description: finding.description,
        severity: finding.severity,
        deadline: date(finding.deadline),
        status,
        rectifiedAt: finding.rectified ? at(finding.rectified[0], finding.rectified[1]) : null,
        closedAt: finding.closed ? at(finding.closed[0], finding.closed[1]) : null,
        createdAt: recordedAt,
        version: 1 + (finding.rectified ? 1 : 0) + (finding.closed ? 1 : 0),
      });
      const event = (
        n: number,
        action: 'CREATED' | 'RECTIFIED' | 'CLOSED',
        actorNo: string,
        when: Date,
        note: string,
      ) =>
        out.events.push({
          id: demoId('finding-event', `${finding.key}:${n}`),
          organisationId,
          findingId,
          actorId: person(actorNo),
          action,
          note,
          at: when,
        });
      event(1, 'CREATED', spec.inspector, recordedAt, `${plan.items[i]}：${finding.description}`);
      const owner = finding.post === 'YZK-KZ' ? 'WJ021' : 'WJ023';
      if (finding.rectified)
        event(2, 'RECTIFIED', owner, at(finding.rectified[0], finding.rectified[1]), finding.rectified[2]);
      if (finding.closed)
        event(3, 'CLOSED', spec.inspector, at(finding.closed[0], finding.closed[1]), finding.closed[2]);
    });
  }
  return out;
}
