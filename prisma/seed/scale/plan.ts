// The city-scale organisation as rows, in memory and without a database: the same options always
// give the same rows (ids from scale/random.ts, every variation from seeded PRNG streams).
//
// Shape (20,000 people → about 2,300 units, 21,400 posts, 200k targets, 560k scores):
// - a city health commission (市卫生健康委) and one district/county health bureau per ~1,650 people;
// - each has a leadership unit, sections (the bureau's own 科/处 first, then institutions: community
//   health centres or township hospitals, hospital departments, CDC, maternal and child health and
//   supervision departments), party branches (one per 6 sections) with party groups (one per 2
//   sections), the union, youth league, women's federation and an assessment group;
// - tier 1: a handful of commission leaders (one per ~7,000 people, 1–5), each owning three root
//   targets; tier 2: the bureaus' leaders, each in charge (分管) of about 11 sections; tier 3: section
//   chiefs, and as second posts the party branch secretaries / committee members, party group
//   leaders and union / youth league / women's federation heads; tier 4: everyone else (~93 %).
// - the rules of the demo bureau (prisma/seed/demo-data.ts) hold: party posts report to the bureau's
//   party-affairs deputy in both lines; tier-4 party members report to their party group leader in
//   the party line and carry their ideological targets there; every tier 2–4 post carries all three
//   categories; every child is owned by a post reporting (in the child's line) to the parent's
//   owner; the children of every decomposed target weigh exactly 100.00. No deliberate gaps.
import { createHash } from 'node:crypto';
import {
  DEFAULT_SCORING_SETTINGS,
  assignGrades,
  computeScoreSheet,
  leafProgress,
  normaliseProgress,
  resolveGradingSettings,
  roundTo2,
  weightedMean,
} from '@zeren/domain';
import type { GradingCandidate, ScoreAdjustment } from '@zeren/domain';
import type {
  CycleKind,
  Grade,
  Line,
  TargetCategory,
  UnitKind,
} from '../../../apps/api/src/generated/prisma/enums';
import {
  CHIEF_IDEOLOGICAL,
  CHIEF_MANAGEMENT,
  DEPUTIES,
  GRADE_CONSEQUENCES,
  PARTY_GROUP_TARGETS,
  PARTY_POST_TARGETS,
  ROOT_TARGETS,
  STAFF_IDEOLOGICAL_NONPARTY,
  STAFF_IDEOLOGICAL_PARTY,
  STAFF_MANAGEMENT,
  STAFF_MANAGEMENT_SETS,
} from '../demo-data';
import type { TargetSpec } from '../demo-data';
import {
  BEHIND_REMARKS,
  BONUS_REASONS,
  BUREAU_SECTION_TYPES,
  CDC_DEPARTMENTS,
  CDC_DEPARTMENT_TYPE,
  CITY_NAME,
  DEDUCTION_REASONS,
  DISTRICTS,
  FEMALE_GIVEN,
  HOSPITAL_DEPARTMENTS,
  HOSPITAL_DEPARTMENT_TYPE,
  MALE_GIVEN,
  MCH_DEPARTMENTS,
  MCH_DEPARTMENT_TYPE,
  MILESTONE_STEPS,
  ON_TRACK_REMARKS,
  PRIMARY_CARE_TYPE,
  SUPERVISION_DEPARTMENTS,
  SUPERVISION_DEPARTMENT_TYPE,
  SURNAMES,
  TIER1_TITLES,
  TOWNS,
  VETO_REASONS,
  ordinal,
} from './content';
import type { SectionType } from './content';
import { IdFactory, Random, apportion } from './random';

export const SCALE_PASSWORD = 'zeren-demo';
export const DEFAULT_SCALE_YEAR = 2026;
export const DEFAULT_SCALE_SEED = 42;
export const MIN_SCALE_PEOPLE = 100;
export const MAX_SCALE_PEOPLE = 200_000;

export interface ScaleOptions {
  people: number;
  seed?: number;
  year?: number;
  /** Create a UserAccount for every person (`<code>-<employee no>`), not only the named ones. */
  allAccounts?: boolean;
}

/** The organisation code of a generated city: one per size and seed. */
export const scaleOrgCode = (people: number, seed: number): string => `city-${people}-${seed}`;

/** The named benchmark accounts (all with SCALE_PASSWORD). */
export type BenchRole = 'director' | 'deputy' | 'chief' | 'staff' | 'assessor' | 'admin';
export const BENCH_ROLES: readonly BenchRole[] = [
  'director',
  'deputy',
  'chief',
  'staff',
  'assessor',
  'admin',
];

export interface BenchAccount {
  role: BenchRole;
  username: string;
  personName: string;
  employeeNo: string;
  description: string;
}

/** Rows for one COPY: values in `columns` order. */
export interface TableRows {
  table: string;
  /** Shown in progress lines, e.g. "Post (tier 2)". */
  label: string;
  columns: readonly string[];
  rows: unknown[][];
}

export interface ScalePlan {
  code: string;
  name: string;
  organisationId: string;
  people: number;
  seed: number;
  year: number;
  /** In insert order (posts tier by tier). UserAccount comes separately: it needs the password hash. */
  tables: TableRows[];
  users: { id: string; personId: string; username: string; isAdmin: boolean }[];
  accounts: BenchAccount[];
  /** SHA-256 of "id:progress" of every target, in id order. */
  checksum: string;
  /** Rows per table (UserAccount included). */
  counts: Record<string, number>;
}

// ---------------------------------------------------------------------------------------------
// Calendar
// ---------------------------------------------------------------------------------------------

const CATEGORIES: readonly TargetCategory[] = ['IDEOLOGICAL', 'BUSINESS', 'MANAGEMENT'];
const UPDATE_DAYS = ['03-27', '04-28', '05-29', '06-26', '07-30', '08-28', '09-25', '10-30', '11-20'];
const LAST_UPDATE_DAY = '11-20';
const CUMULATIVE_RATE = /覆盖率|完成率|建档率|达标率|管理率|接种率|执行率|整改率|签约|筛查率/;

interface CycleSpec {
  kind: CycleKind;
  status: 'DRAFT' | 'OPEN' | 'PUBLISHED';
  window?: [string, string];
  publishedOn?: string;
}
const CYCLES: readonly CycleSpec[] = [
  { kind: 'Q1', status: 'PUBLISHED', window: ['03-25', '04-10'], publishedOn: '04-15' },
  { kind: 'Q2', status: 'PUBLISHED', window: ['06-25', '07-10'], publishedOn: '07-15' },
  { kind: 'Q3', status: 'PUBLISHED', window: ['09-25', '10-10'], publishedOn: '10-15' },
  { kind: 'Q4', status: 'OPEN', window: ['11-16', '12-31'] },
  { kind: 'ANNUAL', status: 'DRAFT' },
];
const PUBLISHED_QUARTERS: readonly CycleKind[] = ['Q1', 'Q2', 'Q3'];

const pad2 = (n: number): string => String(n).padStart(2, '0');
const clamp = (value: number, min: number, max: number): number => Math.min(max, Math.max(min, value));

// ---------------------------------------------------------------------------------------------
// Roster types
// ---------------------------------------------------------------------------------------------

interface PersonRow {
  index: number;
  id: string;
  userId: string;
  employeeNo: string;
  name: string;
  gender: '男' | '女';
  isParty: boolean;
  /** The score level evaluators tend to give (≈ the total earned). */
  tendency: number;
  bureau: number;
  primaryPost: PostRow | undefined;
  posts: PostRow[];
}

interface PostRow {
  id: string;
  code: string;
  title: string;
  tier: 1 | 2 | 3 | 4;
  unitId: string;
  lines: Line[];
  admin: PostRow | null;
  party: PostRow | null;
  holder: PersonRow | undefined;
  /** For tier-4 staff: the chief of their section (may record progress for them). */
  chief: PostRow | null;
  /** For tier-4 staff: their section. */
  section: SectionRow | null;
  /** Target node indexes owned, by category and template key. */
  targets: Map<string, number>;
}

