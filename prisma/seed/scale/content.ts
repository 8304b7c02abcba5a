// Chinese content for the city-scale organisation: place and unit names, section types with their
// target templates, person names, progress notes and adjustment reasons. The eight bureau sections
// of the demo (办公室, 人事科, 医政科, …) reuse the demo's templates; the other section types and the
// institutions (community health centres, hospital departments, …) are added here. Every name of a
// person is generated; place names are invented.
import type { TargetSpec } from '../demo-data';
import { SECTIONS } from '../demo-data';

export const CITY_NAME = '示范市';

/** Invented districts and counties of the city. */
export const DISTRICTS: readonly string[] = [
  '城东区',
  '城西区',
  '城南区',
  '城北区',
  '高新区',
  '湖滨区',
  '河西区',
  '白云区',
  '新城区',
  '临江县',
  '青山县',
  '东湖县',
  '南山县',
  '北塘区',
  '西岭县',
  '石桥县',
];

/** Towns for 乡镇卫生院 names. */
export const TOWNS: readonly string[] = [
  '柳湾',
  '石门',
  '青石',
  '桃源',
  '杨桥',
  '双河',
  '长岭',
  '梅林',
  '清溪',
  '金塘',
  '白沙',
  '龙潭',
  '新集',
  '马坊',
  '枫林',
  '李庄',
  '三江',
  '高桥',
  '凤凰',
  '黄泥',
];

export const ORDINALS: readonly string[] = [
  '第一',
  '第二',
  '第三',
  '第四',
  '第五',
  '第六',
  '第七',
  '第八',
  '第九',
  '第十',
  '第十一',
  '第十二',
  '第十三',
  '第十四',
  '第十五',
  '第十六',
  '第十七',
  '第十八',
  '第十九',
  '第二十',
];

export const ordinal = (i: number): string => ORDINALS[i] ?? `第${i + 1}`;

export const HOSPITAL_DEPARTMENTS: readonly string[] = [
  '心血管内科',
  '呼吸与危重症医学科',
  '消化内科',
  '神经内科',
  '内分泌科',
  '肾内科',
  '普外科',
  '骨科',
  '泌尿外科',
  '神经外科',
  '胸外科',
  '妇产科',
  '儿科',
  '新生儿科',
  '急诊科',
  '重症医学科',
  '感染性疾病科',
  '眼科',
  '耳鼻咽喉科',
  '口腔科',
  '皮肤科',
  '康复医学科',
  '中医科',
  '麻醉科',
  '检验科',
  '放射科',
  '超声医学科',
  '药剂科',
  '护理部',
  '医务科',
  '院感科',
  '病理科',
  '肿瘤科',
  '老年医学科',
  '全科医学科',
  '精神心理科',
];

export const CDC_DEPARTMENTS: readonly string[] = [
  '传染病防制科',
  '免疫规划科',
  '慢性病防制科',
  '检验科',
  '健康教育科',
  '消毒与病媒生物防制科',
  '学校卫生科',
  '应急办公室',
];

export const MCH_DEPARTMENTS: readonly string[] = [
  '孕产保健部',
  '儿童保健部',
  '妇女保健部',
  '计划生育技术服务部',
  '出生缺陷防治科',
];

export const SUPERVISION_DEPARTMENTS: readonly string[] = [
  '医疗卫生监督科',
  '公共场所卫生监督科',
  '传染病防治监督科',
  '职业卫生监督科',
  '稽查科',
];

// ---------------------------------------------------------------------------------------------
// Section types
// ---------------------------------------------------------------------------------------------

