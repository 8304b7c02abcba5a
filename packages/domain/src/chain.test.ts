import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkReportsTo, collectSubtree, findChainRoot, traceChain } from './chain';
import type { ChainViolationKind, Post } from './chain';
import type { Line, Tier } from './vocabulary';

const CHINESE = /[\u4e00-\u9fff]/;

function post(id: string, tier: Tier, reportsTo: Post['reportsTo'] = {}, extra: Partial<Post> = {}): Post {
  return { id, organisationId: 'org', tier, lines: ['ADMINISTRATIVE', 'PARTY'], reportsTo, ...extra };
}

// 局长 → 副局长 → 科长 → 科员 on the administrative line; a shorter party line.
const director = post('director', 1);
const deputy = post('deputy', 2, { ADMINISTRATIVE: 'director', PARTY: 'director' });
const chief = post('chief', 3, { ADMINISTRATIVE: 'deputy', PARTY: 'deputy' });
const clerk = post('clerk', 4, { ADMINISTRATIVE: 'chief', PARTY: 'chief' });
const posts = [director, deputy, chief, clerk];

function kinds(input: Parameters<typeof checkReportsTo>[0]): ChainViolationKind[] {
  return checkReportsTo(input).map((violation) => violation.kind);
}

describe('checkReportsTo', () => {
  it('accepts a post reporting to a post of a smaller tier number', () => {
    expect(
      checkReportsTo({ post: clerk, proposedSuperiorId: 'chief', line: 'ADMINISTRATIVE', posts }),
    ).toEqual([]);
    expect(checkReportsTo({ post: clerk, proposedSuperiorId: 'director', line: 'PARTY', posts })).toEqual([]);
  });

  it('accepts a tier-1 post with no superior', () => {
    expect(
      checkReportsTo({ post: director, proposedSuperiorId: null, line: 'ADMINISTRATIVE', posts }),
    ).toEqual([]);
  });

  it('refuses a superior for a tier-1 post', () => {
    const other = post('secretary', 1);
    expect(
      kinds({ post: director, proposedSuperiorId: 'secretary', line: 'PARTY', posts: [...posts, other] }),
    ).toEqual(['TIER_ONE_HAS_SUPERIOR']);
  });

  it('requires a superior for tiers 2–4 in a line they belong to', () => {
    for (const p of [deputy, chief, clerk]) {
      expect(kinds({ post: p, proposedSuperiorId: null, line: 'ADMINISTRATIVE', posts })).toEqual([
        'SUPERIOR_REQUIRED',
      ]);
    }
  });

  it('does not require a superior in a line the post is not in, and refuses one there', () => {
    const union = post('union', 3, {}, { lines: ['PARTY'] });
    expect(checkReportsTo({ post: union, proposedSuperiorId: null, line: 'ADMINISTRATIVE', posts })).toEqual(
      [],
    );
    expect(kinds({ post: union, proposedSuperiorId: 'deputy', line: 'ADMINISTRATIVE', posts })).toEqual([
      'POST_NOT_IN_LINE',
    ]);
  });

  it('refuses a superior of the same or a larger tier number', () => {
    const otherChief = post('chief2', 3, { ADMINISTRATIVE: 'deputy' });
    expect(
      kinds({
        post: chief,
        proposedSuperiorId: 'chief2',
        line: 'ADMINISTRATIVE',
        posts: [...posts, otherChief],
      }),
    ).toEqual(['SUPERIOR_TIER_NOT_SMALLER']);
    expect(kinds({ post: chief, proposedSuperiorId: 'clerk', line: 'ADMINISTRATIVE', posts })).toContain(
      'SUPERIOR_TIER_NOT_SMALLER',
    );
  });

  it('refuses a post as its own superior', () => {
    expect(kinds({ post: chief, proposedSuperiorId: 'chief', line: 'ADMINISTRATIVE', posts })).toEqual([
      'CYCLE',
    ]);
  });

  it('refuses a link that closes a loop, even in data saved before the tier rule', () => {
    // Legacy data: a tier-2 post that reports to a tier-3 post.
    const legacyDeputy = post('deputy', 2, { ADMINISTRATIVE: 'chief' });
    const result = kinds({
      post: chief,
      proposedSuperiorId: 'deputy',
      line: 'ADMINISTRATIVE',
      posts: [director, legacyDeputy, chief, clerk],
    });
    expect(result).toEqual(['CYCLE']);
  });

  it('sees loops through archived posts too', () => {
    const archivedDeputy = post('deputy', 2, { ADMINISTRATIVE: 'chief' }, { archived: true });
    const result = kinds({
      post: chief,
      proposedSuperiorId: 'director',
      line: 'ADMINISTRATIVE',
      posts: [{ ...director, reportsTo: { ADMINISTRATIVE: 'deputy' } }, archivedDeputy, chief],
    });
    expect(result).toEqual(['CYCLE']);
  });

  it('only looks at the line being set when searching for loops', () => {
    const partyLoop = post('deputy', 2, { ADMINISTRATIVE: 'director', PARTY: 'chief' });
    expect(
      checkReportsTo({
        post: chief,
        proposedSuperiorId: 'deputy',
        line: 'ADMINISTRATIVE',
        posts: [director, partyLoop, chief],
      }),
    ).toEqual([]);
  });

  it('refuses a superior in another organisation', () => {
    const foreign = post('foreign', 2, { ADMINISTRATIVE: 'director' }, { organisationId: 'other' });
    expect(
      kinds({
        post: chief,
        proposedSuperiorId: 'foreign',
        line: 'ADMINISTRATIVE',
        posts: [...posts, foreign],
      }),
    ).toEqual(['CROSS_ORGANISATION']);
  });

  it('refuses a superior that does not exist or is archived', () => {
    expect(kinds({ post: chief, proposedSuperiorId: 'ghost', line: 'ADMINISTRATIVE', posts })).toEqual([
      'SUPERIOR_MISSING',
    ]);
    const archived = post('old-deputy', 2, { ADMINISTRATIVE: 'director' }, { archived: true });
    expect(
      kinds({
        post: chief,
        proposedSuperiorId: 'old-deputy',
        line: 'ADMINISTRATIVE',
        posts: [...posts, archived],
      }),
    ).toEqual(['SUPERIOR_ARCHIVED']);
  });

  it('refuses a superior outside the line', () => {
    const adminOnly = post('deputy2', 2, { ADMINISTRATIVE: 'director' }, { lines: ['ADMINISTRATIVE'] });
    expect(
      kinds({ post: chief, proposedSuperiorId: 'deputy2', line: 'PARTY', posts: [...posts, adminOnly] }),
    ).toEqual(['SUPERIOR_NOT_IN_LINE']);
  });

  it('reports every violation at once, with Chinese messages and the link in question', () => {
    const foreignClerk = post(
      'foreign-clerk',
      4,
      {},
      { organisationId: 'other', archived: true, lines: ['PARTY'] },
    );
    const violations = checkReportsTo({
      post: chief,
      proposedSuperiorId: 'foreign-clerk',
      line: 'ADMINISTRATIVE',
      posts: [...posts, foreignClerk],
    });
    expect(violations.map((v) => v.kind)).toEqual([
      'SUPERIOR_ARCHIVED',
      'SUPERIOR_NOT_IN_LINE',
      'SUPERIOR_TIER_NOT_SMALLER',
      'CROSS_ORGANISATION',
    ]);
    for (const violation of violations) {
      expect(violation.message).toMatch(CHINESE);
      expect(violation).toMatchObject({
        postId: 'chief',
        superiorId: 'foreign-clerk',
        line: 'ADMINISTRATIVE',
      });
    }
  });

  it('checks a new post that is not yet saved', () => {
    const newcomer = post('newcomer', 4);
    expect(
      checkReportsTo({ post: newcomer, proposedSuperiorId: 'chief', line: 'ADMINISTRATIVE', posts }),
    ).toEqual([]);
  });
});