interface SectionRow {
  index: number;
  unitId: string;
  name: string;
  type: SectionType;
  /** The bureau's own section (科/处) rather than an institution's department. */
  isOrgan: boolean;
  deputy: DeputyRow;
  chief: PostRow;
  staff: PostRow[];
  group: PostRow | null;
  staffCount: number;
}

interface DeputyRow {
  post: PostRow;
  sections: SectionRow[];
  isPartyAffairs: boolean;
}

interface BureauRow {
  index: number;
  code: string;
  /** 市卫生健康委 / 城东区卫生健康局 */
  short: string;
  place: string;
  isCommission: boolean;
  leadershipUnitId: string;
  tier1: PostRow;
  deputies: DeputyRow[];
  partyDeputy: DeputyRow;
  sections: SectionRow[];
  assessors: PersonRow[];
}

// ---------------------------------------------------------------------------------------------
// Target types
// ---------------------------------------------------------------------------------------------

interface TargetNode {
  id: string;
  parent: number;
  owner: PostRow;
  category: TargetCategory;
  line: Line;
  spec: TargetSpec;
  title: string;
  description: string | null;
  /** Share of the parent in hundredths (10000 = 100 %). */
  weight: number;
  children: number[];
  progress: number;
  latestValue: number | null;
  changedAt: number;
}

// ---------------------------------------------------------------------------------------------
// The plan
// ---------------------------------------------------------------------------------------------

