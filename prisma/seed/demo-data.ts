// The demo bureau as plain data: units, people, posts, target templates and evaluation events.
// Every name is invented. demo-plan.ts turns this into rows; demo.ts writes them.
//
// Decisions (see also the report in demo.ts):
// - Tier 3 = section chiefs (科长 / 主任), the 纪检组 deputy head, branch secretary and committee
//   members, party group leaders and the heads of union / youth league / women's federation.
//   Deputy section chiefs (副科长 / 副主任) are tier 4 (the glossary lists only 科长 in tier 3).
// - Section-chief posts are on the administrative line only; their holders' party roles are
//   separate tier-3 posts (党小组长, 支部委员 …) held as second posts.
// - Party and mass-organisation posts (支部书记, 支部委员, 党小组长, 工会主席, 团支部书记,
//   妇委会主任) are on the party line only; they report in both lines to LD-FJ3, the 党组成员 in
//   charge of party building (a tier-3 post cannot report to another tier-3 post, so the branch
//   committee cannot sit between party group leaders and tier 2). All their targets, in all three
//   categories, run on the party line under LD-FJ3's party-line targets.
// - Ideological targets of tier-4 party members run on the party line under their 党小组长; those of
//   non-party staff run on the administrative line under their section chief.
import type {
  CycleKind,
  Line,
  MeasureKind,
  TargetCategory,
  UnitKind,
} from '../../apps/api/src/generated/prisma/enums';

export const DEMO_YEAR = 2026;
export const DEMO_ORG_CODE = 'demo';
export const DEMO_ORG_NAME = '示范市卫生健康局';
export const DEMO_PASSWORD = 'zeren-demo';

// ---------------------------------------------------------------------------------------------
// Units
// ---------------------------------------------------------------------------------------------
export interface UnitSpec {
  key: string;
  name: string;
  kind: UnitKind;
  parent?: string;
}

export const UNITS: readonly UnitSpec[] = [
  { key: 'LD', name: '局领导班子', kind: 'LEADERSHIP' },
  { key: 'BGS', name: '办公室', kind: 'SECTION' },
  { key: 'RSK', name: '人事科', kind: 'SECTION' },
  { key: 'YZK', name: '医政科', kind: 'SECTION' },
  { key: 'JKK', name: '疾控科', kind: 'SECTION' },
  { key: 'CWK', name: '财务科', kind: 'SECTION' },
  { key: 'GHK', name: '规划信息科', kind: 'SECTION' },
  { key: 'JJZ', name: '纪检组', kind: 'SECTION' },
  { key: 'DWB', name: '党委办公室', kind: 'SECTION' },
  { key: 'DZB', name: '机关党支部', kind: 'PARTY_BRANCH' },
  { key: 'DXZ1', name: '第一党小组', kind: 'PARTY_GROUP', parent: 'DZB' },
  { key: 'DXZ2', name: '第二党小组', kind: 'PARTY_GROUP', parent: 'DZB' },
  { key: 'DXZ3', name: '第三党小组', kind: 'PARTY_GROUP', parent: 'DZB' },
  { key: 'GH', name: '机关工会', kind: 'UNION' },
  { key: 'TZB', name: '机关团支部', kind: 'YOUTH_LEAGUE' },
  { key: 'FWH', name: '机关妇委会', kind: 'WOMENS_FEDERATION' },
  { key: 'KHDD', name: '考核督导组', kind: 'ASSESSMENT_GROUP' },
];

// ---------------------------------------------------------------------------------------------
// People: [employeeNo, name, gender, party member, score tendency (≈ the total they earn)]
// ---------------------------------------------------------------------------------------------
export interface PersonSpec {
  no: string;
  name: string;
  gender: '男' | '女';
  party: boolean;
  /** The score level evaluators tend to give (70–98). */
  tendency: number;
}

const P = (no: string, name: string, gender: '男' | '女', party: boolean, tendency: number): PersonSpec => ({
  no,
  name,
  gender,
  party,
  tendency,
});

export const PEOPLE: readonly PersonSpec[] = [
  // 局领导班子
  P('WJ001', '陈振华', '男', true, 95),
  P('WJ002', '刘玉芬', '女', true, 93),
  P('WJ003', '张立新', '男', true, 94),
  P('WJ004', '王秀梅', '女', true, 92),
  P('WJ005', '赵国栋', '男', true, 92.5),
  // 办公室
  P('WJ006', '孙志强', '男', true, 93),
  P('WJ007', '周丽娟', '女', true, 88),
  P('WJ008', '吴海燕', '女', true, 91.5),
  P('WJ009', '郑晓东', '男', false, 84),
  P('WJ010', '何静', '女', true, 87),
  P('WJ011', '马俊杰', '男', false, 82),
  P('WJ012', '罗雪梅', '女', true, 88.5),
  P('WJ013', '梁文博', '男', false, 75),
  P('WJ014', '宋佳琪', '女', false, 83),
  P('WJ059', '邱建军', '男', false, 81),
  // 人事科
  P('WJ015', '谢建平', '男', true, 91.5),
  P('WJ016', '韩淑珍', '女', true, 89),
  P('WJ017', '唐明辉', '男', true, 87.5),
  P('WJ018', '冯晓燕', '女', true, 86),
  P('WJ019', '于凯', '男', false, 83.5),
  P('WJ020', '董雅琴', '女', false, 80),
  // 医政科
  P('WJ021', '许文涛', '男', true, 94.5),
  P('WJ022', '沈红霞', '女', true, 89.5),
  P('WJ023', '曾志刚', '男', true, 92),
  P('WJ024', '彭丽', '女', false, 85),
  P('WJ025', '吕建华', '男', true, 86.5),
  P('WJ026', '苏婷婷', '女', false, 84.5),
  P('WJ027', '蒋昊天', '男', false, 73),
  P('WJ028', '蔡玉兰', '女', true, 88),
  P('WJ029', '贾晨阳', '男', true, 85.5),
  P('WJ030', '丁慧敏', '女', false, 82.5),
  // 疾控科
  P('WJ031', '魏国强', '男', true, 93.5),
  P('WJ032', '薛梅', '女', true, 89),
  P('WJ033', '叶子豪', '男', false, 86),
  P('WJ034', '潘晓丽', '女', true, 92),
  P('WJ035', '杜宏伟', '男', true, 85),
  P('WJ036', '戴琳', '女', false, 81),
  P('WJ037', '夏文军', '男', true, 87),
  P('WJ038', '钟秀英', '女', false, 83),
  P('WJ039', '汪鹏', '男', false, 79),
  P('WJ040', '田雨欣', '女', true, 88),
  // 财务科
  P('WJ041', '任素芳', '女', true, 92),
  P('WJ042', '姜伟', '男', true, 86),
  P('WJ043', '范晓红', '女', false, 84),
  P('WJ044', '方志远', '男', false, 76),
  // 规划信息科
  P('WJ045', '石磊', '男', true, 91),
  P('WJ046', '姚佳', '女', false, 87),
  P('WJ047', '谭俊', '男', true, 84),
  P('WJ048', '廖晓梅', '女', false, 82),
  P('WJ049', '邹明', '男', true, 80),
  P('WJ060', '秦雨桐', '女', false, 83),
  // 纪检组
  P('WJ050', '熊德明', '男', true, 91.5),
  P('WJ051', '金丽华', '女', true, 88),
  P('WJ052', '陆志伟', '男', true, 85),
  P('WJ053', '郝春燕', '女', true, 84),
  // 党委办公室
  P('WJ054', '孔祥瑞', '男', true, 92.5),
  P('WJ055', '白晓霞', '女', true, 88),
  P('WJ056', '崔永刚', '男', true, 85),
  P('WJ057', '康敏', '女', true, 86.5),
  P('WJ058', '毛思远', '男', false, 74),
];

