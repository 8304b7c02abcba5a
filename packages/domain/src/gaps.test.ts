import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Post } from './chain';
import { GAP_KINDS, canPublishYear, findGaps, partitionGaps } from './gaps';
import type { ChainTarget, FindGapsInput, Gap, Holding } from './gaps';
import { TARGET_CATEGORIES } from './vocabulary';
import type { Line, TargetCategory, Tier } from './vocabulary';

const YEAR = 2026;
const CHINESE = /[\u4e00-\u9fff]/;

function post(id: string, tier: Tier, superiorId: string | null, extra: Partial<Post> = {}): Post {
  return {
    id,
    organisationId: 'org',
    tier,
    name: id,
    lines: ['ADMINISTRATIVE', 'PARTY'],
    reportsTo: { ADMINISTRATIVE: superiorId, PARTY: superiorId },
    ...extra,
  };
}

const LINE_OF: Record<TargetCategory, Line> = {
  IDEOLOGICAL: 'PARTY',
  BUSINESS: 'ADMINISTRATIVE',
  MANAGEMENT: 'ADMINISTRATIVE',
};

function target(
  id: string,
  category: TargetCategory,
  ownerPostId: string | null,
  parentId: string | null,
  weight = 100,
  extra: Partial<ChainTarget> = {},
): ChainTarget {
  return { id, parentId, ownerPostId, category, line: LINE_OF[category], weight, year: YEAR, ...extra };
}

interface Fixture extends FindGapsInput {
  posts: Post[];
  holdings: Holding[];
  targets: ChainTarget[];
}

/** A closed chain: 局长 → 副局长 → 科长 → 科员, each carrying all three categories, decomposed tier by tier. */
function closedOrganisation(): Fixture {
  const posts = [
    post('director', 1, null),
    post('deputy', 2, 'director'),
    post('chief', 3, 'deputy'),
    post('clerk', 4, 'chief'),
  ];
  const holdings: Holding[] = posts.map((p) => ({ postId: p.id, personId: `person-${p.id}` }));
  const targets: ChainTarget[] = [];
  for (const category of TARGET_CATEGORIES) {
    const c = category.toLowerCase();
    targets.push(
      target(`${c}-1`, category, 'director', null),
      target(`${c}-2`, category, 'deputy', `${c}-1`),
      target(`${c}-3`, category, 'chief', `${c}-2`),
      target(`${c}-4`, category, 'clerk', `${c}-3`),
    );
  }
  return { year: YEAR, posts, holdings, targets };
}

function keysOf(gaps: readonly Gap[]): string[] {
  return gaps.map((gap) => gap.key);
}