export function buildScalePlan(options: ScaleOptions): ScalePlan {
  const people = options.people;
  const seed = options.seed ?? DEFAULT_SCALE_SEED;
  const year = options.year ?? DEFAULT_SCALE_YEAR;
  if (!Number.isInteger(people) || people < MIN_SCALE_PEOPLE || people > MAX_SCALE_PEOPLE) {
    throw new Error(
      `scale seed: --people must be an integer from ${MIN_SCALE_PEOPLE} to ${MAX_SCALE_PEOPLE}`,
    );
  }
  if (!Number.isInteger(seed) || seed < 0)
    throw new Error('scale seed: --seed must be a non-negative integer');
  if (!Number.isInteger(year) || year < 2000 || year > 2100)
    throw new Error('scale seed: --year must be 2000–2100');

  const code = scaleOrgCode(people, seed);
  const ids = new IdFactory(code);
  const organisationId = ids.next('organisation');
  const org = organisationId;
  const rnd = (label: string) => new Random(seed, label);

  /** A China-time instant on a day of the year ("MM-DD"), as epoch milliseconds. */
  const at = (mmdd: string, time = '00:00:00'): number => Date.parse(`${year}-${mmdd}T${time}+08:00`);
  const iso = (ms: number): string => new Date(ms).toISOString();
  const SET_UP_AT = iso(at('01-05', '09:00:00'));
  const TARGETS_SET_AT = at('01-10', '10:00:00');

  // ---- sizes ----------------------------------------------------------------------------------
  const tier1Count = clamp(Math.round(people / 7000), 1, TIER1_TITLES.length);
  const districtCount = clamp(Math.round(people / 1650), 1, DISTRICTS.length);
  const bureauCount = 1 + districtCount;
  const sectionCount = Math.max(bureauCount * 3, Math.round(people / 15));
  const sizing = rnd('sizing');
  const sectionsPerBureau = apportion(
    Array.from({ length: bureauCount }, (_, b) => (b === 0 ? 1.4 : sizing.between(0.7, 1.3))),
    sectionCount,
  );
  // Every bureau gets at least three sections; take them from the largest.
  for (let b = 0; b < bureauCount; b++) {
    while ((sectionsPerBureau[b] ?? 0) < 3) {
      const largest = sectionsPerBureau.indexOf(Math.max(...sectionsPerBureau));
      sectionsPerBureau[largest] = (sectionsPerBureau[largest] ?? 0) - 1;
      sectionsPerBureau[b] = (sectionsPerBureau[b] ?? 0) + 1;
    }
  }
  const deputiesPerBureau = sectionsPerBureau.map((k) => Math.max(1, Math.round(k / 11)));
  const staffCount = people - tier1Count - deputiesPerBureau.reduce((a, b) => a + b, 0) - sectionCount;
  if (staffCount < sectionCount) throw new Error('scale seed: too few people for the sections');

  // ---- rows -----------------------------------------------------------------------------------
  const unitRows: unknown[][] = [];
  const personRows: PersonRow[] = [];
  const postsByTier: PostRow[][] = [[], [], [], []];
  const holdings: { person: PersonRow; post: PostRow; isPrimary: boolean }[] = [];

  const addUnit = (name: string, kind: UnitKind, parentId: string | null): string => {
    const id = ids.next('unit');
    unitRows.push([id, org, name, kind, parentId, unitRows.length + 1, SET_UP_AT]);
    return id;
  };

  const people$ = rnd('people');
  const makePerson = (bureau: number, tier: 1 | 2 | 3 | 4, forceParty = false): PersonRow => {
    const index = personRows.length;
    const isMale = people$.chance(tier <= 2 ? 0.62 : 0.45);
    const given = isMale ? MALE_GIVEN : FEMALE_GIVEN;
    const name =
      people$.pick(SURNAMES) + people$.pick(given) + (people$.chance(0.7) ? people$.pick(given) : '');
    const partyShare = tier <= 2 ? 1 : tier === 3 ? 0.9 : 0.55;
    const person: PersonRow = {
      index,
      id: ids.next('person'),
      userId: ids.next('user'),
      employeeNo: `C${String(index + 1).padStart(6, '0')}`,
      name,
      gender: isMale ? '男' : '女',
      isParty: forceParty || people$.chance(partyShare),
      tendency: clamp(people$.bell(86, 11), 70, 97.5),
      bureau,
      primaryPost: undefined,
      posts: [],
    };
    personRows.push(person);
    return person;
  };

  const hold = (person: PersonRow, post: PostRow, isPrimary: boolean) => {
    post.holder ??= person;
    person.posts.push(post);
    if (isPrimary) person.primaryPost = post;
    holdings.push({ person, post, isPrimary });
  };

  const makePost = (
    tier: 1 | 2 | 3 | 4,
    postCode: string,
    title: string,
    unitId: string,
    lines: Line[],
    admin: PostRow | null,
    party: PostRow | null,
  ): PostRow => {
    const post: PostRow = {
      id: ids.next('post'),
      code: postCode,
      title,
      tier,
      unitId,
      lines,
      admin,
      party,
      holder: undefined,
      chief: null,
      section: null,
      targets: new Map(),
    };
    postsByTier[tier - 1]?.push(post);
    return post;
  };

  // Tier 1: the commission's leaders.
  const commissionShort = '市卫生健康委';
  const commissionUnit = addUnit(`${commissionShort}领导班子`, 'LEADERSHIP', null);
  const tier1Posts: PostRow[] = [];
  for (let i = 0; i < tier1Count; i++) {
    const post = makePost(
      1,
      `SW-LD${i + 1}`,
      TIER1_TITLES[i] ?? '党组成员',
      commissionUnit,
      ['ADMINISTRATIVE', 'PARTY'],
      null,
      null,
    );
    hold(makePerson(0, 1), post, true);
    tier1Posts.push(post);
  }

  // Bureaus: the commission (b = 0) and the districts.
  const bureaus: BureauRow[] = [];
  const structure = rnd('structure');
  for (let b = 0; b < bureauCount; b++) {
    const isCommission = b === 0;
    const place = isCommission ? CITY_NAME : (DISTRICTS[b - 1] ?? `第${b}区`);
    const short = isCommission ? commissionShort : `${place}卫生健康局`;
    const bureauCode = isCommission ? 'SW' : `D${pad2(b)}`;
    const leadershipUnitId = isCommission
      ? commissionUnit
      : addUnit(`${short}领导班子`, 'LEADERSHIP', commissionUnit);
    const tier1 = isCommission ? (tier1Posts[0] as PostRow) : (tier1Posts[(b - 1) % tier1Count] as PostRow);

    // Tier 2: the bureau's leaders; the second one (or the only one) is in charge of party affairs.
    const deputyCount = deputiesPerBureau[b] ?? 1;
    const partyIndex = deputyCount >= 2 ? 1 : 0;
    const deputies: DeputyRow[] = [];
    for (let d = 0; d < deputyCount; d++) {
      const isPartyAffairs = d === partyIndex;
      const title = isCommission
        ? isPartyAffairs
          ? '党组成员、副主任（分管机关党建）'
          : '党组成员、副主任'
        : d === 0
          ? '党组书记、局长'
          : isPartyAffairs
            ? '党组成员、副局长（分管机关党建）'
            : '党组成员、副局长';
      const post = makePost(
        2,
        `${bureauCode}-FJ${pad2(d + 1)}`,
        title,
        leadershipUnitId,
        ['ADMINISTRATIVE', 'PARTY'],
        tier1,
        tier1,
      );
      hold(makePerson(b, 2), post, true);
      deputies.push({ post, sections: [], isPartyAffairs });
    }
    const partyDeputy = deputies[partyIndex] as DeputyRow;
    const bureau: BureauRow = {
      index: b,
      code: bureauCode,
      short,
      place,
      isCommission,
      leadershipUnitId,
      tier1,
      deputies,
      partyDeputy,
      sections: [],
      assessors: [],
    };
    bureaus.push(bureau);

    // Sections: the bureau's own first, then institutions.
    const k = sectionsPerBureau[b] ?? 3;
    const inCharge = apportion(
      deputies.map(() => 1),
      k,
    );
    const deputyOfSection: DeputyRow[] = [];
    deputies.forEach((deputy, d) => {
      for (let i = 0; i < (inCharge[d] ?? 0); i++) deputyOfSection.push(deputy);
    });
    const institutions = institutionNames(isCommission, place, structure);
    for (let s = 0; s < k; s++) {
      const organType = BUREAU_SECTION_TYPES[s];
      let name: string;
      let type: SectionType;
      if (organType !== undefined) {
        type = organType;
        name = isCommission ? `${short}${type.name.replace(/科$/, '处')}` : `${short}${type.name}`;
      } else {
        const next = institutions.next();
        if (next.done === true) throw new Error('scale seed: ran out of institution names');
        ({ name, type } = next.value);
      }
      const deputy = deputyOfSection[s] ?? partyDeputy;
      const unitId = addUnit(name, 'SECTION', leadershipUnitId);
      const section: SectionRow = {
        index: s,
        unitId,
        name,
        type,
        isOrgan: organType !== undefined,
        deputy,
        chief: undefined as unknown as PostRow,
        staff: [],
        group: null,
        staffCount: 0,
      };
      deputy.sections.push(section);
      bureau.sections.push(section);
    }
  }

  // Tier-4 head count per section: institutions are larger than the bureau's own sections.
  const allSections = bureaus.flatMap((bureau) => bureau.sections);
  const sizes = apportion(
    allSections.map((section) =>
      section.isOrgan ? structure.between(0.5, 0.9) : structure.between(0.8, 1.6),
    ),
    staffCount,
  );
  allSections.forEach((section, i) => (section.staffCount = sizes[i] ?? 0));
  // Every section has at least one member of staff.
  for (const section of allSections) {
    while (section.staffCount < 1) {
      const largest = allSections.reduce((a, c) => (c.staffCount > a.staffCount ? c : a));
      largest.staffCount--;
      section.staffCount++;
    }
  }

  // Tier 3 chiefs and tier 4 staff, section by section; then the party and mass-organisation posts.
  for (const bureau of bureaus) {
    for (const section of bureau.sections) {
      const isCity = bureau.isCommission && section.isOrgan;
      const unitShort = section.isOrgan
        ? isCity
          ? section.type.name.replace(/科$/, '处')
          : section.type.name
        : '';
      const chiefSuffix = isCity && section.type.chiefSuffix === '科长' ? '处长' : section.type.chiefSuffix;
      const sectionCode = `${bureau.code}-S${String(section.index + 1).padStart(3, '0')}`;
      const chief = makePost(
        3,
        `${sectionCode}-KZ`,
        section.isOrgan ? `${unitShort}${chiefSuffix}` : chiefSuffix,
        section.unitId,
        ['ADMINISTRATIVE'],
        section.deputy.post,
        null,
      );
      hold(makePerson(bureau.index, 3), chief, true);
      section.chief = chief;
      const titles = section.type.staffTitles;
      for (let i = 0; i < section.staffCount; i++) {
        const person = makePerson(bureau.index, 4);
        let title = titles[i % titles.length] ?? '科员';
        if (i === 0 && section.staffCount >= 6) {
          title = section.isOrgan ? `${unitShort}副${chiefSuffix.replace(/^副/, '')}` : `副${chiefSuffix}`;
        } else if (isCity) title = title.replace(/副科长$/, '副处长');
        const post = makePost(
          4,
          `${sectionCode}-KY${String(i + 1).padStart(3, '0')}`,
          title,
          section.unitId,
          person.isParty ? ['ADMINISTRATIVE', 'PARTY'] : ['ADMINISTRATIVE'],
          chief,
          null, // set below, once the party group leader exists
        );
        post.chief = chief;
        post.section = section;
        hold(person, post, true);
        section.staff.push(post);
      }
    }
  }

  // Party branches (one per 6 sections) with party groups (one per 2 sections), and the mass
  // organisations; all held as second posts. Nobody gets more than one second post.
  const hasSecondPost = new Set<PersonRow>();
  const takeSecond = (
    candidates: readonly PostRow[],
    accept: (p: PersonRow) => boolean,
  ): PersonRow | undefined => {
    for (const post of candidates) {
      const person = post.holder;
      if (person !== undefined && !hasSecondPost.has(person) && accept(person)) {
        hasSecondPost.add(person);
        return person;
      }
    }
    return undefined;
  };
  for (const bureau of bureaus) {
    const deputy = bureau.partyDeputy.post;
    const partyPost = (postCode: string, title: string, unitId: string, holder: PersonRow) => {
      const post = makePost(3, postCode, title, unitId, ['PARTY'], deputy, deputy);
      hold(holder, post, false);
      return post;
    };
    const sections = bureau.sections;
    const branchCount = Math.ceil(sections.length / 6);
    for (let br = 0; br < branchCount; br++) {
      const branchSections = sections.slice(br * 6, br * 6 + 6);
      const branchName = `${bureau.short}第${br + 1}党支部`;
      const branchUnit = addUnit(branchName, 'PARTY_BRANCH', bureau.leadershipUnitId);
      const branchCode = `${bureau.code}-DZB${pad2(br + 1)}`;
      // Party groups first: their leaders are the chiefs of the first section of each pair.
      for (let g = 0; g * 2 < branchSections.length; g++) {
        const pair = branchSections.slice(g * 2, g * 2 + 2);
        const unit = addUnit(`${branchName}第${g + 1}党小组`, 'PARTY_GROUP', branchUnit);
        const candidates = [...pair.map((s) => s.chief), ...pair.flatMap((s) => s.staff)];
        const leader = takeSecond(candidates, (p) => p.isParty) ?? forcedParty(candidates, hasSecondPost);
        const group = partyPost(
          `${branchCode}-XZ${g + 1}`,
          `${branchName}第${g + 1}党小组组长`,
          unit,
          leader,
        );
        for (const section of pair) {
          section.group = group;
          for (const staff of section.staff) if (staff.lines.includes('PARTY')) staff.party = group;
        }
      }
      const chiefs = branchSections.map((s) => s.chief);
      const staff = branchSections.flatMap((s) => s.staff);
      const secretary =
        takeSecond(chiefs, (p) => p.isParty) ??
        takeSecond(staff, (p) => p.isParty) ??
        forcedParty(staff, hasSecondPost);
      partyPost(`${branchCode}-SJ`, `${branchName}书记`, branchUnit, secretary);
      const organiser = takeSecond(staff, (p) => p.isParty) ?? forcedParty(staff, hasSecondPost);
      partyPost(`${branchCode}-WY1`, `${branchName}组织委员`, branchUnit, organiser);
      const publicity = takeSecond(staff, (p) => p.isParty) ?? forcedParty(staff, hasSecondPost);
      partyPost(`${branchCode}-WY2`, `${branchName}宣传委员`, branchUnit, publicity);
    }
    const bureauStaff = sections.flatMap((s) => s.staff);
    const massOrgs: [string, string, UnitKind, string, (p: PersonRow) => boolean][] = [
      ['GH', '工会', 'UNION', '工会主席', () => true],
      ['TW', '团委', 'YOUTH_LEAGUE', '团委书记', () => true],
      ['FWH', '妇委会', 'WOMENS_FEDERATION', '妇委会主任', (p) => p.gender === '女'],
    ];
    for (const [suffix, unitName, kind, title, accept] of massOrgs) {
      const unit = addUnit(`${bureau.short}${unitName}`, kind, bureau.leadershipUnitId);
      const holder = takeSecond(bureauStaff, accept) ?? takeSecond(bureauStaff, () => true);
      if (holder === undefined) throw new Error(`scale seed: nobody left to lead ${bureau.short}${unitName}`);
      partyPost(`${bureau.code}-${suffix}`, `${bureau.short}${title}`, unit, holder);
    }
    addUnit(`${bureau.short}考核督导组`, 'ASSESSMENT_GROUP', bureau.leadershipUnitId);
  }

  // ---- targets --------------------------------------------------------------------------------
  const nodes: TargetNode[] = [];
  const addTarget = (
    owner: PostRow,
    category: TargetCategory,
    line: Line,
    spec: TargetSpec,
    parentOwner: PostRow | null,
    parentKey: string | null,
    title = spec.title,
  ): number => {
    const key = `${category}|${spec.key}`;
    if (owner.targets.has(key)) throw new Error(`scale seed: ${owner.code} has ${key} twice`);
    let parent = -1;
    if (parentOwner !== null && parentKey !== null) {
      parent = parentOwner.targets.get(`${category}|${parentKey}`) ?? -2;
      if (parent === -2)
        throw new Error(`scale seed: ${owner.code} ${key}: no parent ${parentOwner.code} ${parentKey}`);
    }
    const index = nodes.length;
    nodes.push({
      id: ids.next('target'),
      parent,
      owner,
      category,
      line,
      spec,
      title,
      description: spec.description ?? null,
      weight: 10000,
      children: [],
      progress: 0,
      latestValue: null,
      changedAt: TARGETS_SET_AT,
    });
    nodes[parent]?.children.push(index);
    owner.targets.set(key, index);
    return index;
  };

  // Tier 1: three roots per leader.
  for (const post of tier1Posts) {
    for (const category of CATEGORIES) {
      const spec = ROOT_TARGETS[category];
      const title = post === tier1Posts[0] ? spec.title : `${spec.title}（${post.title}分管条线）`;
      addTarget(
        post,
        category,
        category === 'IDEOLOGICAL' ? 'PARTY' : 'ADMINISTRATIVE',
        spec,
        null,
        null,
        title,
      );
    }
  }
  // Tier 2: the demo's deputy templates; one business target per section in charge.
  const demoDeputy = DEPUTIES.find((d) => d.code === 'LD-FJ2');
  const demoPartyDeputy = DEPUTIES.find((d) => d.code === 'LD-FJ3');
  const demoOfficeDeputy = DEPUTIES.find((d) => d.code === 'LD-FJ1');
  const partyBusiness = demoPartyDeputy?.business.find((s) => s.key === 'B-PARTY');
  const bureauManagement = demoOfficeDeputy?.management.find((s) => s.key === 'M-BUREAU');
  if (!demoDeputy || !demoPartyDeputy || !partyBusiness || !bureauManagement)
    throw new Error('scale seed: demo deputy templates changed');
  for (const bureau of bureaus) {
    for (const deputy of bureau.deputies) {
      const post = deputy.post;
      const template = deputy.isPartyAffairs ? demoPartyDeputy : demoDeputy;
      const tier1 = bureau.tier1;
      for (const spec of template.ideological) addTarget(post, 'IDEOLOGICAL', 'PARTY', spec, tier1, 'ROOT');
      for (const section of deputy.sections) {
        const title = section.isOrgan
          ? section.type.deputyBusiness
          : `${section.type.deputyBusiness}（${section.name}）`;
        const spec: TargetSpec = {
          key: `B-S${section.index}`,
          title,
          kind: 'QUALITATIVE',
          goal: 100,
          parent: 'ROOT',
          importance: 1 + section.staffCount / 20,
        };
        addTarget(post, 'BUSINESS', 'ADMINISTRATIVE', spec, tier1, 'ROOT');
      }
      if (deputy.isPartyAffairs) addTarget(post, 'BUSINESS', 'PARTY', partyBusiness, tier1, 'ROOT');
      for (const spec of template.management) {
        addTarget(
          post,
          'MANAGEMENT',
          spec.key.endsWith('-PARTY') ? 'PARTY' : 'ADMINISTRATIVE',
          spec,
          tier1,
          'ROOT',
        );
      }
      if (deputy.sections.some((s) => s.type.chiefManagementExtra !== undefined)) {
        addTarget(post, 'MANAGEMENT', 'ADMINISTRATIVE', bureauManagement, tier1, 'ROOT');
      }
    }
  }
  // Tier 3: chiefs under their deputy; party posts under the party-affairs deputy.
  for (const bureau of bureaus) {
    for (const section of bureau.sections) {
      const chief = section.chief;
      const deputy = section.deputy.post;
      for (const spec of CHIEF_IDEOLOGICAL)
        addTarget(chief, 'IDEOLOGICAL', 'ADMINISTRATIVE', spec, deputy, spec.parent);
      for (const spec of section.type.chiefBusiness) {
        addTarget(chief, 'BUSINESS', 'ADMINISTRATIVE', spec, deputy, `B-S${section.index}`);
      }
      for (const spec of [...CHIEF_MANAGEMENT, ...(section.type.chiefManagementExtra ?? [])]) {
        addTarget(chief, 'MANAGEMENT', 'ADMINISTRATIVE', spec, deputy, spec.parent);
      }
    }
  }
  for (const post of postsByTier[2] ?? []) {
    if (!post.lines.includes('PARTY')) continue;
    const role = post.code.replace(/^.*-(XZ\d+|SJ|WY1|WY2|GH|TW|FWH)$/, '$1');
    const lists = role.startsWith('XZ')
      ? PARTY_GROUP_TARGETS
      : PARTY_POST_TARGETS[
          { SJ: 'DZB-SJ', WY1: 'DZB-WY1', WY2: 'DZB-WY2', GH: 'GH-ZX', TW: 'TZB-SJ', FWH: 'FWH-ZR' }[role] ??
            ''
        ];
    if (lists === undefined || post.admin === null)
      throw new Error(`scale seed: no targets for ${post.code}`);
    for (const category of CATEGORIES) {
      for (const spec of lists[category]) addTarget(post, category, 'PARTY', spec, post.admin, spec.parent);
    }
  }
  // Tier 4: staff.
  const targets$ = rnd('targets');
  const managementSlots = Object.keys(STAFF_MANAGEMENT);
  for (const bureau of bureaus) {
    for (const section of bureau.sections) {
      const templates = section.type.staffBusiness;
      section.staff.forEach((post, i) => {
        const isParty = post.lines.includes('PARTY');
        const ideologicalParent = isParty ? post.party : section.chief;
        if (ideologicalParent === null) throw new Error(`scale seed: ${post.code} has no party group`);
        for (const spec of isParty ? STAFF_IDEOLOGICAL_PARTY : STAFF_IDEOLOGICAL_NONPARTY) {
          addTarget(
            post,
            'IDEOLOGICAL',
            isParty ? 'PARTY' : 'ADMINISTRATIVE',
            spec,
            ideologicalParent,
            spec.parent,
          );
        }
        const roll = targets$.next();
        const count = Math.min(templates.length, roll < 0.25 ? 2 : roll < 0.6 ? 3 : roll < 0.85 ? 4 : 5);
        for (let j = 0; j < count; j++) {
          const spec = templates[(2 * i + j) % templates.length];
          if (spec !== undefined)
            addTarget(post, 'BUSINESS', 'ADMINISTRATIVE', spec, section.chief, spec.parent);
        }
        const slots = [...(STAFF_MANAGEMENT_SETS[i % STAFF_MANAGEMENT_SETS.length] ?? [])];
        if (targets$.chance(0.3)) {
          const extra = managementSlots.find((slot) => !slots.includes(slot));
          if (extra !== undefined) slots.push(extra);
        }
        for (const slot of slots) {
          const spec = STAFF_MANAGEMENT[slot];
          if (spec !== undefined)
            addTarget(post, 'MANAGEMENT', 'ADMINISTRATIVE', spec, section.chief, spec.parent);
        }
      });
    }
  }
  // Weights: hundredths from each child's importance, summing to exactly 100.00 per parent.
  for (const node of nodes) {
    if (node.children.length === 0) continue;
    const weights = apportion(
      node.children.map((child) => nodes[child]?.spec.importance ?? 1),
      10000,
    );
    node.children.forEach((child, i) => {
      const target = nodes[child];
      if (target !== undefined) target.weight = weights[i] ?? 0;
    });
  }

  // ---- progress -------------------------------------------------------------------------------
  const progress$ = rnd('progress');
  const progressRows: unknown[][] = [];
  for (const node of nodes) {
    if (node.children.length > 0) continue;
    const holder = node.owner.holder;
    if (holder === undefined) continue;
    const spec = node.spec;
    const baseline = spec.baseline ?? 0;
    const diligence = clamp((holder.tendency - 70) / 25, 0, 1);
    const isBehind = progress$.chance(0.07 + 0.14 * (1 - diligence));
    const due = spec.due ?? '12-31';
    const isDueBeforeNow = due < LAST_UPDATE_DAY;
    let fraction = isBehind
      ? progress$.between(0.25, 0.55)
      : Math.min(1, 0.8 + 0.12 * diligence + progress$.between(0, 0.12));
    if (isDueBeforeNow && !isBehind) fraction = 1;

    const days = UPDATE_DAYS.filter((day) => day <= due || day <= '05-31');
    const count = Math.min(days.length, progress$.int(1, 3));
    const lastIndex = days.length - 1 - (isDueBeforeNow ? 0 : progress$.int(0, 2));
    const chosen = new Set<number>([Math.max(0, lastIndex)]);
    for (let guard = 0; chosen.size < count && guard < 20; guard++)
      chosen.add(progress$.int(0, Math.max(0, lastIndex - 1)));
    const picked = [...chosen].sort((a, b) => a - b);
    const chiefHolder = node.owner.chief?.holder;
    const isCumulative =
      spec.kind === 'NUMBER' || (spec.kind === 'PERCENTAGE' && CUMULATIVE_RATE.test(spec.title));
    picked.forEach((dayIndex, i) => {
      const day = days[dayIndex] ?? LAST_UPDATE_DAY;
      const step = (i + 1) / picked.length;
      const isLast = i === picked.length - 1;
      let value: number;
      switch (spec.kind) {
        case 'PERCENTAGE': {
          const final = Math.min(100, spec.goal * fraction);
          value =
            Math.round(
              clamp(
                isCumulative ? final * (0.55 + 0.45 * step) : final - (picked.length - 1 - i) * 1.5,
                0,
                100,
              ) * 10,
            ) / 10;
          break;
        }
        case 'NUMBER': {
          const span = spec.goal - baseline;
          const raw = baseline + span * fraction * step;
          value = Math.abs(span) >= 10 ? Math.round(raw) : Math.round(raw * 100) / 100;
          break;
        }
        case 'MILESTONE':
          value = isLast && fraction >= 0.95 ? 1 : 0;
          break;
        case 'QUALITATIVE':
          value = Math.round(100 * fraction * (0.75 + 0.25 * step));
          break;
      }
      const normalised = normaliseProgress({ measureKind: spec.kind, baseline, goal: spec.goal, value });
      const recordedAt = at(day, `${pad2(progress$.int(9, 17))}:${pad2(progress$.int(0, 59))}:00`);
      const byChief = chiefHolder !== undefined && progress$.chance(0.2);
      progressRows.push([
        ids.next('progress'),
        org,
        node.id,
        value,
        normalised,
        progressNote(spec, node.title, value, day, isLast && isBehind, isCumulative, progress$),
        byChief ? chiefHolder.userId : holder.userId,
        iso(recordedAt),
      ]);
      node.latestValue = value;
      node.progress = normalised;
      if (recordedAt > node.changedAt) node.changedAt = recordedAt;
    });
  }
  // Roll-up, bottom-up with the domain's own figures: a parent is leafProgress(weightedMean(children)),
  // children in id order — exactly what the domain's rollUp computes (children are created after
  // their parent and ids ascend in creation order), without its generic forest building.
  for (let i = nodes.length - 1; i >= 0; i--) {
    const node = nodes[i] as TargetNode;
    if (node.children.length > 0) {
      const mean = weightedMean(
        node.children.map((child) => ({
          weight: (nodes[child]?.weight ?? 0) / 100,
          value: nodes[child]?.progress ?? 0,
        })),
      );
      node.progress = leafProgress(mean);
    } else {
      node.progress = leafProgress(node.progress);
    }
    const parent = nodes[node.parent];
    if (parent !== undefined && node.changedAt > parent.changedAt) parent.changedAt = node.changedAt;
  }
  const checksum = createHash('sha256');
  for (const node of [...nodes].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))) {
    checksum.update(`${node.id}:${node.progress}\n`);
  }
  const targetsSetAt = iso(TARGETS_SET_AT);
  const targetRows = nodes.map((node) => [
    node.id,
    org,
    node.parent >= 0 ? (nodes[node.parent]?.id ?? null) : null,
    node.owner.id,
    year,
    node.category,
    node.line,
    node.title,
    node.description,
    (node.weight / 100).toFixed(2),
    node.spec.kind,
    node.spec.unit ?? null,
    node.spec.baseline ?? 0,
    node.spec.goal,
    `${year}-${node.spec.due ?? '12-31'}`,
    node.progress,
    node.latestValue,
    targetsSetAt,
    iso(node.changedAt),
  ]);

  // ---- assessment group ----------------------------------------------------------------------
  const tier1People = new Set(tier1Posts.map((p) => p.holder));
  const evaluees = personRows.filter((p) => !tier1People.has(p));
  const evalueesOf = new Map<number, PersonRow[]>();
  for (const person of evaluees) {
    const list = evalueesOf.get(person.bureau) ?? [];
    list.push(person);
    evalueesOf.set(person.bureau, list);
  }
  const assess$ = rnd('assessors');
  for (const bureau of bureaus) {
    const size = Math.max(6, Math.round((evalueesOf.get(bureau.index)?.length ?? 0) / 100));
    // 人事, 纪检, 党委办 first, then 办公室 (which also provides the administrator).
    const fromSources = ['RSK', 'JJZ', 'DWB', 'BGS'].flatMap((key) =>
      bureau.sections.filter((sec) => sec.type.key === key).flatMap((sec) => sec.staff),
    );
    const others = bureau.sections.filter((s) => s.type.isAssessorSource !== true).flatMap((s) => s.staff);
    for (const post of [...fromSources, ...others]) {
      if (bureau.assessors.length >= size) break;
      if (post.holder !== undefined && !bureau.assessors.includes(post.holder))
        bureau.assessors.push(post.holder);
    }
  }
  const assessorRows = bureaus.flatMap((bureau) => bureau.assessors.map((p) => [org, p.id, SET_UP_AT]));
  /** Who scores whom: 3 assessors per evaluee (5 for tier 2, so the trimmed mean shows), all year. */
  const assessorsOf = new Map<PersonRow, PersonRow[]>();
  const workload = new Map<PersonRow, PersonRow[]>();
  for (const person of evaluees) {
    const pool = bureaus[person.bureau]?.assessors ?? [];
    const wanted = person.primaryPost?.tier === 2 ? 5 : 3;
    const chosen: PersonRow[] = [];
    for (let guard = 0; chosen.length < wanted && guard < 200; guard++) {
      const candidate = assess$.pick(pool);
      if (candidate !== person && !chosen.includes(candidate)) chosen.push(candidate);
    }
    assessorsOf.set(person, chosen);
    for (const assessorPerson of chosen) {
      const list = workload.get(assessorPerson) ?? [];
      list.push(person);
      workload.set(assessorPerson, list);
    }
  }

  // ---- accounts -------------------------------------------------------------------------------
  const commission = bureaus[0] as BureauRow;
  const director = tier1Posts[0]?.holder;
  const deputyPost = commission.deputies.find((d) => !d.isPartyAffairs) ?? commission.deputies[0];
  const chiefSection =
    commission.sections.find((s) => s.type.key === 'YZK' && s.group?.holder === s.chief.holder) ??
    commission.sections.find((s) => s.group?.holder === s.chief.holder && s.staff.length >= 3) ??
    commission.sections[0];
  const staffPost = chiefSection?.staff.find((p) => p.lines.includes('PARTY')) ?? chiefSection?.staff[0];
  const assessor =
    commission.assessors.find((p) => p !== staffPost?.holder && (workload.get(p)?.length ?? 0) > 0) ??
    commission.assessors[0];
  const isFree = (p: PersonRow | undefined): p is PersonRow =>
    p !== undefined &&
    !commission.assessors.includes(p) &&
    p !== staffPost?.holder &&
    p !== chiefSection?.chief.holder &&
    p !== deputyPost?.post.holder;
  const commissionStaff = commission.sections.flatMap((s) => s.staff).map((p) => p.holder);
  const adminPerson =
    commission.sections
      .filter((s) => s.type.key === 'BGS')
      .flatMap((s) => s.staff)
      .map((p) => p.holder)
      .find(isFree) ?? commissionStaff.find(isFree);
  const picks: [BenchRole, PersonRow | undefined, string][] = [
    ['director', director, `一级责任人：${tier1Posts[0]?.title}，看全市卫生健康系统`],
    [
      'deputy',
      deputyPost?.post.holder,
      `二级责任人：${deputyPost?.post.title}（${deputyPost?.post.code}），分管 ${deputyPost?.sections.length} 个处室/单位`,
    ],
    [
      'chief',
      chiefSection?.chief.holder,
      `三级责任人：${chiefSection?.name}${chiefSection?.isOrgan === true ? '' : chiefSection?.chief.title}（${chiefSection?.chief.code}），${chiefSection?.staff.length} 名工作人员，兼任党小组组长`,
    ],
    [
      'staff',
      staffPost?.holder,
      `四级责任人：${chiefSection?.name} ${staffPost?.title}（${staffPost?.code}）`,
    ],
    [
      'assessor',
      assessor,
      `考核督导组成员（${commission.short}），负责 ${workload.get(assessor as PersonRow)?.length ?? 0} 名被考评人；第四季度考评尚未评完`,
    ],
    ['admin', adminPerson, `系统管理员（ADMIN）：${commission.short}办公室工作人员`],
  ];
  const accounts: BenchAccount[] = [];
  const namedUsers = new Map<PersonRow, { role: BenchRole; username: string }>();
  for (const [role, person, description] of picks) {
    if (person === undefined || namedUsers.has(person))
      throw new Error(`scale seed: no distinct person for ${role}`);
    const username = `${code}-${role}`;
    namedUsers.set(person, { role, username });
    accounts.push({ role, username, personName: person.name, employeeNo: person.employeeNo, description });
  }
  const users = personRows
    .filter((p) => options.allAccounts === true || namedUsers.has(p))
    .map((p) => {
      const named = namedUsers.get(p);
      return {
        id: p.userId,
        personId: p.id,
        username: named?.username ?? `${code}-${p.employeeNo.toLowerCase()}`,
        isAdmin: named?.role === 'admin',
      };
    });

  // ---- evaluation -----------------------------------------------------------------------------
  const cycleIds = new Map<CycleKind, string>(CYCLES.map((c) => [c.kind, ids.next('cycle')]));
  const cycleRows = CYCLES.map((c) => [
    cycleIds.get(c.kind),
    org,
    year,
    c.kind,
    c.status,
    c.window === undefined ? null : iso(at(c.window[0])),
    c.window === undefined ? null : iso(at(c.window[1], '23:59:59')),
    c.window === undefined ? null : iso(at(c.window[0], '08:30:00')),
    c.status === 'PUBLISHED' && c.window !== undefined ? iso(at(c.window[1], '23:59:59')) : null,
    c.publishedOn === undefined ? null : iso(at(c.publishedOn, '10:00:00')),
    c.window === undefined ? SET_UP_AT : iso(at(c.window[0], '08:00:00')),
  ]);

  const scores$ = rnd('scores');
  const biasOf = new Map<PersonRow, number>();
  const bias = (assessorPerson: PersonRow) => {
    let value = biasOf.get(assessorPerson);
    if (value === undefined) {
      value = scores$.between(-1.5, 1.5);
      biasOf.set(assessorPerson, value);
    }
    return value;
  };
  const scoreRows: unknown[][] = [];
  const adjustmentRows: unknown[][] = [];
  const resultRows: unknown[][] = [];
  const grading = resolveGradingSettings({
    consequences: Object.fromEntries(
      GRADE_CONSEQUENCES.map((c) => [
        c.grade,
        {
          bonusCoefficient: c.bonusCoefficient,
          ...(c.commendation === null ? {} : { commendation: c.commendation }),
          ...(c.talk === null ? {} : { talk: c.talk }),
        },
      ]),
    ),
  });
  // Target completion per person and category: the weighted mean of the progress of the targets
  // their posts own (as the API's results service computes it).
  const completionOf = (person: PersonRow): Partial<Record<TargetCategory, number | null>> => {
    const completion: Partial<Record<TargetCategory, number | null>> = {};
    for (const category of CATEGORIES) {
      const owned = person.posts.flatMap((post) =>
        [...post.targets.entries()]
          .filter(([key]) => key.startsWith(`${category}|`))
          .map(([, index]) => nodes[index]),
      );
      const value = weightedMean(
        owned.map((n) => ({ weight: (n?.weight ?? 0) / 100, value: n?.progress ?? 0 })),
      );
      completion[category] = value === null ? null : roundTo2(value);
    }
    return completion;
  };
  const completions = new Map(evaluees.map((p) => [p, completionOf(p)]));

  for (const kind of PUBLISHED_QUARTERS) {
    const cycleId = cycleIds.get(kind) as string;
    const spec = CYCLES.find((c) => c.kind === kind) as CycleSpec;
    const [windowStart, windowEnd] = spec.window as [string, string];
    const opened = at(windowStart, '09:00:00');
    const closedAt = iso(at(windowEnd, '23:59:59'));
    const candidates: GradingCandidate[] = [];
    const sheets = new Map<string, ReturnType<typeof computeScoreSheet>>();
    for (const evaluee of evaluees) {
      const drift = scores$.between(-1.2, 1.2);
      const mine: { evaluatorId: string; category: TargetCategory; score: number }[] = [];
      for (const assessorPerson of assessorsOf.get(evaluee) ?? []) {
        const when = iso(opened + Math.floor(scores$.between(0, 10 * 24 * 3600)) * 1000);
        for (const category of CATEGORIES) {
          const offset = category === 'BUSINESS' ? 0.8 : category === 'IDEOLOGICAL' ? 0.3 : -0.5;
          const value = clamp(
            Math.round(evaluee.tendency + offset + bias(assessorPerson) + drift + scores$.between(-2.5, 2.5)),
            60,
            100,
          );
          mine.push({ evaluatorId: assessorPerson.id, category, score: value });
          scoreRows.push([
            ids.next('score'),
            org,
            cycleId,
            assessorPerson.id,
            evaluee.id,
            category,
            value,
            'SUBMITTED',
            when,
            when,
          ]);
        }
      }
      // 加分 / 扣分 / 一票否决 for a few.
      const adjustments: ScoreAdjustment[] = [];
      let veto: { reason: string } | null = null;
      const roll = scores$.next();
      const by = assessorsOf.get(evaluee)?.[0];
      if (by !== undefined && roll < 0.045) {
        const isVeto = roll < 0.0004;
        const isBonus = !isVeto && roll < 0.025;
        const adjustmentKind = isVeto ? 'VETO' : isBonus ? 'BONUS' : 'DEDUCTION';
        const reason = scores$.pick(isVeto ? VETO_REASONS : isBonus ? BONUS_REASONS : DEDUCTION_REASONS);
        const amount = isVeto ? null : isBonus ? scores$.int(1, 3) : scores$.int(1, 4);
        adjustmentRows.push([
          ids.next('adjustment'),
          org,
          cycleId,
          by.id,
          evaluee.id,
          adjustmentKind,
          amount,
          reason,
          'SUBMITTED',
          iso(opened + Math.floor(scores$.between(0, 10 * 24 * 3600)) * 1000),
        ]);
        if (isVeto) veto = { reason };
        else adjustments.push({ kind: isBonus ? 'BONUS' : 'DEDUCTION', points: amount ?? 0, reason });
      }
      const sheet = computeScoreSheet(
        {
          evaluateeId: evaluee.id,
          scores: mine,
          targetCompletion: completions.get(evaluee) ?? {},
          adjustments,
          veto,
        },
        DEFAULT_SCORING_SETTINGS,
      );
      if (!sheet.ok)
        throw new Error(`scale seed: cannot score ${evaluee.employeeNo}: ${sheet.error.message}`);
      sheets.set(evaluee.id, sheet);
      candidates.push({
        evaluateeId: evaluee.id,
        total: sheet.value.total,
        businessScore: sheet.value.categories.BUSINESS.score,
        deduction: sheet.value.deduction,
        veto: sheet.value.veto,
      });
    }
    const graded = assignGrades(candidates, grading);
    if (!graded.ok) throw new Error(`scale seed: cannot grade ${kind}: ${graded.error.message}`);
    for (const result of graded.value.results) {
      const sheet = sheets.get(result.evaluateeId);
      if (sheet === undefined || !sheet.ok) continue;
      const s = sheet.value;
      const consequence = result.consequence;
      const text = [
        `绩效奖金系数 ${consequence.bonusCoefficient.toFixed(2)}`,
        consequence.commendation,
        consequence.talk,
      ]
        .filter((part): part is string => part !== undefined)
        .join('；');
      resultRows.push([
        ids.next('result'),
        org,
        cycleId,
        result.evaluateeId,
        s.categories.IDEOLOGICAL.score,
        s.categories.BUSINESS.score,
        s.categories.MANAGEMENT.score,
        s.bonus,
        s.deduction,
        s.total,
        result.rank,
        result.grade satisfies Grade,
        result.quotaCut,
        result.quotaCut ? result.reason : null,
        result.veto !== null,
        result.veto?.reason ?? null,
        consequence.bonusCoefficient,
        text,
        closedAt,
      ]);
    }
  }
  // Q4 is open: each assessor has worked through part of their list; the named one about a third.
  {
    const cycleId = cycleIds.get('Q4') as string;
    const opened = at('11-16', '09:00:00');
    const span = at(LAST_UPDATE_DAY, '18:00:00') - opened;
    const q4$ = rnd('q4');
    for (const bureau of bureaus) {
      for (const assessorPerson of bureau.assessors) {
        const list = workload.get(assessorPerson) ?? [];
        const share = assessorPerson === assessor ? 0.3 : q4$.between(0, 0.35);
        const done = Math.floor(list.length * share);
        for (let i = 0; i < done; i++) {
          const evaluee = list[i] as PersonRow;
          const isDraft = i >= done - Math.min(3, Math.ceil(done / 10));
          const when = opened + Math.floor(q4$.between(0, span / 1000)) * 1000;
          for (const category of CATEGORIES) {
            const value = clamp(
              Math.round(evaluee.tendency + bias(assessorPerson) + q4$.between(-3, 3)),
              60,
              100,
            );
            scoreRows.push([
              ids.next('score'),
              org,
              cycleId,
              assessorPerson.id,
              evaluee.id,
              category,
              value,
              isDraft ? 'DRAFT' : 'SUBMITTED',
              iso(when),
              isDraft ? null : iso(when),
            ]);
          }
        }
      }
    }
  }

  // ---- assemble -------------------------------------------------------------------------------
  const name = `${CITY_NAME}卫生健康委员会（城市规模 ${people.toLocaleString('en-US')} 人，种子 ${seed}）`;
  const postRow = (p: PostRow, i: number) => [
    p.id,
    org,
    p.unitId,
    p.code,
    p.title,
    p.tier,
    p.lines,
    p.admin?.id ?? null,
    p.party?.id ?? null,
    i + 1,
    SET_UP_AT,
  ];
  const holding$ = rnd('holdings');
  const tables: TableRows[] = [
    {
      table: 'Organisation',
      label: 'Organisation',
      columns: ['id', 'code', 'name', 'createdAt'],
      rows: [[org, code, name, SET_UP_AT]],
    },
    {
      table: 'OrganisationSettings',
      label: 'OrganisationSettings',
      columns: ['organisationId', 'updatedAt'],
      rows: [[org, SET_UP_AT]],
    },
    {
      table: 'GradeConsequence',
      label: 'GradeConsequence',
      columns: ['organisationId', 'grade', 'bonusCoefficient', 'commendation', 'talk'],
      rows: GRADE_CONSEQUENCES.map((c) => [org, c.grade, c.bonusCoefficient, c.commendation, c.talk]),
    },
    {
      table: 'OrgUnit',
      label: 'OrgUnit',
      columns: ['id', 'organisationId', 'name', 'kind', 'parentId', 'sortOrder', 'createdAt'],
      rows: unitRows,
    },
    {
      table: 'Person',
      label: 'Person',
      columns: ['id', 'organisationId', 'employeeNo', 'name', 'gender', 'isPartyMember', 'createdAt'],
      rows: personRows.map((p) => [p.id, org, p.employeeNo, p.name, p.gender, p.isParty, SET_UP_AT]),
    },
    ...postsByTier.map((posts, t) => ({
      table: 'Post',
      label: `Post (tier ${t + 1})`,
      columns: [
        'id',
        'organisationId',
        'unitId',
        'code',
        'title',
        'tier',
        'lines',
        'adminSuperiorId',
        'partySuperiorId',
        'sortOrder',
        'createdAt',
      ],
      rows: posts.map(postRow),
    })),
    {
      table: 'Holding',
      label: 'Holding',
      columns: ['id', 'organisationId', 'personId', 'postId', 'isPrimary', 'startedOn'],
      rows: holdings.map((h) => [
        ids.next('holding'),
        org,
        h.person.id,
        h.post.id,
        h.isPrimary,
        h.isPrimary
          ? `${holding$.int(2008, year - 1)}-${pad2(holding$.int(1, 12))}-01`
          : `${holding$.int(year - 3, year - 1)}-${pad2(holding$.int(1, 12))}-01`,
      ]),
    },
    {
      table: 'AssessmentGroupMember',
      label: 'AssessmentGroupMember',
      columns: ['organisationId', 'personId', 'addedAt'],
      rows: assessorRows,
    },
    {
      table: 'TargetYear',
      label: 'TargetYear',
      columns: ['organisationId', 'year', 'status', 'publishedAt', 'publishedById'],
      rows: [[org, year, 'PUBLISHED', iso(at('01-20', '10:00:00')), director?.userId ?? null]],
    },
    {
      table: 'Target',
      label: 'Target',
      columns: [
        'id',
        'organisationId',
        'parentId',
        'ownerPostId',
        'year',
        'category',
        'line',
        'title',
        'description',
        'weight',
        'measureKind',
        'measureUnit',
        'baseline',
        'goal',
        'dueDate',
        'progress',
        'latestValue',
        'createdAt',
        'updatedAt',
      ],
      rows: targetRows,
    },
    {
      table: 'ProgressUpdate',
      label: 'ProgressUpdate',
      columns: [
        'id',
        'organisationId',
        'targetId',
        'value',
        'normalised',
        'note',
        'recordedById',
        'recordedAt',
      ],
      rows: progressRows,
    },
    {
      table: 'EvaluationCycle',
      label: 'EvaluationCycle',
      columns: [
        'id',
        'organisationId',
        'year',
        'kind',
        'status',
        'windowStart',
        'windowEnd',
        'openedAt',
        'closedAt',
        'publishedAt',
        'createdAt',
      ],
      rows: cycleRows,
    },
    {
      table: 'Score',
      label: 'Score',
      columns: [
        'id',
        'organisationId',
        'cycleId',
        'evaluatorId',
        'evalueeId',
        'category',
        'value',
        'status',
        'updatedAt',
        'submittedAt',
      ],
      rows: scoreRows,
    },
    {
      table: 'Adjustment',
      label: 'Adjustment',
      columns: [
        'id',
        'organisationId',
        'cycleId',
        'evaluatorId',
        'evalueeId',
        'kind',
        'amount',
        'reason',
        'status',
        'createdAt',
      ],
      rows: adjustmentRows,
    },
    {
      table: 'EvaluationResult',
      label: 'EvaluationResult',
      columns: [
        'id',
        'organisationId',
        'cycleId',
        'evalueeId',
        'scoreIdeological',
        'scoreBusiness',
        'scoreManagement',
        'bonusTotal',
        'deductionTotal',
        'total',
        'rank',
        'grade',
        'isQuotaCut',
        'quotaCutReason',
        'isVetoed',
        'vetoReason',
        'bonusCoefficient',
        'consequence',
        'computedAt',
      ],
      rows: resultRows,
    },
  ];
  const counts: Record<string, number> = {};
  for (const table of tables) counts[table.table] = (counts[table.table] ?? 0) + table.rows.length;
  counts.UserAccount = users.length;

  return {
    code,
    name,
    organisationId,
    people,
    seed,
    year,
    tables,
    users,
    accounts,
    checksum: checksum.digest('hex'),
    counts,
  };
}