// ---------------------------------------------------------------------------------------------
// Posts
// ---------------------------------------------------------------------------------------------
export interface PostSpec {
  code: string;
  title: string;
  tier: 1 | 2 | 3 | 4;
  unit: string;
  lines: Line[];
  admin?: string;
  party?: string;
  /** Employee numbers of the holders; the first listed post of a person is their primary one. */
  holders: string[];
}

export const TIER1_CODE = 'LD-SJ';
/** The 党组成员 in charge of party building: party and mass-organisation posts report to this post. */
export const PARTY_AFFAIRS_DEPUTY = 'LD-FJ3';

export const LEADERSHIP_POSTS: readonly PostSpec[] = [
  {
    code: 'LD-SJ',
    title: '党组书记、局长',
    tier: 1,
    unit: 'LD',
    lines: ['ADMINISTRATIVE', 'PARTY'],
    holders: ['WJ001'],
  },
  {
    code: 'LD-FJ1',
    title: '党组成员、常务副局长',
    tier: 2,
    unit: 'LD',
    lines: ['ADMINISTRATIVE', 'PARTY'],
    admin: 'LD-SJ',
    party: 'LD-SJ',
    holders: ['WJ002'],
  },
  {
    code: 'LD-FJ2',
    title: '党组成员、副局长',
    tier: 2,
    unit: 'LD',
    lines: ['ADMINISTRATIVE', 'PARTY'],
    admin: 'LD-SJ',
    party: 'LD-SJ',
    holders: ['WJ003'],
  },
  {
    code: 'LD-FJ3',
    title: '党组成员、副局长（分管机关党建）',
    tier: 2,
    unit: 'LD',
    lines: ['ADMINISTRATIVE', 'PARTY'],
    admin: 'LD-SJ',
    party: 'LD-SJ',
    holders: ['WJ004'],
  },
  {
    code: 'LD-FJ4',
    title: '党组成员、副局长、纪检组长',
    tier: 2,
    unit: 'LD',
    lines: ['ADMINISTRATIVE', 'PARTY'],
    admin: 'LD-SJ',
    party: 'LD-SJ',
    holders: ['WJ005'],
  },
];

/** Tier-3 party and mass-organisation posts, held as second posts (see the decisions above). */
const partyPost = (code: string, title: string, unit: string, holder: string): PostSpec => ({
  code,
  title,
  tier: 3,
  unit,
  lines: ['PARTY'],
  admin: PARTY_AFFAIRS_DEPUTY,
  party: PARTY_AFFAIRS_DEPUTY,
  holders: [holder],
});

export const PARTY_POSTS: readonly PostSpec[] = [
  partyPost('DZB-SJ', '机关党支部书记', 'DZB', 'WJ054'),
  partyPost('DZB-WY1', '机关党支部组织委员', 'DZB', 'WJ045'),
  partyPost('DZB-WY2', '机关党支部宣传委员', 'DZB', 'WJ031'),
  partyPost('DXZ-1', '第一党小组组长', 'DXZ1', 'WJ006'),
  partyPost('DXZ-2', '第二党小组组长', 'DXZ2', 'WJ021'),
  partyPost('DXZ-3', '第三党小组组长', 'DXZ3', 'WJ050'),
  partyPost('GH-ZX', '机关工会主席', 'GH', 'WJ015'),
  partyPost('TZB-SJ', '机关团支部书记', 'TZB', 'WJ033'),
  partyPost('FWH-ZR', '机关妇委会主任', 'FWH', 'WJ041'),
];

// ---------------------------------------------------------------------------------------------
// Target templates
// ---------------------------------------------------------------------------------------------
export interface TargetSpec {
  key: string;
  title: string;
  kind: MeasureKind;
  goal: number;
  unit?: string;
  baseline?: number;
  /** MM-DD within DEMO_YEAR; default 12-31. */
  due?: string;
  /** Relative importance among siblings (default 1); weights are derived from it. */
  importance?: number;
  /** Key of the parent target among the superior post's targets of the same category. */
  parent: string;
  description?: string;
}

const pct = (
  key: string,
  title: string,
  goal: number,
  parent: string,
  extra: Partial<TargetSpec> = {},
): TargetSpec => ({
  key,
  title,
  kind: 'PERCENTAGE',
  goal,
  unit: '%',
  parent,
  ...extra,
});
const num = (
  key: string,
  title: string,
  goal: number,
  unit: string,
  parent: string,
  extra: Partial<TargetSpec> = {},
): TargetSpec => ({ key, title, kind: 'NUMBER', goal, unit, parent, ...extra });
const mil = (
  key: string,
  title: string,
  due: string,
  parent: string,
  extra: Partial<TargetSpec> = {},
): TargetSpec => ({
  key,
  title,
  kind: 'MILESTONE',
  goal: 1,
  due,
  parent,
  ...extra,
});
const qual = (key: string, title: string, parent: string, extra: Partial<TargetSpec> = {}): TargetSpec => ({
  key,
  title,
  kind: 'QUALITATIVE',
  goal: 100,
  parent,
  ...extra,
});

/** The three root targets, owned by the tier-1 post. `parent` is unused. */
export const ROOT_TARGETS: Readonly<Record<TargetCategory, TargetSpec>> = {
  IDEOLOGICAL: qual('ROOT', '全面加强机关思想政治建设和党风廉政建设', '', {
    description: '以每周五政治学习、“三会一课”和党风廉政建设责任制为抓手，四级责任人共同做好思想政治工作。',
  }),
  BUSINESS: qual('ROOT', '全面完成年度卫生健康业务工作目标', '', {
    description: '医政、疾控、财务、规划信息、人事等各项业务工作目标逐级分解，全员承担。',
  }),
  MANAGEMENT: qual('ROOT', '机关管理制度化、规范化运行', '', {
    description:
      '严格执行《机关管理制度汇编》：会议制度、请示报告制度、政务值班制度、定期卫生检查、文件网上传递。',
  }),
};