describe('findGaps', () => {
  it('finds nothing in a closed chain', () => {
    expect(findGaps(closedOrganisation())).toEqual([]);
  });

  it('reports a target without an owner, or whose owner post is gone', () => {
    const input = closedOrganisation();
    input.targets.push(target('orphan', 'BUSINESS', null, null, 100, { title: '文件网上传递率' }));
    input.targets.push(target('stale', 'BUSINESS', 'archived-post', null));
    input.posts.push(post('archived-post', 3, 'deputy', { archived: true }));
    const gaps = findGaps(input).filter((gap) => gap.kind === 'TARGET_WITHOUT_OWNER');
    expect(keysOf(gaps)).toEqual(['TARGET_WITHOUT_OWNER:orphan', 'TARGET_WITHOUT_OWNER:stale']);
    expect(gaps[0]?.detail).toContain('「文件网上传递率」');
    expect(gaps[0]).toMatchObject({ targetId: 'orphan', category: 'BUSINESS', line: 'ADMINISTRATIVE' });
  });

  it('reports a target whose parent is not owned by the owner’s superior in the target’s line', () => {
    const input = closedOrganisation();
    // The clerk's business target hangs directly under the deputy's, skipping the section chief.
    input.targets = input.targets.map((t) => (t.id === 'business-4' ? { ...t, parentId: 'business-2' } : t));
    const gaps = findGaps(input);
    expect(gaps).toContainEqual(
      expect.objectContaining({
        kind: 'PARENT_NOT_OWNED_BY_SUPERIOR',
        key: 'PARENT_NOT_OWNED_BY_SUPERIOR:business-4',
        postId: 'clerk',
        targetId: 'business-4',
        line: 'ADMINISTRATIVE',
      }),
    );
    const gap = gaps.find((g) => g.kind === 'PARENT_NOT_OWNED_BY_SUPERIOR');
    expect(gap?.detail).toContain('「deputy」');
    expect(gap?.detail).toContain('「chief」');
  });

  it('uses the target’s line to find the superior', () => {
    const input = closedOrganisation();
    // On the party line the clerk reports straight to the director (a party member to the secretary).
    input.posts = input.posts.map((p) =>
      p.id === 'clerk' ? { ...p, reportsTo: { ADMINISTRATIVE: 'chief', PARTY: 'director' } } : p,
    );
    input.targets = input.targets.map((t) => {
      if (t.id === 'ideological-4') return { ...t, parentId: 'ideological-1', weight: 40 };
      if (t.id === 'ideological-2') return { ...t, weight: 60 };
      return t;
    });
    expect(findGaps(input)).toEqual([]);
    // The same parent on the administrative line would be a gap.
    input.targets = input.targets.map((t) => {
      if (t.id === 'business-4') return { ...t, parentId: 'business-1', weight: 40 };
      if (t.id === 'business-2') return { ...t, weight: 60 };
      return t;
    });
    expect(keysOf(findGaps(input))).toEqual(['PARENT_NOT_OWNED_BY_SUPERIOR:business-4']);
  });

  it('reports a tier 2–4 target that was not decomposed from a parent, and a tier-1 target that has one', () => {
    const input = closedOrganisation();
    input.targets.push(target('own-idea', 'MANAGEMENT', 'chief', null));
    input.targets.push(target('director-child', 'MANAGEMENT', 'director', 'management-1', 0));
    const gaps = findGaps(input).filter((gap) => gap.kind === 'PARENT_NOT_OWNED_BY_SUPERIOR');
    expect(keysOf(gaps)).toEqual([
      'PARENT_NOT_OWNED_BY_SUPERIOR:director-child',
      'PARENT_NOT_OWNED_BY_SUPERIOR:own-idea',
    ]);
  });

  it('reports a parent that is archived, missing or of another year', () => {
    const input = closedOrganisation();
    input.targets = input.targets.map((t) => {
      if (t.id === 'business-2') return { ...t, archived: true };
      if (t.id === 'management-2') return { ...t, year: YEAR - 1 };
      return t;
    });
    const gaps = findGaps(input).filter((gap) => gap.kind === 'PARENT_NOT_OWNED_BY_SUPERIOR');
    expect(keysOf(gaps)).toEqual([
      'PARENT_NOT_OWNED_BY_SUPERIOR:business-3',
      'PARENT_NOT_OWNED_BY_SUPERIOR:management-3',
    ]);
  });

  it('reports one gap per category a tier 2–4 post lacks, never for tier 1', () => {
    const input = closedOrganisation();
    input.targets = input.targets.filter(
      (t) => !['business-4', 'management-4'].includes(t.id) && t.ownerPostId !== 'director',
    );
    input.targets = input.targets.map((t) => (t.parentId?.endsWith('-1') ? { ...t, parentId: null } : t));
    const missing = findGaps(input).filter((gap) => gap.kind === 'POST_MISSING_CATEGORY');
    expect(keysOf(missing)).toEqual([
      'POST_MISSING_CATEGORY:clerk:BUSINESS',
      'POST_MISSING_CATEGORY:clerk:MANAGEMENT',
    ]);
    expect(missing[0]).toMatchObject({ postId: 'clerk', category: 'BUSINESS' });
    expect(missing[0]?.detail).toContain('业务工作');
  });

  it('counts only this year’s live targets for categories', () => {
    const input = closedOrganisation();
    input.targets = input.targets.map((t) => (t.id === 'ideological-4' ? { ...t, year: YEAR + 1 } : t));
    input.targets = input.targets.map((t) => (t.id === 'business-4' ? { ...t, archived: true } : t));
    const missing = findGaps(input).filter((gap) => gap.kind === 'POST_MISSING_CATEGORY');
    expect(keysOf(missing)).toEqual([
      'POST_MISSING_CATEGORY:clerk:BUSINESS',
      'POST_MISSING_CATEGORY:clerk:IDEOLOGICAL',
    ]);
  });

  it('reports children whose weights do not add up to 100, tolerating 2-decimal splits', () => {
    const input = closedOrganisation();
    input.targets = input.targets.map((t) => (t.id === 'business-4' ? { ...t, weight: 33.34 } : t));
    input.posts.push(post('clerk2', 4, 'chief'), post('clerk3', 4, 'chief'));
    input.holdings.push({ postId: 'clerk2', personId: 'x' }, { postId: 'clerk3', personId: 'y' });
    for (const clerk of ['clerk2', 'clerk3']) {
      for (const category of TARGET_CATEGORIES) {
        const c = category.toLowerCase();
        input.targets.push(
          target(`${c}-${clerk}`, category, clerk, `${c}-3`, category === 'BUSINESS' ? 33.33 : 0),
        );
      }
    }
    const gaps = findGaps(input);
    // business: 33.34 + 33.33 + 33.33 = 100 → fine; ideological: 100 + 0 + 0 = 100 → fine.
    expect(gaps).toEqual([]);

    input.targets = input.targets.map((t) => (t.id === 'business-4' ? { ...t, weight: 33.33 } : t));
    const [gap] = findGaps(input);
    expect(gap).toMatchObject({
      kind: 'WEIGHTS_NOT_100',
      key: 'WEIGHTS_NOT_100:business-3',
      postId: 'chief',
    });
    expect(gap?.detail).toContain('99.99');
  });

  it('ignores archived children when summing weights', () => {
    const input = closedOrganisation();
    input.targets.push(target('business-extra', 'BUSINESS', 'clerk', 'business-3', 50, { archived: true }));
    expect(findGaps(input)).toEqual([]);
  });

  it('reports a post with no holder, tier 1 included, but not an archived post', () => {
    const input = closedOrganisation();
    input.holdings = input.holdings.filter((h) => h.postId !== 'director' && h.postId !== 'clerk');
    input.posts.push(post('gone', 4, 'chief', { archived: true }));
    expect(keysOf(findGaps(input))).toEqual(['POST_WITHOUT_HOLDER:clerk', 'POST_WITHOUT_HOLDER:director']);
  });

  it('reports a post whose chain does not reach tier 1, per line', () => {
    const input = closedOrganisation();
    input.posts = input.posts.map((p) => {
      if (p.id === 'deputy') return { ...p, reportsTo: { ADMINISTRATIVE: 'director', PARTY: null } };
      return p;
    });
    const gaps = findGaps(input).filter((gap) => gap.kind === 'POST_WITHOUT_SUPERIOR');
    // The deputy has no party superior, so the chief's and the clerk's party chains stop at tier 2 too.
    expect(keysOf(gaps)).toEqual([
      'POST_WITHOUT_SUPERIOR:chief:PARTY',
      'POST_WITHOUT_SUPERIOR:clerk:PARTY',
      'POST_WITHOUT_SUPERIOR:deputy:PARTY',
    ]);
    for (const gap of gaps) expect(gap.detail).toMatch(CHINESE);
  });

  it('reports a chain broken by an archived superior', () => {
    const input = closedOrganisation();
    input.posts = input.posts.map((p) => (p.id === 'deputy' ? { ...p, archived: true } : p));
    const kinds = new Set(findGaps(input).map((gap) => gap.kind));
    expect(kinds).toContain('POST_WITHOUT_SUPERIOR');
    expect(
      findGaps(input).find((g) => g.key === 'POST_WITHOUT_SUPERIOR:chief:ADMINISTRATIVE')?.detail,
    ).toContain('中断');
  });

  it('lists gaps by kind, then key, with Chinese details', () => {
    const input = closedOrganisation();
    input.holdings = [];
    input.targets.push(target('orphan', 'BUSINESS', null, null));
    const gaps = findGaps(input);
    const kindOrder = gaps.map((gap) => GAP_KINDS.indexOf(gap.kind));
    expect([...kindOrder].sort((a, b) => a - b)).toEqual(kindOrder);
    for (const gap of gaps) expect(gap.detail).toMatch(CHINESE);
  });
});