describe('traceChain and findChainRoot', () => {
  it('walks up to the root', () => {
    expect(traceChain('clerk', 'ADMINISTRATIVE', posts)).toEqual({
      path: ['clerk', 'chief', 'deputy', 'director'],
      end: 'ROOT',
    });
    expect(findChainRoot('clerk', 'ADMINISTRATIVE', posts)).toBe('director');
    expect(findChainRoot('director', 'PARTY', posts)).toBe('director');
  });

  it('accepts a map of posts', () => {
    const byId = new Map(posts.map((p) => [p.id, p]));
    expect(findChainRoot('chief', 'PARTY', byId)).toBe('director');
  });

  it('follows each line separately', () => {
    const partyMember = post('member', 4, { ADMINISTRATIVE: 'chief', PARTY: 'secretary' });
    const secretary = post('secretary', 1);
    const all = [...posts, partyMember, secretary];
    expect(findChainRoot('member', 'ADMINISTRATIVE', all)).toBe('director');
    expect(findChainRoot('member', 'PARTY', all)).toBe('secretary');
  });

  it('gives null for loops, breaks and unknown posts', () => {
    const a = post('a', 2, { ADMINISTRATIVE: 'b' });
    const b = post('b', 3, { ADMINISTRATIVE: 'a' });
    expect(traceChain('a', 'ADMINISTRATIVE', [a, b]).end).toBe('CYCLE');
    expect(findChainRoot('a', 'ADMINISTRATIVE', [a, b])).toBeNull();

    const orphan = post('orphan', 3, { ADMINISTRATIVE: 'gone' });
    expect(traceChain('orphan', 'ADMINISTRATIVE', [orphan])).toEqual({ path: ['orphan'], end: 'BROKEN' });
    expect(findChainRoot('orphan', 'ADMINISTRATIVE', [orphan])).toBeNull();

    const archivedDeputy = { ...deputy, archived: true };
    expect(findChainRoot('chief', 'ADMINISTRATIVE', [director, archivedDeputy, chief])).toBeNull();
    expect(findChainRoot('nobody', 'ADMINISTRATIVE', posts)).toBeNull();
  });
});