export interface DeputySpec {
  code: string;
  /** Section unit keys this deputy is in charge of (分管). */
  sections: string[];
  ideological: TargetSpec[];
  business: TargetSpec[];
  management: TargetSpec[];
}

const deputyIdeological = (disciplineTitle = '分管科室党风廉政建设责任制落实'): TargetSpec[] => [
  qual('I-STUDY', '分管科室政治理论学习和思想教育', 'ROOT', { importance: 1 }),
  qual('I-DISC', disciplineTitle, 'ROOT', { importance: 1 }),
];
const deputyManagement = (): TargetSpec[] => [
  pct('M-RULES', '分管科室会议制度、请示报告制度和政务值班制度执行率', 100, 'ROOT'),
  pct('M-OFFICE', '分管科室环境卫生检查合格率和文件网上传递率', 95, 'ROOT'),
];

export const DEPUTIES: readonly DeputySpec[] = [
  {
    code: 'LD-FJ1',
    sections: ['BGS', 'CWK'],
    ideological: deputyIdeological(),
    business: [
      qual('B-BGS', '统筹机关综合协调、政务服务和后勤保障工作', 'ROOT', { importance: 1 }),
      qual('B-CWK', '统筹财务管理和预算执行工作', 'ROOT', { importance: 1 }),
    ],
    management: [
      ...deputyManagement(),
      qual('M-BUREAU', '全局政务值班、定期卫生检查等机关管理制度统筹落实', 'ROOT', { importance: 0.8 }),
    ],
  },
  {
    code: 'LD-FJ2',
    sections: ['YZK', 'JKK'],
    ideological: deputyIdeological(),
    business: [
      qual('B-YZK', '推进医疗质量安全和医政管理工作', 'ROOT', { importance: 1.2 }),
      qual('B-JKK', '推进疾病预防控制和传染病防治工作', 'ROOT', { importance: 1.2 }),
    ],
    management: deputyManagement(),
  },
  {
    code: 'LD-FJ3',
    sections: ['RSK', 'DWB'],
    ideological: [
      ...deputyIdeological(),
      qual('I-PARTY', '机关党支部、党小组和工青妇组织思想政治工作', 'ROOT', { importance: 2 }),
    ],
    business: [
      qual('B-RSK', '推进干部人事和队伍建设工作', 'ROOT', { importance: 0.8 }),
      qual('B-DWB', '推进机关党务和宣传工作', 'ROOT', { importance: 0.6 }),
      qual('B-PARTY', '机关党建和群团工作服务卫生健康中心任务', 'ROOT', { importance: 0.4 }),
    ],
    management: [
      ...deputyManagement(),
      pct('M-PARTY', '党群组织工作台账和阵地规范化管理达标率', 100, 'ROOT', { importance: 0.6 }),
    ],
  },
  {
    code: 'LD-FJ4',
    sections: ['JJZ', 'GHK'],
    ideological: deputyIdeological('分管科室及全局党风廉政建设监督检查'),
    business: [
      qual('B-JJZ', '推进纪检监察和机关作风建设', 'ROOT', { importance: 0.8 }),
      qual('B-GHK', '推进卫生健康规划和信息化建设', 'ROOT', { importance: 1 }),
    ],
    management: deputyManagement(),
  },
];

/** Every section chief's ideological and management targets (tier 3, administrative line). */
export const CHIEF_IDEOLOGICAL: readonly TargetSpec[] = [
  qual('I-STUDY', '组织本科室每周五政治学习和理论学习', 'I-STUDY', { importance: 1.5 }),
  qual('I-DISC', '本科室党风廉政建设责任制落实', 'I-DISC', { importance: 1 }),
  num('I-TALK', '科室干部职工思想动态分析和谈心谈话', 4, '次', 'I-STUDY', { importance: 0.5 }),
];
export const CHIEF_MANAGEMENT: readonly TargetSpec[] = [
  pct('M-RULES', '本科室会议制度和请示报告制度执行率', 100, 'M-RULES'),
  pct('M-DUTY', '本科室政务值班到岗率', 100, 'M-RULES'),
  pct('M-ENV', '本科室办公环境卫生检查合格率', 95, 'M-OFFICE'),
  pct('M-EGOV', '本科室文件网上传递率', 95, 'M-OFFICE'),
];

/** Tier-4 ideological templates; parents are the 党小组长's (party members) or the chief's targets. */
export const STAFF_IDEOLOGICAL_PARTY: readonly TargetSpec[] = [
  pct('I-FRIDAY', '每周五政治学习出勤率', 95, 'I-STUDY', { importance: 1.2 }),
  num('I-NOTES', '理论学习心得篇数', 4, '篇', 'I-STUDY', { importance: 0.8 }),
  pct('I-PARTYLIFE', '按时参加“三会一课”和主题党日活动出勤率', 100, 'I-DISC', { importance: 1 }),
];
export const STAFF_IDEOLOGICAL_NONPARTY: readonly TargetSpec[] = [
  pct('I-FRIDAY', '每周五政治学习出勤率', 95, 'I-STUDY', { importance: 1.2 }),
  num('I-NOTES', '理论学习心得篇数', 3, '篇', 'I-STUDY', { importance: 0.8 }),
  qual('I-CLEAN', '遵守廉洁自律规定，无违纪违规行为', 'I-DISC', { importance: 1 }),
];

/** Tier-4 management templates; each tier-4 post carries three of them. */
export const STAFF_MANAGEMENT: Readonly<Record<string, TargetSpec>> = {
  MEETING: pct('M-MEETING', '会议制度执行率（按时参会、会议纪要按期整理）', 100, 'M-RULES'),
  REPORT: pct('M-REPORT', '请示报告按时办结率', 100, 'M-RULES'),
  DUTY: pct('M-DUTY', '政务值班到岗率', 100, 'M-DUTY'),
  HYGIENE: pct('M-HYGIENE', '定期卫生大扫除检查合格率', 95, 'M-ENV'),
  EGOV: pct('M-EGOV', '文件网上传递率', 95, 'M-EGOV'),
};
export const STAFF_MANAGEMENT_SETS: readonly (readonly string[])[] = [
  ['MEETING', 'DUTY', 'HYGIENE'],
  ['REPORT', 'DUTY', 'EGOV'],
  ['MEETING', 'HYGIENE', 'EGOV'],
];

export interface StaffSpec {
  /** Post code suffix, e.g. KY01, FKZ. */
  suffix: string;
  title: string;
  /** Holder; undefined = vacant post. */
  holder?: string;
  /** Business template keys; default: two taken in turn from the section's staff templates. */
  business?: string[];
}