describe('waivers', () => {
  const input = closedOrganisation();
  input.holdings = input.holdings.filter((h) => h.postId !== 'clerk');
  input.targets.push(target('orphan', 'BUSINESS', null, null));
  const gaps = findGaps(input);

  it('a year with open gaps cannot be published', () => {
    expect(gaps).toHaveLength(2);
    expect(canPublishYear(gaps, [])).toBe(false);
    expect(canPublishYear([], [])).toBe(true);
  });

  it('each gap must be waived with a reason', () => {
    const waivers = [
      { gapKey: 'POST_WITHOUT_HOLDER:clerk', reason: '岗位人员调动中，下月到岗' },
      { gapKey: 'TARGET_WITHOUT_OWNER:orphan', reason: '   ' },
    ];
    const partition = partitionGaps(gaps, waivers);
    expect(keysOf(partition.open)).toEqual(['TARGET_WITHOUT_OWNER:orphan']);
    expect(partition.waived).toEqual([{ gap: gaps[1], reason: '岗位人员调动中，下月到岗' }]);
    expect(canPublishYear(gaps, waivers)).toBe(false);
    expect(
      canPublishYear(gaps, [...waivers, { gapKey: 'TARGET_WITHOUT_OWNER:orphan', reason: '年中新增目标' }]),
    ).toBe(true);
  });

  it('keeps matching after a recomputation and lists waivers whose gap was fixed', () => {
    const waivers = [
      { gapKey: 'POST_WITHOUT_HOLDER:clerk', reason: '调动中' },
      { gapKey: 'WEIGHTS_NOT_100:business-1', reason: '旧的' },
    ];
    const recomputed = findGaps({ ...input, targets: [...input.targets] });
    const partition = partitionGaps(recomputed, waivers);
    expect(partition.waived.map((w) => w.gap.key)).toEqual(['POST_WITHOUT_HOLDER:clerk']);
    expect(partition.staleWaiverKeys).toEqual(['WEIGHTS_NOT_100:business-1']);
  });
});