describe('collectSubtree', () => {
  const chief2 = post('chief2', 3, { ADMINISTRATIVE: 'deputy', PARTY: 'director' });
  const clerk2 = post('clerk2', 4, { ADMINISTRATIVE: 'chief2' });
  const all = [director, deputy, chief, clerk, chief2, clerk2];

  it('collects the roots and everyone reporting to them transitively, breadth first', () => {
    expect(collectSubtree(['deputy'], 'ADMINISTRATIVE', all)).toEqual([
      'deputy',
      'chief',
      'chief2',
      'clerk',
      'clerk2',
    ]);
    expect(collectSubtree(['director'], 'ADMINISTRATIVE', all)).toHaveLength(6);
  });

  it('follows only the given line', () => {
    expect(collectSubtree(['deputy'], 'PARTY', all)).toEqual(['deputy', 'chief', 'clerk']);
  });

  it('merges several roots without duplicates and ignores unknown ones', () => {
    expect(collectSubtree(['chief', 'deputy', 'chief', 'ghost'], 'ADMINISTRATIVE', all)).toEqual([
      'chief',
      'deputy',
      'clerk',
      'chief2',
      'clerk2',
    ]);
  });

  it('leaves archived posts out and does not descend through them', () => {
    const archivedChief2 = { ...chief2, archived: true };
    expect(
      collectSubtree(['deputy'], 'ADMINISTRATIVE', [director, deputy, chief, clerk, archivedChief2, clerk2]),
    ).toEqual(['deputy', 'chief', 'clerk']);
    expect(collectSubtree(['chief2'], 'ADMINISTRATIVE', [archivedChief2, clerk2])).toEqual([]);
  });

  it('terminates on loops in bad data', () => {
    const a = post('a', 2, { ADMINISTRATIVE: 'b' });
    const b = post('b', 3, { ADMINISTRATIVE: 'a' });
    expect(collectSubtree(['a'], 'ADMINISTRATIVE', [a, b])).toEqual(['a', 'b']);
  });
});