export interface SectionSpec {
  unit: string;
  /** Post code prefix. */
  prefix: string;
  deputy: string;
  /** Party group (its leader's post code) the section's tier-4 party members belong to. */
  partyGroup: string;
  chief: { suffix: string; title: string; holder: string };
  staff: StaffSpec[];
  chiefBusiness: TargetSpec[];
  /** Management targets the chief carries beyond CHIEF_MANAGEMENT (the 办公室 runs the bureau-wide rules). */
  chiefManagementExtra?: TargetSpec[];
  staffBusiness: TargetSpec[];
}

export const SECTIONS: readonly SectionSpec[] = [
  {
    unit: 'BGS',
    prefix: 'BGS',
    deputy: 'LD-FJ1',
    partyGroup: 'DXZ-1',
    chief: { suffix: 'KZ', title: '办公室主任', holder: 'WJ006' },
    staff: [
      {
        suffix: 'FZ',
        title: '办公室副主任',
        holder: 'WJ007',
        business: ['B-SUPERVISE', 'B-MEETINGS', 'B-RULEBOOK'],
      },
      { suffix: 'KY01', title: '科员（综合文字）', holder: 'WJ008' },
      { suffix: 'KY02', title: '科员（政务信息）', holder: 'WJ009', business: ['B-INFO', 'B-ARCHIVE'] },
      { suffix: 'KY03', title: '科员（机要文书）', holder: 'WJ010', business: ['B-DOCS', 'B-ARCHIVE'] },
      { suffix: 'KY04', title: '科员（文秘）', holder: 'WJ011' },
      { suffix: 'KY05', title: '科员（督查督办）', holder: 'WJ012' },
      { suffix: 'KY06', title: '工作人员（后勤）', holder: 'WJ013', business: ['B-SUPPLIES', 'B-CANTEEN'] },
      { suffix: 'KY07', title: '工作人员（会务）', holder: 'WJ014' },
      { suffix: 'GQ01', title: '驾驶员', holder: 'WJ059', business: ['B-CARS'] },
    ],
    chiefBusiness: [
      pct('B-DOCS', '公文处理及时率', 98, 'B-BGS', { importance: 1.2 }),
      num('B-INFO', '政务信息报送采用篇数', 60, '篇', 'B-BGS'),
      qual('B-LOGISTICS', '机关后勤保障满意度', 'B-BGS'),
      mil('B-RULEBOOK', '《机关管理制度汇编》修订印发', '06-30', 'B-BGS', { importance: 0.8 }),
    ],
    chiefManagementExtra: [
      pct('M-ROSTER', '全局政务值班排班和节假日值守抽查到岗率', 100, 'M-BUREAU'),
      num('M-CLEANCHECK', '组织机关定期卫生大扫除和检查次数', 12, '次', 'M-BUREAU'),
    ],
    staffBusiness: [
      pct('B-DOCS', '公文登记、流转及时率', 98, 'B-DOCS'),
      num('B-INFO', '政务信息编报篇数', 15, '篇', 'B-INFO'),
      pct('B-SUPERVISE', '市委、市政府督办事项按时办结率', 100, 'B-DOCS'),
      num('B-MEETINGS', '局务会、党组会会务保障次数', 24, '次', 'B-LOGISTICS'),
      pct('B-ARCHIVE', '文书档案整理归档率', 100, 'B-DOCS'),
      mil('B-RULEBOOK', '制度汇编修订资料收集整理', '05-31', 'B-RULEBOOK'),
      qual('B-SUPPLIES', '办公用品采购登记和发放管理', 'B-LOGISTICS'),
      qual('B-CANTEEN', '机关食堂饮食安全保障', 'B-LOGISTICS'),
      qual('B-CARS', '公务用车安全行驶无责任事故', 'B-LOGISTICS'),
    ],
  },
  {
    unit: 'RSK',
    prefix: 'RSK',
    deputy: 'LD-FJ3',
    partyGroup: 'DXZ-1',
    chief: { suffix: 'KZ', title: '人事科科长', holder: 'WJ015' },
    staff: [
      {
        suffix: 'FKZ',
        title: '人事科副科长',
        holder: 'WJ016',
        business: ['B-EVAL', 'B-FILES', 'B-TRAINING'],
      },
      { suffix: 'KY01', title: '科员（干部考核）', holder: 'WJ017', business: ['B-EVAL', 'B-ONLINE'] },
      { suffix: 'KY02', title: '科员（干部档案）', holder: 'WJ018', business: ['B-FILES', 'B-TITLES'] },
      { suffix: 'KY03', title: '科员（工资福利）', holder: 'WJ019', business: ['B-PAY', 'B-TITLES'] },
      { suffix: 'KY04', title: '科员（教育培训）', holder: 'WJ020', business: ['B-TRAINING', 'B-ONLINE'] },
    ],
    chiefBusiness: [
      pct('B-TRAINING', '干部教育培训完成率', 95, 'B-RSK'),
      mil('B-EVAL', '平时考核和年度考核组织实施', '12-31', 'B-RSK', { importance: 1.2 }),
      pct('B-FILES', '干部人事档案专项审核完成率', 100, 'B-RSK'),
      pct('B-PAY', '职称评审和工资福利事项按时办理率', 100, 'B-RSK'),
    ],
    staffBusiness: [
      pct('B-ONLINE', '干部在线学习学时达标率', 95, 'B-TRAINING'),
      num('B-TRAINING', '组织专题培训班次数', 6, '次', 'B-TRAINING'),
      pct('B-EVAL', '季度考评资料汇总上报及时率', 100, 'B-EVAL'),
      num('B-FILES', '干部人事档案审核份数', 80, '份', 'B-FILES'),
      pct('B-PAY', '工资调整和社保申报准确率', 100, 'B-PAY'),
      num('B-TITLES', '卫生专业技术职称申报材料审核份数', 120, '份', 'B-PAY'),
    ],
  },
  {
    unit: 'YZK',
    prefix: 'YZK',
    deputy: 'LD-FJ2',
    partyGroup: 'DXZ-2',
    chief: { suffix: 'KZ', title: '医政科科长', holder: 'WJ021' },
    staff: [
      {
        suffix: 'FKZ',
        title: '医政科副科长',
        holder: 'WJ022',
        business: ['B-HOSP', 'B-ANTIBIO', 'B-SERVICE'],
      },
      { suffix: 'KY01', title: '科员（医疗质量）', holder: 'WJ023', business: ['B-HOSP', 'B-INFECT'] },
      { suffix: 'KY02', title: '科员（医疗机构管理）', holder: 'WJ024', business: ['B-REG', 'B-SUPERV'] },
      { suffix: 'KY03', title: '科员（基层卫生）', holder: 'WJ025', business: ['B-GRASS', 'B-BLOOD'] },
      { suffix: 'KY04', title: '科员（执业注册）', holder: 'WJ026', business: ['B-LICENSE', 'B-REG'] },
      { suffix: 'KY05', title: '科员（医疗纠纷）', holder: 'WJ027', business: ['B-COMPLAINT'] },
      { suffix: 'KY06', title: '科员（药事管理）', holder: 'WJ028', business: ['B-ANTIBIO', 'B-SUPERV'] },
      { suffix: 'KY07', title: '科员（护理管理）', holder: 'WJ029', business: ['B-INFECT', 'B-SERVICE'] },
      { suffix: 'KY08', title: '科员', holder: 'WJ030', business: ['B-COMPLAINT', 'B-LICENSE'] },
    ],
    chiefBusiness: [
      pct('B-QUALITY', '医疗质量安全检查覆盖率', 100, 'B-YZK', { importance: 1.5 }),
      pct('B-PERMIT', '医疗机构校验和执业许可按时办结率', 100, 'B-YZK'),
      pct('B-DISPUTE', '医疗纠纷投诉按期处理率', 95, 'B-YZK'),
      num('B-SUPERV', '卫生监督抽检完成数', 240, '家', 'B-YZK'),
      mil('B-SERVICE', '改善医疗服务行动计划年度任务', '10-31', 'B-YZK', { importance: 0.8 }),
    ],
    staffBusiness: [
      pct('B-HOSP', '二级以上医院医疗质量检查覆盖率', 100, 'B-QUALITY'),
      num('B-GRASS', '基层医疗机构质量督导家数', 40, '家', 'B-QUALITY'),
      pct('B-REG', '医疗机构执业登记审核按时办结率', 100, 'B-PERMIT'),
      pct('B-LICENSE', '医师、护士执业注册按时办结率', 100, 'B-PERMIT'),
      pct('B-COMPLAINT', '医疗投诉调查处理按期办结率', 95, 'B-DISPUTE'),
      num('B-SUPERV', '医疗机构卫生监督抽检完成数', 60, '家', 'B-SUPERV'),
      num('B-ANTIBIO', '抗菌药物临床应用专项检查家数', 20, '家', 'B-QUALITY'),
      pct('B-BLOOD', '临床用血安全检查覆盖率', 100, 'B-QUALITY'),
      mil('B-SERVICE', '改善医疗服务行动总结报告', '10-31', 'B-SERVICE'),
      num('B-INFECT', '医院感染防控专项督查次数', 8, '次', 'B-QUALITY'),
    ],
  },
  {
    unit: 'JKK',
    prefix: 'JKK',
    deputy: 'LD-FJ2',
    partyGroup: 'DXZ-3',
    chief: { suffix: 'KZ', title: '疾控科科长', holder: 'WJ031' },
    staff: [
      { suffix: 'FKZ', title: '疾控科副科长', holder: 'WJ032', business: ['B-DIRECT', 'B-DRILL', 'B-TB'] },
      { suffix: 'KY01', title: '科员（传染病防治）', holder: 'WJ033', business: ['B-DIRECT', 'B-ANALYSIS'] },
      { suffix: 'KY02', title: '科员（免疫规划）', holder: 'WJ034', business: ['B-CLINIC', 'B-COLD'] },
      { suffix: 'KY03', title: '科员（应急管理）', holder: 'WJ035', business: ['B-DRILL', 'B-EVENT'] },
      { suffix: 'KY04', title: '科员（学校卫生）', holder: 'WJ036', business: ['B-SCHOOL'] },
      { suffix: 'KY05', title: '科员（慢病管理）', holder: 'WJ037', business: ['B-CHRONIC', 'B-DEMO'] },
      { suffix: 'KY06', title: '科员（结核病防治）', holder: 'WJ038', business: ['B-TB', 'B-SCHOOL'] },
      { suffix: 'KY07', title: '科员', holder: 'WJ039', business: ['B-ANALYSIS', 'B-COLD'] },
      { suffix: 'KY08', title: '科员（突发事件报告）', holder: 'WJ040', business: ['B-EVENT', 'B-CHRONIC'] },
    ],
    chiefBusiness: [
      pct('B-REPORT', '传染病报告及时率', 100, 'B-JKK', { importance: 1.5 }),
      pct('B-VACCINE', '适龄儿童免疫规划疫苗接种率', 95, 'B-JKK', { importance: 1.2 }),
      pct('B-EMERG', '突发公共卫生事件应急处置及时率', 100, 'B-JKK'),
      mil('B-DEMO', '慢性病综合防控示范区建设', '11-30', 'B-JKK', { importance: 0.8 }),
    ],
    staffBusiness: [
      pct('B-DIRECT', '法定传染病网络直报审核及时率', 100, 'B-REPORT'),
      num('B-ANALYSIS', '传染病疫情分析报告篇数', 12, '篇', 'B-REPORT'),
      num('B-SCHOOL', '学校及托幼机构传染病防控检查家数', 30, '家', 'B-REPORT'),
      pct('B-TB', '肺结核患者规范管理率', 90, 'B-REPORT'),
      num('B-CLINIC', '预防接种门诊规范化检查家数', 25, '家', 'B-VACCINE'),
      pct('B-COLD', '疫苗冷链运转检查合格率', 98, 'B-VACCINE'),
      num('B-DRILL', '突发公共卫生事件应急演练次数', 2, '次', 'B-EMERG'),
      pct('B-EVENT', '突发公共卫生事件信息报告及时率', 100, 'B-EMERG'),
      pct('B-CHRONIC', '高血压、糖尿病患者规范管理率', 70, 'B-DEMO'),
      mil('B-DEMO', '慢性病示范区创建评审材料整理', '10-31', 'B-DEMO'),
    ],
  },
  {
    unit: 'CWK',
    prefix: 'CWK',
    deputy: 'LD-FJ1',
    partyGroup: 'DXZ-1',
    chief: { suffix: 'KZ', title: '财务科科长', holder: 'WJ041' },
    staff: [
      { suffix: 'KY01', title: '科员（预算管理）', holder: 'WJ042', business: ['B-ANALYSIS', 'B-FUNDS'] },
      { suffix: 'KY02', title: '科员（会计）', holder: 'WJ043', business: ['B-VOUCHER', 'B-MONTHLY'] },
      { suffix: 'KY03', title: '科员（出纳）', holder: 'WJ044', business: ['B-FUNDS', 'B-CHECK'] },
      // Gap (c): a vacant post. It keeps its targets, so the only gap it makes is "no holder".
      { suffix: 'KY04', title: '科员（国有资产管理）', business: ['B-ASSETS', 'B-CHECK'] },
    ],
    chiefBusiness: [
      pct('B-BUDGET', '预算执行率', 95, 'B-CWK', { importance: 1.5 }),
      pct('B-REPORTS', '财务报表按时报送率', 100, 'B-CWK'),
      num('B-SPECIAL', '专项资金监督检查单位数', 15, '家', 'B-CWK'),
      mil('B-ASSETS', '行政事业单位国有资产清查', '09-30', 'B-CWK', { importance: 0.8 }),
    ],
    staffBusiness: [
      num('B-ANALYSIS', '部门预算执行进度分析报告篇数', 12, '篇', 'B-BUDGET'),
      pct('B-FUNDS', '专项资金拨付及时率', 100, 'B-BUDGET'),
      pct('B-VOUCHER', '会计凭证审核问题整改率', 100, 'B-REPORTS'),
      pct('B-MONTHLY', '月度财务报表按时报送率', 100, 'B-REPORTS'),
      num('B-CHECK', '专项资金检查单位数', 5, '家', 'B-SPECIAL'),
      mil('B-ASSETS', '固定资产账实核对', '09-15', 'B-ASSETS'),
    ],
  },
  {
    unit: 'GHK',
    prefix: 'GHK',
    deputy: 'LD-FJ4',
    partyGroup: 'DXZ-3',
    chief: { suffix: 'KZ', title: '规划信息科科长', holder: 'WJ045' },
    staff: [
      { suffix: 'KY01', title: '科员（卫生统计）', holder: 'WJ046', business: ['B-ANNUAL', 'B-MONTHLY'] },
      { suffix: 'KY02', title: '科员（信息化建设）', holder: 'WJ047', business: ['B-EHR', 'B-OPS'] },
      // Gap (a): this post deliberately has no business target.
      { suffix: 'KY03', title: '科员（规划）', holder: 'WJ048', business: [] },
      { suffix: 'KY04', title: '科员（网络安全）', holder: 'WJ049', business: ['B-SECURITY', 'B-OPS'] },
      { suffix: 'KY05', title: '科员', holder: 'WJ060', business: ['B-SURVEY', 'B-FACILITY'] },
    ],
    chiefBusiness: [
      mil('B-PLATFORM', '全民健康信息平台二期建设', '12-31', 'B-GHK', { importance: 1.5 }),
      pct('B-STATS', '卫生健康统计报表上报及时率', 100, 'B-GHK'),
      mil('B-PLAN', '区域卫生规划编制', '08-31', 'B-GHK'),
      pct('B-NETSEC', '网络安全检查合格率', 100, 'B-GHK'),
    ],
    staffBusiness: [
      pct('B-ANNUAL', '卫生统计年报数据审核准确率', 99, 'B-STATS'),
      pct('B-MONTHLY', '统计月报按时上报率', 100, 'B-STATS'),
      pct('B-EHR', '居民电子健康档案建档率', 85, 'B-PLATFORM'),
      pct('B-OPS', '机关网络和信息系统故障处理及时率', 98, 'B-NETSEC'),
      mil('B-SECURITY', '网络安全等级保护自查', '07-31', 'B-NETSEC'),
      num('B-SURVEY', '区域卫生规划专题调研报告篇数', 3, '篇', 'B-PLAN'),
      mil('B-FACILITY', '医疗机构设置规划数据测算', '06-30', 'B-PLAN'),
    ],
  },
  {
    unit: 'JJZ',
    prefix: 'JJZ',
    deputy: 'LD-FJ4',
    partyGroup: 'DXZ-3',
    chief: { suffix: 'FZZ', title: '纪检组副组长', holder: 'WJ050' },
    staff: [
      { suffix: 'KY01', title: '纪检监察员', holder: 'WJ051', business: ['B-PETITION', 'B-TALK'] },
      { suffix: 'KY02', title: '纪检监察员', holder: 'WJ052', business: ['B-CHECK', 'B-VISIT'] },
      { suffix: 'KY03', title: '科员', holder: 'WJ053', business: ['B-WARN', 'B-PETITION'] },
    ],
    chiefBusiness: [
      pct('B-PLEDGE', '党风廉政建设责任书签订率', 100, 'B-JJZ'),
      pct('B-PETITION', '信访举报件按期办结率', 100, 'B-JJZ', { importance: 1.5 }),
      num('B-CHECK', '医药购销领域不正之风专项检查家数', 20, '家', 'B-JJZ'),
      num('B-WARN', '廉政警示教育活动次数', 4, '次', 'B-JJZ'),
    ],
    staffBusiness: [
      pct('B-PETITION', '信访举报登记、转办及时率', 100, 'B-PETITION'),
      num('B-CHECK', '医药购销专项检查家数', 8, '家', 'B-CHECK'),
      num('B-TALK', '廉政提醒谈话人次', 30, '人次', 'B-PLEDGE'),
      num('B-WARN', '警示教育材料编印期数', 4, '期', 'B-WARN'),
      num('B-VISIT', '作风纪律明察暗访次数', 12, '次', 'B-CHECK'),
    ],
  },
  {
    unit: 'DWB',
    prefix: 'DWB',
    deputy: 'LD-FJ3',
    partyGroup: 'DXZ-2',
    chief: { suffix: 'ZR', title: '党委办公室主任', holder: 'WJ054' },
    staff: [
      { suffix: 'KY01', title: '科员（组织）', holder: 'WJ055', business: ['B-LEDGER', 'B-ACTIVISTS'] },
      { suffix: 'KY02', title: '科员（宣传）', holder: 'WJ056', business: ['B-PRESS'] },
      { suffix: 'KY03', title: '科员（党员管理）', holder: 'WJ057', business: ['B-DUES', 'B-SYSTEM'] },
      { suffix: 'KY04', title: '科员', holder: 'WJ058', business: ['B-PRESS', 'B-SYSTEM'] },
    ],
    chiefBusiness: [
      pct('B-STANDARD', '基层党组织规范化建设达标率', 100, 'B-DWB'),
      qual('B-MEMBERS', '党员发展和党籍管理', 'B-DWB'),
      num('B-PRESS', '宣传信息稿件在市级以上媒体刊发篇数', 40, '篇', 'B-DWB', { importance: 1.2 }),
      pct('B-DUES', '党费收缴及时率', 100, 'B-DWB', { importance: 0.8 }),
    ],
    staffBusiness: [
      num('B-LEDGER', '党建工作台账规范化检查次数', 4, '次', 'B-STANDARD'),
      pct('B-ACTIVISTS', '入党积极分子培养考察档案完整率', 100, 'B-MEMBERS'),
      num('B-PRESS', '宣传稿件刊发篇数', 12, '篇', 'B-PRESS'),
      pct('B-DUES', '党费收缴台账核对准确率', 100, 'B-DUES'),
      pct('B-SYSTEM', '党员信息管理系统数据更新及时率', 100, 'B-MEMBERS'),
    ],
  },
];