export interface SectionType {
  key: string;
  /** Unit name of a bureau section (科); the commission's own sections are 处. */
  name: string;
  /** Title suffix of the head, e.g. 科长, 主任, 科主任. */
  chiefSuffix: string;
  /** Titles of the staff posts, used in turn. */
  staffTitles: readonly string[];
  /** Title of the business target of the deputy in charge (分管). */
  deputyBusiness: string;
  chiefBusiness: readonly TargetSpec[];
  chiefManagementExtra?: readonly TargetSpec[];
  staffBusiness: readonly TargetSpec[];
  /** The assessment group draws its members from these sections (人事, 纪检, 党委办, 办公室). */
  isAssessorSource?: boolean;
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

const DEMO_DEPUTY_BUSINESS: Readonly<Record<string, string>> = {
  BGS: '统筹机关综合协调、政务服务和后勤保障工作',
  RSK: '推进干部人事和队伍建设工作',
  YZK: '推进医疗质量安全和医政管理工作',
  JKK: '推进疾病预防控制和传染病防治工作',
  CWK: '统筹财务管理和预算执行工作',
  GHK: '推进卫生健康规划和信息化建设',
  JJZ: '推进纪检监察和机关作风建设',
  DWB: '推进机关党务和宣传工作',
};

const DEMO_NAMES: Readonly<Record<string, string>> = {
  BGS: '办公室',
  RSK: '人事科',
  YZK: '医政科',
  JKK: '疾控科',
  CWK: '财务科',
  GHK: '规划信息科',
  JJZ: '纪检组',
  DWB: '党委办公室',
};

const DEMO_CHIEF_SUFFIX: Readonly<Record<string, string>> = {
  BGS: '主任',
  JJZ: '副组长',
  DWB: '主任',
};

/** The demo bureau's eight sections, with the demo's own templates. */
const DEMO_TYPES: SectionType[] = SECTIONS.map((section) => ({
  key: section.unit,
  name: DEMO_NAMES[section.unit] ?? section.unit,
  chiefSuffix: DEMO_CHIEF_SUFFIX[section.unit] ?? '科长',
  staffTitles: section.staff.map((staff) =>
    staff.title.replace(/^.*(科员|工作人员|纪检监察员|驾驶员)/, '$1'),
  ),
  deputyBusiness: DEMO_DEPUTY_BUSINESS[section.unit] ?? `推进${section.unit}工作`,
  chiefBusiness: section.chiefBusiness,
  ...(section.chiefManagementExtra === undefined
    ? {}
    : { chiefManagementExtra: section.chiefManagementExtra }),
  staffBusiness: section.staffBusiness,
  isAssessorSource: ['RSK', 'JJZ', 'DWB', 'BGS'].includes(section.unit),
}));

const MORE_BUREAU_TYPES: SectionType[] = [
  {
    key: 'JCWS',
    name: '基层卫生健康科',
    chiefSuffix: '科长',
    staffTitles: [
      '科员（家庭医生签约）',
      '科员（基本公共卫生）',
      '科员（乡村医生管理）',
      '科员（医共体建设）',
    ],
    deputyBusiness: '推进基层卫生服务能力建设和紧密型医共体建设',
    chiefBusiness: [
      pct('B-SIGN', '家庭医生签约服务重点人群覆盖率', 75, '', { importance: 1.3 }),
      pct('B-PHS', '基本公共卫生服务项目绩效评价达标率', 100, ''),
      num('B-STD', '基层医疗卫生机构标准化建设家数', 10, '家', ''),
      mil('B-COUNTY', '紧密型医共体建设实施方案印发', '06-30', '', { importance: 0.8 }),
    ],
    staffBusiness: [
      pct('B-SIGN', '签约居民履约随访率', 90, 'B-SIGN'),
      num('B-PHS', '基本公共卫生项目现场督导次数', 12, '次', 'B-PHS'),
      num('B-VILLAGE', '村卫生室规范化检查家数', 30, '家', 'B-STD'),
      pct('B-EHR', '居民电子健康档案规范建档率', 90, 'B-PHS'),
      mil('B-COUNTY', '医共体运行情况评估报告', '10-31', 'B-COUNTY'),
      num('B-TRAIN', '乡村医生业务培训人次', 200, '人次', 'B-STD'),
    ],
  },
  {
    key: 'FYJK',
    name: '妇幼健康科',
    chiefSuffix: '科长',
    staffTitles: ['科员（孕产保健）', '科员（儿童保健）', '科员（出生缺陷防治）'],
    deputyBusiness: '推进妇幼健康服务和出生缺陷综合防治',
    chiefBusiness: [
      pct('B-MATERNAL', '孕产妇系统管理率', 92, '', { importance: 1.2 }),
      pct('B-CHILD', '3岁以下儿童系统管理率', 92, ''),
      num('B-MMR', '孕产妇死亡率控制在', 10, '/10万', '', { baseline: 12, importance: 1.2 }),
      mil('B-DEFECT', '出生缺陷综合防治项目年度任务', '11-30', ''),
    ],
    staffBusiness: [
      pct('B-EARLY', '孕产妇早孕建册率', 90, 'B-MATERNAL'),
      num('B-VISIT', '妇幼保健机构业务督导家数', 8, '家', 'B-MATERNAL'),
      pct('B-SCREEN', '新生儿疾病筛查率', 98, 'B-DEFECT'),
      pct('B-EYE', '0—6岁儿童眼保健和视力检查覆盖率', 90, 'B-CHILD'),
      num('B-IMR', '婴儿死亡率控制在', 3.5, '‰', 'B-CHILD', { baseline: 4 }),
      num('B-REVIEW', '孕产妇死亡病例评审次数', 4, '次', 'B-MMR'),
    ],
  },
  {
    key: 'ZHJD',
    name: '综合监督科',
    chiefSuffix: '科长',
    staffTitles: ['科员（医疗监督）', '科员（公共卫生监督）', '科员（行政执法）'],
    deputyBusiness: '推进卫生健康综合监督执法',
    chiefBusiness: [
      pct('B-RANDOM', '“双随机、一公开”抽查任务完成率', 100, '', { importance: 1.2 }),
      num('B-PUBLIC', '公共场所卫生监督检查户次', 800, '户次', ''),
      pct('B-CASES', '行政处罚案件按期结案率', 100, ''),
      qual('B-ORDER', '医疗服务市场秩序专项整治', ''),
    ],
    staffBusiness: [
      num('B-PUBLIC', '公共场所卫生监督检查户次', 120, '户次', 'B-PUBLIC'),
      num('B-WATER', '生活饮用水卫生监测点次', 24, '点次', 'B-RANDOM'),
      pct('B-COMPLAINT', '投诉举报按期办结率', 100, 'B-CASES'),
      num('B-CLINIC', '医疗机构依法执业检查家数', 30, '家', 'B-ORDER'),
      pct('B-DOCS', '执法文书规范率', 98, 'B-CASES'),
    ],
  },
  {
    key: 'YJB',
    name: '卫生应急办公室',
    chiefSuffix: '主任',
    staffTitles: ['科员（应急值守）', '科员（应急物资）', '科员（应急演练）'],
    deputyBusiness: '推进卫生应急体系建设和突发事件处置',
    chiefBusiness: [
      num('B-DRILL', '卫生应急演练次数', 4, '次', ''),
      pct('B-RESPONSE', '突发公共卫生事件应急处置及时率', 100, '', { importance: 1.5 }),
      mil('B-STOCK', '卫生应急物资储备目录修订', '05-31', ''),
      pct('B-TEAM', '卫生应急队伍培训覆盖率', 100, ''),
    ],
    staffBusiness: [
      num('B-PLAN', '应急演练方案编制份数', 4, '份', 'B-DRILL'),
      pct('B-LEDGER', '应急物资台账准确率', 100, 'B-STOCK'),
      num('B-TRAIN', '应急队伍培训班次', 3, '次', 'B-TEAM'),
      pct('B-REPORT', '应急值守信息报送及时率', 100, 'B-RESPONSE'),
    ],
  },
  {
    key: 'LLJK',
    name: '老龄健康科',
    chiefSuffix: '科长',
    staffTitles: ['科员（医养结合）', '科员（老年健康）'],
    deputyBusiness: '推进老龄健康和医养结合工作',
    chiefBusiness: [
      pct('B-ELDER', '65岁及以上老年人健康管理率', 70, '', { importance: 1.3 }),
      num('B-CARE', '医养结合机构建设家数', 5, '家', ''),
      mil('B-FRIENDLY', '老年友善医疗机构创建评估', '10-31', ''),
      qual('B-HOSPICE', '安宁疗护试点工作', '', { importance: 0.8 }),
    ],
    staffBusiness: [
      num('B-WEEK', '老年健康宣传周活动次数', 4, '次', 'B-ELDER'),
      pct('B-CHECKUP', '老年人健康体检数据录入率', 95, 'B-ELDER'),
      num('B-CARE', '医养结合机构督导家数', 10, '家', 'B-CARE'),
      mil('B-FRIENDLY', '老年友善医疗机构自评材料汇总', '09-30', 'B-FRIENDLY'),
      num('B-HOSPICE', '安宁疗护病例随访人次', 50, '人次', 'B-HOSPICE'),
    ],
  },
  {
    key: 'ZYJK',
    name: '职业健康科',
    chiefSuffix: '科长',
    staffTitles: ['科员（职业病防治）', '科员（职业健康监管）'],
    deputyBusiness: '推进职业病防治和职业健康保护',
    chiefBusiness: [
      pct('B-DECLARE', '重点行业用人单位职业病危害项目申报率', 95, ''),
      num('B-QC', '职业健康检查机构质量控制检查家数', 12, '家', ''),
      pct('B-DUST', '尘肺病患者随访率', 95, ''),
      mil('B-WEEK', '《职业病防治法》宣传周活动', '04-30', '', { importance: 0.7 }),
    ],
    staffBusiness: [
      num('B-INSPECT', '用人单位职业健康监督检查家数', 40, '家', 'B-DECLARE'),
      pct('B-REPORT', '职业病报告审核及时率', 100, 'B-QC'),
      num('B-TRAIN', '职业健康培训人次', 300, '人次', 'B-DECLARE'),
      pct('B-FILES', '尘肺病患者随访档案完整率', 95, 'B-DUST'),
      mil('B-WEEK', '宣传周活动总结', '05-15', 'B-WEEK'),
    ],
  },
  {
    key: 'ZYYK',
    name: '中医药科',
    chiefSuffix: '科长',
    staffTitles: ['科员（中医医政）', '科员（中医药传承）'],
    deputyBusiness: '推进中医药传承创新发展',
    chiefBusiness: [
      pct('B-COVER', '基层医疗卫生机构中医药服务覆盖率', 100, '', { importance: 1.2 }),
      num('B-TECH', '中医药适宜技术推广项数', 10, '项', ''),
      mil('B-DEMO', '中医药传承创新示范项目申报', '07-31', ''),
      num('B-CULTURE', '中医药健康文化宣传活动次数', 6, '次', ''),
    ],
    staffBusiness: [
      num('B-HALL', '基层中医馆建设督导家数', 12, '家', 'B-COVER'),
      num('B-TRAIN', '中医药适宜技术培训人次', 200, '人次', 'B-TECH'),
      pct('B-DATA', '中医诊疗数据上报及时率', 100, 'B-COVER'),
      num('B-CULTURE', '中医药文化进社区活动次数', 4, '次', 'B-CULTURE'),
      mil('B-DEMO', '示范项目申报材料整理', '07-15', 'B-DEMO'),
    ],
  },
  {
    key: 'JKCJ',
    name: '健康促进科',
    chiefSuffix: '科长',
    staffTitles: ['科员（健康教育）', '科员（新闻宣传）', '科员（舆情监测）'],
    deputyBusiness: '推进健康促进和卫生健康宣传',
    chiefBusiness: [
      num('B-LITERACY', '居民健康素养水平提升至', 32, '%', '', { baseline: 28, importance: 1.3 }),
      num('B-EVENTS', '健康科普宣传活动次数', 24, '次', ''),
      num('B-PRESS', '新闻发布会和媒体通气会次数', 6, '次', ''),
      qual('B-OPINION', '卫生健康舆情监测和处置', ''),
    ],
    staffBusiness: [
      num('B-ARTICLES', '健康科普稿件发布篇数', 40, '篇', 'B-LITERACY'),
      num('B-MEDIA', '政务新媒体信息更新条数', 300, '条', 'B-PRESS'),
      pct('B-OPINION', '舆情信息报送及时率', 100, 'B-OPINION'),
      num('B-LECTURE', '健康讲座次数', 12, '次', 'B-EVENTS'),
    ],
  },
];

/** The sections every bureau has, in this order (a small bureau has only the first ones). */
export const BUREAU_SECTION_TYPES: readonly SectionType[] = [
  ...DEMO_TYPES.filter((t) => ['BGS', 'RSK', 'YZK', 'JKK'].includes(t.key)),
  ...DEMO_TYPES.filter((t) => ['DWB', 'CWK', 'JJZ', 'GHK'].includes(t.key)),
  ...MORE_BUREAU_TYPES,
];

const typeByKey = (key: string): SectionType => {
  const type = BUREAU_SECTION_TYPES.find((t) => t.key === key);
  if (type === undefined) throw new Error(`scale seed: unknown section type ${key}`);
  return type;
};

/** A community health centre or township hospital (社区卫生服务中心 / 乡镇卫生院). */
export const PRIMARY_CARE_TYPE: SectionType = {
  key: 'SQWS',
  name: '社区卫生服务中心',
  chiefSuffix: '主任',
  staffTitles: [
    '全科医生',
    '公共卫生医师',
    '护士',
    '护士',
    '全科医生',
    '药剂师',
    '检验技师',
    '财务人员',
    '信息管理员',
  ],
  deputyBusiness: '推进基本医疗和基本公共卫生服务',
  chiefBusiness: [
    pct('B-SIGN', '家庭医生签约服务重点人群覆盖率', 75, '', { importance: 1.3 }),
    pct('B-CHRONIC', '高血压、糖尿病患者规范管理率', 70, '', { importance: 1.2 }),
    pct('B-VACCINE', '适龄儿童免疫规划疫苗接种率', 95, ''),
    num('B-EDU', '健康教育讲座次数', 12, '次', ''),
    qual('B-QUALITY', '基本医疗服务质量和群众满意度', ''),
  ],
  staffBusiness: [
    pct('B-FOLLOW', '签约居民随访率', 90, 'B-SIGN'),
    num('B-VISITS', '门诊诊疗人次', 6000, '人次', 'B-QUALITY'),
    pct('B-CHRONIC', '慢病患者季度随访率', 90, 'B-CHRONIC'),
    pct('B-VACCINE', '预防接种信息录入及时率', 100, 'B-VACCINE'),
    num('B-EDU', '健康教育活动次数', 6, '次', 'B-EDU'),
    pct('B-RX', '处方合格率', 98, 'B-QUALITY'),
    pct('B-LAB', '检验报告及时发放率', 98, 'B-QUALITY'),
    num('B-ELDER', '老年人健康体检人数', 400, '人', 'B-CHRONIC'),
  ],
};

/** A clinical department of a hospital (医院科室). */
export const HOSPITAL_DEPARTMENT_TYPE: SectionType = {
  key: 'YYKS',
  name: '科室',
  chiefSuffix: '科主任',
  staffTitles: ['主治医师', '住院医师', '主管护师', '护师', '副主任医师', '护士', '住院医师', '护士'],
  deputyBusiness: '推进医疗质量安全和改善医疗服务',
  chiefBusiness: [
    num('B-LOS', '平均住院日缩短至', 8, '天', '', { baseline: 9.5, importance: 1.2 }),
    pct('B-RECORDS', '病历甲级率', 95, ''),
    pct('B-SATISFY', '患者满意度', 92, '', { importance: 1.2 }),
    num('B-HAI', '医院感染发生率控制在', 2.5, '%', '', { baseline: 3 }),
    pct('B-ANTIBIO', '抗菌药物使用强度达标率', 100, ''),
  ],
  staffBusiness: [
    pct('B-RECORDS', '病历书写合格率', 98, 'B-RECORDS'),
    pct('B-HAND', '手卫生依从率', 90, 'B-HAI'),
    pct('B-CRITICAL', '危急值报告及时率', 100, 'B-RECORDS'),
    num('B-STUDY', '科室业务学习次数', 12, '次', 'B-SATISFY'),
    pct('B-FOLLOWUP', '出院患者随访率', 80, 'B-SATISFY'),
    pct('B-NURSING', '护理文书合格率', 98, 'B-RECORDS'),
    pct('B-RX', '抗菌药物处方点评合格率', 95, 'B-ANTIBIO'),
    qual('B-LOS', '临床路径规范执行', 'B-LOS'),
  ],
};

/** Departments of the CDC, the maternal and child health hospital and the supervision institute. */
export const CDC_DEPARTMENT_TYPE: SectionType = {
  ...typeByKey('JKK'),
  key: 'JKZX',
  name: '疾病预防控制中心',
  chiefSuffix: '科长',
  deputyBusiness: '推进疾病预防控制中心业务工作',
};
export const MCH_DEPARTMENT_TYPE: SectionType = {
  ...typeByKey('FYJK'),
  key: 'FYBJ',
  name: '妇幼保健院',
  chiefSuffix: '主任',
  deputyBusiness: '推进妇幼保健院业务工作',
};
export const SUPERVISION_DEPARTMENT_TYPE: SectionType = {
  ...typeByKey('ZHJD'),
  key: 'WSJD',
  name: '卫生健康综合监督执法所',
  chiefSuffix: '科长',
  deputyBusiness: '推进卫生监督执法工作',
};

// ---------------------------------------------------------------------------------------------
// Leadership titles
// ---------------------------------------------------------------------------------------------

/** Tier-1 posts of the commission (a handful). */
export const TIER1_TITLES: readonly string[] = [
  '党组书记、主任',
  '党组副书记、常务副主任',
  '党组副书记、副主任',
  '党组成员、副主任（正局级）',
  '党组成员、一级巡视员',
];

// ---------------------------------------------------------------------------------------------
// People
// ---------------------------------------------------------------------------------------------

export const SURNAMES: readonly string[] = [
  ...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤',
];
export const MALE_GIVEN: readonly string[] = [
  ...'伟强磊军勇杰涛明超辉刚健斌鹏华飞波宇浩凯俊峰龙志建国东海林平博文昊晨阳振兴德宏亮永庆春松',
];
export const FEMALE_GIVEN: readonly string[] = [
  ...'芳娜敏静丽艳娟霞秀玲桂英红梅琳雪婷慧颖晶倩琴云莲洁燕萍兰凤月佳欣怡雨晓蕾瑶璐彤丹薇',
];

// ---------------------------------------------------------------------------------------------
// Progress notes and adjustments
// ---------------------------------------------------------------------------------------------

export const ON_TRACK_REMARKS: readonly string[] = [
  '按计划推进，成效明显',
  '各项任务落实到位',
  '已完成阶段性任务',
];
export const BEHIND_REMARKS: readonly string[] = [
  '；进度滞后，已制定整改措施',
  '；受人员调整影响进度滞后，正在追赶',
  '；进度偏慢，已向分管领导报告',
];
export const MILESTONE_STEPS: readonly string[] = [
  '已制定工作方案，正在推进',
  '已完成前期调研和资料收集',
  '初稿已形成，正在征求意见',
];

export const BONUS_REASONS: readonly string[] = [
  '撰写的调研报告获市领导批示',
  '在聚集性疫情处置中表现突出，获市卫生健康委通报表扬',
  '政务信息被省卫生健康委采用',
  '获市级表彰（卫生健康工作先进个人）',
  '撰写的宣传稿件被《健康报》刊发',
  '获市直机关优秀共产党员称号',
  '牵头的改善医疗服务行动获省级表彰',
];
export const DEDUCTION_REASONS: readonly string[] = [
  '政务值班脱岗一次',
  '无故缺席周五政治学习一次',
  '办公室卫生检查不合格，被通报一次',
  '请示报告事项超期未办结',
  '文件未按规定通过网上传递',
  '月度报表超期报送，被通报一次',
  '会议迟到两次',
];
export const VETO_REASONS: readonly string[] = [
  '违反中央八项规定精神，收受管理服务对象礼金，受到党内警告处分',
  '发生重大医疗安全责任事故，负有直接责任',
];