// Arbitrary organisations, including inconsistent data (any post may point at any other).
const arbitraryPosts = fc
  .array(
    fc.record({
      tier: fc.constantFrom<Tier>(1, 2, 3, 4),
      admin: fc.option(fc.nat(11), { nil: null }),
      party: fc.option(fc.nat(11), { nil: null }),
      org: fc.constantFrom('org', 'org', 'org', 'other'),
      archived: fc.boolean(),
    }),
    { minLength: 1, maxLength: 12 },
  )
  .map((rows) =>
    rows.map((row, index): Post => ({
      id: `p${index}`,
      organisationId: row.org,
      tier: row.tier,
      lines: ['ADMINISTRATIVE', 'PARTY'],
      reportsTo: {
        ADMINISTRATIVE: row.admin === null ? null : `p${row.admin % rows.length}`,
        PARTY: row.party === null ? null : `p${row.party % rows.length}`,
      },
      archived: row.archived && index % 3 === 0,
    })),
  );

/** Independent loop detection: does following `line` from `startId` come back to `postId`? */
function reaches(startId: string, postId: string, line: Line, all: readonly Post[]): boolean {
  const byId = new Map(all.map((p) => [p.id, p]));
  let current: string | null | undefined = startId;
  for (let steps = 0; current != null && steps <= all.length; steps++) {
    if (current === postId) return true;
    current = byId.get(current)?.reportsTo[line];
  }
  return false;
}

describe('chain properties', () => {
  it('never accepts a link that makes a loop', () => {
    fc.assert(
      fc.property(
        arbitraryPosts,
        fc.nat(),
        fc.nat(),
        fc.constantFrom<Line>('ADMINISTRATIVE', 'PARTY'),
        (all, i, j, line) => {
          const subject = all[i % all.length] as Post;
          const superiorId = `p${j % all.length}`;
          const after = all.map((p) =>
            p.id === subject.id ? { ...p, reportsTo: { ...p.reportsTo, [line]: superiorId } } : p,
          );
          const violations = checkReportsTo({
            post: subject,
            proposedSuperiorId: superiorId,
            line,
            posts: all,
          });
          if (reaches(superiorId, subject.id, line, after)) {
            expect(violations).not.toEqual([]);
            // Tier 1 is refused earlier for having a superior at all; every other loop is named as one.
            if (subject.tier !== 1) expect(violations.map((v) => v.kind)).toContain('CYCLE');
          }
        },
      ),
    );
  });

  it('every organisation built only from accepted links has chains that reach tier 1', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ tier: fc.constantFrom<Tier>(1, 2, 3, 4), pick: fc.nat() }), {
          minLength: 1,
          maxLength: 15,
        }),
        (rows) => {
          const built: Post[] = [];
          rows.forEach((row, index) => {
            const candidate = post(`p${index}`, row.tier);
            const options = built.map((p) => p.id);
            let chosen: string | null = null;
            if (row.tier !== 1) {
              // Try candidates starting from a random one; keep the first the rules accept.
              for (let k = 0; k < options.length && chosen === null; k++) {
                const superiorId = options[(row.pick + k) % options.length] as string;
                const ok =
                  checkReportsTo({
                    post: candidate,
                    proposedSuperiorId: superiorId,
                    line: 'ADMINISTRATIVE',
                    posts: built,
                  }).length === 0;
                if (ok) chosen = superiorId;
              }
              if (chosen === null) return; // nobody above yet: the post cannot be created
            }
            built.push({ ...candidate, reportsTo: { ADMINISTRATIVE: chosen } });
          });
          for (const p of built) {
            const trace = traceChain(p.id, 'ADMINISTRATIVE', built);
            expect(trace.end).toBe('ROOT');
            const root = built.find((q) => q.id === trace.path.at(-1));
            expect(root?.tier).toBe(1);
            // Tiers strictly decrease going up.
            const tiers = trace.path.map((id) => built.find((q) => q.id === id)?.tier ?? 0);
            expect([...tiers].sort((a, b) => b - a)).toEqual(tiers);
            expect(new Set(tiers).size).toBe(tiers.length);
          }
        },
      ),
    );
  });

  it('collectSubtree terminates, has no duplicates and contains only live posts', () => {
    fc.assert(
      fc.property(arbitraryPosts, fc.nat(), (all, i) => {
        const root = all[i % all.length] as Post;
        const subtree = collectSubtree([root.id], 'ADMINISTRATIVE', all);
        expect(new Set(subtree).size).toBe(subtree.length);
        for (const id of subtree) expect(all.find((p) => p.id === id)?.archived).not.toBe(true);
      }),
    );
  });
});