/** Targets of the party and mass-organisation posts, all on the party line under LD-FJ3. */
export const PARTY_POST_TARGETS: Readonly<Record<string, Readonly<Record<TargetCategory, TargetSpec[]>>>> = {
  'DZB-SJ': {
    IDEOLOGICAL: [
      pct('I-MEETINGS', '支部“三会一课”按期召开率', 100, 'I-PARTY', { importance: 1.5 }),
      num('I-DAY', '主题党日活动开展次数', 12, '次', 'I-PARTY'),
    ],
    BUSINESS: [mil('B-MERGE', '党建与业务融合“党员先锋岗”创建', '09-30', 'B-PARTY', { importance: 1.2 })],
    MANAGEMENT: [pct('M-LEDGER', '支部工作台账规范率', 100, 'M-PARTY')],
  },
  'DZB-WY1': {
    IDEOLOGICAL: [pct('I-ORG', '党员组织关系和党费管理规范率', 100, 'I-PARTY')],
    BUSINESS: [mil('B-RECRUIT', '年度发展党员计划完成', '11-30', 'B-PARTY')],
    MANAGEMENT: [pct('M-ARCHIVE', '组织工作资料归档及时率', 100, 'M-PARTY')],
  },
  'DZB-WY2': {
    IDEOLOGICAL: [num('I-BULLETIN', '理论学习资料编发期数', 12, '期', 'I-PARTY')],
    BUSINESS: [num('B-NEWS', '围绕卫生健康中心工作宣传报道篇数', 10, '篇', 'B-PARTY')],
    MANAGEMENT: [pct('M-ARCHIVE', '宣传工作资料归档及时率', 100, 'M-PARTY')],
  },
  'GH-ZX': {
    IDEOLOGICAL: [num('I-SURVEY', '职工思想动态调研次数', 2, '次', 'I-PARTY', { importance: 0.6 })],
    BUSINESS: [pct('B-CHECKUP', '职工健康体检覆盖率', 100, 'B-PARTY')],
    MANAGEMENT: [qual('M-FUNDS', '工会经费使用和账目管理规范', 'M-PARTY')],
  },
  'TZB-SJ': {
    IDEOLOGICAL: [num('I-YOUTH', '青年理论学习小组活动次数', 6, '次', 'I-PARTY', { importance: 0.6 })],
    BUSINESS: [
      num('B-VOLUNTEER', '组织青年志愿者参加健康宣教活动次数', 6, '次', 'B-PARTY', { importance: 0.8 }),
    ],
    MANAGEMENT: [pct('M-LEAGUE', '团员信息和团费管理规范率', 100, 'M-PARTY', { importance: 0.6 })],
  },
  'FWH-ZR': {
    IDEOLOGICAL: [
      num('I-WOMEN', '女职工思想政治和家庭美德教育活动次数', 3, '次', 'I-PARTY', { importance: 0.6 }),
    ],
    BUSINESS: [num('B-CARE', '“两癌”筛查宣传和女职工关爱活动次数', 4, '次', 'B-PARTY', { importance: 0.8 })],
    MANAGEMENT: [qual('M-LEDGER', '妇委会活动台账规范', 'M-PARTY', { importance: 0.6 })],
  },
};