// ---------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------

/** When no candidate is a party member, the first one without a second post becomes one. */
function forcedParty(candidates: readonly PostRow[], taken: Set<PersonRow>): PersonRow {
  for (const post of candidates) {
    const person = post.holder;
    if (person !== undefined && !taken.has(person)) {
      taken.add(person);
      if (!person.isParty) {
        person.isParty = true;
        // A tier-4 post joins the party line under its section's party group (set later for a group
        // being formed: its members are linked once the leader is known).
        if (post.tier === 4) {
          post.lines = ['ADMINISTRATIVE', 'PARTY'];
          post.party = post.section?.group ?? null;
        }
      }
      return person;
    }
  }
  throw new Error('scale seed: nobody left for a party post');
}

/** Institution departments of a bureau, in a seeded mix of kinds, each name unique. */
function* institutionNames(
  isCommission: boolean,
  place: string,
  r: Random,
): Generator<{ name: string; type: SectionType }, void, void> {
  const hospitals = isCommission
    ? ['市第一人民医院', '市第二人民医院', '市中医医院', '市第三人民医院', '市儿童医院', '市传染病医院'].map(
        (h) => `${place}${h.slice(1)}`,
      )
    : [`${place}人民医院`, `${place}中医医院`, `${place}第二人民医院`];
  const isCounty = place.endsWith('县');
  let primary = 0;
  let hospitalDept = 0;
  let cdc = 0;
  let mch = 0;
  let supervision = 0;
  const cdcName = `${place}疾病预防控制中心`;
  const mchName = `${place}妇幼保健院`;
  const supervisionName = isCommission
    ? `${place}卫生健康综合监督执法支队`
    : `${place}卫生健康综合监督执法大队`;
  for (;;) {
    const roll = r.next();
    if (!isCommission && roll < 0.35) {
      const name = isCounty
        ? `${place}${TOWNS[primary % TOWNS.length]}镇卫生院${primary >= TOWNS.length ? `（${Math.floor(primary / TOWNS.length) + 1}）` : ''}`
        : `${place}${ordinal(primary)}社区卫生服务中心`;
      primary++;
      yield {
        name,
        type: isCounty
          ? { ...PRIMARY_CARE_TYPE, name: '乡镇卫生院', chiefSuffix: '院长' }
          : PRIMARY_CARE_TYPE,
      };
    } else if (roll < 0.43 && cdc < CDC_DEPARTMENTS.length) {
      yield { name: `${cdcName}${CDC_DEPARTMENTS[cdc++]}`, type: CDC_DEPARTMENT_TYPE };
    } else if (roll < 0.5 && mch < MCH_DEPARTMENTS.length) {
      yield { name: `${mchName}${MCH_DEPARTMENTS[mch++]}`, type: MCH_DEPARTMENT_TYPE };
    } else if (roll < 0.55 && supervision < SUPERVISION_DEPARTMENTS.length) {
      yield {
        name: `${supervisionName}${SUPERVISION_DEPARTMENTS[supervision++]}`,
        type: SUPERVISION_DEPARTMENT_TYPE,
      };
    } else {
      const h = Math.floor(hospitalDept / HOSPITAL_DEPARTMENTS.length);
      const hospital = hospitals[h] ?? `${place}第${h + 1}人民医院`;
      const dept = HOSPITAL_DEPARTMENTS[hospitalDept % HOSPITAL_DEPARTMENTS.length] ?? '门诊部';
      hospitalDept++;
      yield { name: `${hospital}${dept}`, type: HOSPITAL_DEPARTMENT_TYPE };
    }
  }
}