describe('gap properties', () => {
  const arbitraryInput = fc
    .record({
      posts: fc.array(
        fc.record({
          tier: fc.constantFrom<Tier>(1, 2, 3, 4),
          superior: fc.option(fc.nat(9), { nil: null }),
          archived: fc.boolean(),
          held: fc.boolean(),
        }),
        { minLength: 1, maxLength: 10 },
      ),
      targets: fc.array(
        fc.record({
          owner: fc.option(fc.nat(9), { nil: null }),
          parent: fc.option(fc.nat(19), { nil: null }),
          category: fc.constantFrom<TargetCategory>(...TARGET_CATEGORIES),
          weight: fc.integer({ min: 0, max: 100 }),
          archived: fc.boolean(),
        }),
        { maxLength: 20 },
      ),
    })
    .map(({ posts, targets }): FindGapsInput => ({
      year: YEAR,
      posts: posts.map((p, i) =>
        post(`p${i}`, p.tier, p.superior === null ? null : `p${p.superior}`, { archived: p.archived }),
      ),
      holdings: posts.flatMap((p, i) => (p.held ? [{ postId: `p${i}`, personId: `person${i}` }] : [])),
      targets: targets.map((t, i) =>
        target(
          `t${i}`,
          t.category,
          t.owner === null ? null : `p${t.owner}`,
          t.parent === null ? null : `t${t.parent}`,
          t.weight,
          {
            archived: t.archived,
          },
        ),
      ),
    }));

  it('gap keys are unique and the result does not depend on input order', () => {
    fc.assert(
      fc.property(arbitraryInput, fc.func(fc.integer()), (input, order) => {
        const gaps = findGaps(input);
        expect(new Set(keysOf(gaps)).size).toBe(gaps.length);
        const shuffle = <T>(items: readonly T[]): T[] =>
          items
            .map((item, i) => ({ item, k: order(i) }))
            .sort((a, b) => a.k - b.k)
            .map((x) => x.item);
        const reordered = findGaps({
          ...input,
          posts: shuffle(input.posts),
          holdings: shuffle(input.holdings),
          targets: shuffle(input.targets),
        });
        expect(reordered).toEqual(gaps);
      }),
    );
  });

  it('never reports anything about archived posts or targets', () => {
    fc.assert(
      fc.property(arbitraryInput, (input) => {
        const archivedPosts = new Set(input.posts.filter((p) => p.archived === true).map((p) => p.id));
        const archivedTargets = new Set(input.targets.filter((t) => t.archived === true).map((t) => t.id));
        for (const gap of findGaps(input)) {
          if (gap.kind !== 'WEIGHTS_NOT_100' && gap.postId !== undefined)
            expect(archivedPosts.has(gap.postId)).toBe(false);
          if (gap.targetId !== undefined) expect(archivedTargets.has(gap.targetId)).toBe(false);
        }
      }),
    );
  });
});