/** The three party group leaders share these; their tier-4 party members hang under them. */
export const PARTY_GROUP_TARGETS: Readonly<Record<TargetCategory, TargetSpec[]>> = {
  IDEOLOGICAL: [
    num('I-STUDY', '党小组每月集中学习次数', 12, '次', 'I-PARTY'),
    pct('I-DISC', '党员按期参加组织生活率', 100, 'I-PARTY'),
  ],
  BUSINESS: [num('B-SERVICE', '组织党员志愿服务（义诊、健康宣教）次数', 4, '次', 'B-PARTY')],
  MANAGEMENT: [pct('M-RECORD', '党小组活动记录完整率', 100, 'M-PARTY')],
};

// ---------------------------------------------------------------------------------------------
// Deliberate chain gaps (DOMAIN rule 4), so the gap report has something to show.
// ---------------------------------------------------------------------------------------------
/** Gap (b): the children of this chief target are weighted to 90 instead of 100. */
export const GAP_WEIGHTS_90 = { postCode: 'JKK-KZ', targetKey: 'B-REPORT', sum: 90 } as const;
/** Gap (d): a target under 办公室主任's logistics target that nobody owns. */
export const GAP_UNOWNED = {
  parentPostCode: 'BGS-KZ',
  parentKey: 'B-LOGISTICS',
  spec: qual('B-OUTSOURCE', '机关食堂外包服务合同监管', 'B-LOGISTICS'),
} as const;
export const GAP_NO_BUSINESS_POST = 'GHK-KY03';
export const GAP_VACANT_POST = 'CWK-KY04';