/** A progress note in the office's words. */
function progressNote(
  spec: TargetSpec,
  title: string,
  value: number,
  day: string,
  isBehind: boolean,
  isCumulative: boolean,
  r: Random,
): string {
  const month = Number(day.slice(0, 2));
  const period =
    month <= 3 ? '第一季度' : month <= 6 ? '第二季度' : month <= 9 ? '第三季度' : `截至${month}月底`;
  const plain = title.replace(/（[^）]*）/g, '');
  let note: string;
  switch (spec.kind) {
    case 'PERCENTAGE':
      note = `${period}，${plain}${isCumulative ? '达到' : '为'} ${value}%`;
      break;
    case 'NUMBER':
      note = `${plain}：截至${month}月底为 ${value}${spec.unit ?? ''}，全年目标 ${spec.goal}${spec.unit ?? ''}`;
      break;
    case 'MILESTONE':
      note = value >= 1 ? `${plain}已完成，相关材料已报送并归档` : `${plain}：${r.pick(MILESTONE_STEPS)}`;
      break;
    case 'QUALITATIVE':
      note = `${period}工作自评 ${value} 分：${value >= 85 ? r.pick(ON_TRACK_REMARKS) : '存在薄弱环节，正在整改'}`;
      break;
  }
  return isBehind ? note + r.pick(BEHIND_REMARKS) : note;
}