// ---------------------------------------------------------------------------------------------
// Accounts and the assessment group
// ---------------------------------------------------------------------------------------------
export interface DemoAccountSpec {
  username: string;
  no: string;
  description: string;
  admin?: boolean;
}

export const DEMO_ACCOUNT_SPECS: readonly DemoAccountSpec[] = [
  { username: 'director', no: 'WJ001', description: '一级责任人：党组书记、局长（LD-SJ）' },
  {
    username: 'deputy',
    no: 'WJ003',
    description: '二级责任人：党组成员、副局长（LD-FJ2），分管医政科、疾控科',
  },
  {
    username: 'chief',
    no: 'WJ021',
    description: '三级责任人：医政科科长（YZK-KZ），兼第二党小组组长（DXZ-2）',
  },
  {
    username: 'staff',
    no: 'WJ023',
    description: '四级责任人：医政科科员（YZK-KY01），中共党员，属第二党小组',
  },
  {
    username: 'assessor',
    no: 'WJ017',
    description: '考核督导组成员：人事科科员（RSK-KY01，四级）；第三季度考评尚有多名被考评人未评分',
  },
  { username: 'admin', no: 'WJ010', description: '系统管理员（ADMIN）：办公室科员（BGS-KY03，四级）' },
];

/** 考核督导组: from 人事科, 纪检组, 党委办公室 and 办公室 (never the tier-1 person). */
export const ASSESSORS: readonly string[] = ['WJ017', 'WJ016', 'WJ050', 'WJ051', 'WJ055', 'WJ008'];

// ---------------------------------------------------------------------------------------------
// Evaluation
// ---------------------------------------------------------------------------------------------
export interface CycleSpec {
  kind: CycleKind;
  status: 'DRAFT' | 'OPEN' | 'PUBLISHED';
  window?: [string, string];
  publishedOn?: string;
}

export const CYCLES: readonly CycleSpec[] = [
  { kind: 'Q1', status: 'PUBLISHED', window: ['03-25', '04-10'], publishedOn: '04-15' },
  { kind: 'Q2', status: 'PUBLISHED', window: ['06-25', '07-10'], publishedOn: '07-15' },
  { kind: 'Q3', status: 'OPEN', window: ['11-01', '12-31'] },
  { kind: 'Q4', status: 'DRAFT' },
  { kind: 'ANNUAL', status: 'DRAFT' },
];

export const EXCLUSION = { cycle: 'Q2' as CycleKind, no: 'WJ036', reason: '长期病假' };

export interface AdjustmentSpec {
  cycle: CycleKind;
  evaluee: string;
  evaluator: string;
  kind: 'BONUS' | 'DEDUCTION' | 'VETO';
  amount?: number;
  reason: string;
  draft?: boolean;
}

export const ADJUSTMENTS: readonly AdjustmentSpec[] = [
  // Q1
  {
    cycle: 'Q1',
    evaluee: 'WJ023',
    evaluator: 'WJ017',
    kind: 'BONUS',
    amount: 3,
    reason: '撰写的医疗质量调研报告获市领导批示',
  },
  {
    cycle: 'Q1',
    evaluee: 'WJ031',
    evaluator: 'WJ016',
    kind: 'BONUS',
    amount: 2,
    reason: '在手足口病聚集性疫情处置中表现突出，获市卫生健康委通报表扬',
  },
  {
    cycle: 'Q1',
    evaluee: 'WJ012',
    evaluator: 'WJ008',
    kind: 'BONUS',
    amount: 2,
    reason: '政务信息被省卫生健康委采用 3 篇',
  },
  {
    cycle: 'Q1',
    evaluee: 'WJ046',
    evaluator: 'WJ017',
    kind: 'BONUS',
    amount: 1,
    reason: '获市级表彰（全市卫生统计工作先进个人）',
  },
  {
    cycle: 'Q1',
    evaluee: 'WJ027',
    evaluator: 'WJ050',
    kind: 'DEDUCTION',
    amount: 3,
    reason: '政务值班脱岗一次',
  },
  {
    cycle: 'Q1',
    evaluee: 'WJ027',
    evaluator: 'WJ055',
    kind: 'DEDUCTION',
    amount: 2,
    reason: '无故缺席周五政治学习两次',
  },
  {
    cycle: 'Q1',
    evaluee: 'WJ013',
    evaluator: 'WJ008',
    kind: 'DEDUCTION',
    amount: 2,
    reason: '办公室卫生检查不合格，被通报一次',
  },
  {
    cycle: 'Q1',
    evaluee: 'WJ058',
    evaluator: 'WJ051',
    kind: 'DEDUCTION',
    amount: 3,
    reason: '请示报告事项超期未办结',
  },
  {
    cycle: 'Q1',
    evaluee: 'WJ039',
    evaluator: 'WJ008',
    kind: 'DEDUCTION',
    amount: 1,
    reason: '文件未按规定通过网上传递',
  },
  // Q2
  {
    cycle: 'Q2',
    evaluee: 'WJ021',
    evaluator: 'WJ016',
    kind: 'BONUS',
    amount: 3,
    reason: '牵头的改善医疗服务行动获省级表彰',
  },
  {
    cycle: 'Q2',
    evaluee: 'WJ040',
    evaluator: 'WJ055',
    kind: 'BONUS',
    amount: 2,
    reason: '获市直机关优秀共产党员称号',
  },
  {
    cycle: 'Q2',
    evaluee: 'WJ055',
    evaluator: 'WJ017',
    kind: 'BONUS',
    amount: 2,
    reason: '撰写的宣传稿件被《健康报》刊发',
  },
  {
    cycle: 'Q2',
    evaluee: 'WJ019',
    evaluator: 'WJ017',
    kind: 'BONUS',
    amount: 1,
    reason: '获市级表彰（人社工作先进个人）',
  },
  {
    cycle: 'Q2',
    evaluee: 'WJ037',
    evaluator: 'WJ051',
    kind: 'BONUS',
    amount: 2,
    reason: '在输入性登革热病例应急处置中表现突出',
  },
  {
    cycle: 'Q2',
    evaluee: 'WJ027',
    evaluator: 'WJ050',
    kind: 'DEDUCTION',
    amount: 4,
    reason: '政务值班脱岗一次，造成紧急通知传达延误',
  },
  {
    cycle: 'Q2',
    evaluee: 'WJ058',
    evaluator: 'WJ055',
    kind: 'DEDUCTION',
    amount: 2,
    reason: '无故缺席周五政治学习一次',
  },
  {
    cycle: 'Q2',
    evaluee: 'WJ044',
    evaluator: 'WJ016',
    kind: 'DEDUCTION',
    amount: 3,
    reason: '月度财务报表超期报送，被市财政局通报',
  },
  {
    cycle: 'Q2',
    evaluee: 'WJ013',
    evaluator: 'WJ008',
    kind: 'DEDUCTION',
    amount: 1,
    reason: '局务会会务准备不到位，会议迟到两次',
  },
  {
    cycle: 'Q2',
    evaluee: 'WJ020',
    evaluator: 'WJ008',
    kind: 'DEDUCTION',
    amount: 1,
    reason: '文件网上传递不及时',
  },
  {
    cycle: 'Q2',
    evaluee: 'WJ049',
    evaluator: 'WJ050',
    kind: 'VETO',
    reason: '在信息化项目采购中违规接受供应商宴请并收受礼金，受到党内警告处分',
  },
  // Q3 (open): one deduction still in draft
  {
    cycle: 'Q3',
    evaluee: 'WJ013',
    evaluator: 'WJ050',
    kind: 'DEDUCTION',
    amount: 2,
    reason: '定期卫生大扫除检查不合格一次',
    draft: true,
  },
];

/** The open Q3 cycle: who has entered what so far. Everyone else has entered nothing. */
export const Q3_PARTIAL: readonly {
  evaluator: string;
  evaluees: number;
  status: 'DRAFT' | 'SUBMITTED';
  partialLast?: boolean;
}[] = [
  { evaluator: 'WJ051', evaluees: 12, status: 'SUBMITTED' },
  { evaluator: 'WJ055', evaluees: 6, status: 'DRAFT' },
  { evaluator: 'WJ017', evaluees: 3, status: 'DRAFT', partialLast: true },
];

export const GRADE_CONSEQUENCES = [
  { grade: 'EXCELLENT', bonusCoefficient: 1.2, commendation: '年度嘉奖', talk: null },
  { grade: 'COMPETENT', bonusCoefficient: 1.0, commendation: null, talk: null },
  { grade: 'BASICALLY_COMPETENT', bonusCoefficient: 0.8, commendation: null, talk: '提醒谈话' },
  { grade: 'INCOMPETENT', bonusCoefficient: 0.5, commendation: null, talk: '诫勉谈话' },
] as const;
