// The tier-1 dashboard's figures kept in memory (docs/performance.md "Tier-1 dashboard"), on a
// stand-in repository and clock: what the HTTP tests in dashboards.test.ts cannot steer — a minute
// passing with nothing written, and many readers arriving at once. Freshness after writes, the
// statements per request and the figures themselves are tested over HTTP on Postgres there.
import { describe, expect, it } from 'vitest';
import type { Actor } from '../src/http/actor';
import type { AccessService } from '../src/modules/access/access.service';
import { BUREAU_FIGURES_TTL_MS, createBureauDashboard } from '../src/modules/dashboards/bureau-dashboard';
import type { DashboardsRepository } from '../src/modules/dashboards/dashboards.repository';

const ORG = '00000000-0000-4000-8000-000000000001';
const actor: Actor = {
  userId: 'u',
  organisationId: ORG,
  personId: 'p',
  sessionTokenHash: 'h',
  roles: [],
  posts: [{ id: 'post', tier: 1, unitId: 'unit', lines: ['ADMINISTRATIVE'] }],
};
const OPEN_CYCLE = {
  id: '00000000-0000-4000-8000-0000000000c1',
  year: 2026,
  kind: 'Q4',
  status: 'OPEN',
  windowStart: '2026-10-01T00:00:00.000Z',
  windowEnd: '2026-12-31T00:00:00.000Z',
  openedAt: '2026-10-01T00:00:00.000Z',
  closedAt: null,
  publishedAt: null,
  version: 1,
};
const access = {
  canViewBureauDashboard: () => true,
  canRecordProgress: () => false,
} as unknown as AccessService;

function standIn(assessors: { id: string; name: string; evaluees: number; filled: number }[] = []) {
  const calls = { versions: 0, figures: 0, gaps: 0, evaluation: 0 };
  const state = { dashboard: 1n, gaps: 1n, evaluation: 1n };
  let release: () => void = () => undefined;
  let gate: Promise<void> = Promise.resolve();
  const repo = {
    dashboardVersions: async () => {
      calls.versions += 1;
      return { ...state };
    },
    bureauFigures: async () => {
      calls.figures += 1;
      await gate;
      return {
        head: [],
        top: [],
        atRiskTotal: calls.figures,
        units: [
          [
            '00000000-0000-4000-8000-0000000000a1',
            null,
            '办公室',
            'SECTION',
            1,
            50,
            1,
            null,
            null,
            null,
            null,
            50,
            1,
            1,
          ],
        ],
        posts: [],
        version: state.dashboard,
      };
    },
    bureauGapCounts: async () => {
      calls.gaps += 1;
      return { version: state.gaps, rows: [] };
    },
    bureauEvaluation: async () => {
      calls.evaluation += 1;
      return {
        version: state.evaluation,
        row: {
          excellentShare: 0.2,
          open: assessors.length ? OPEN_CYCLE : null,
          evaluees: 40,
          assessors: assessors.map((a) => ({ ...a, submitted: 0, complete: 0, submittedEvaluees: 0 })),
          grades: null,
          trend: [],
        },
      };
    },
  } as unknown as DashboardsRepository;
  return {
    repo,
    calls,
    state,
    hold() {
      gate = new Promise((resolve) => (release = resolve));
    },
    release: () => release(),
  };
}

describe('bureau figures in memory', () => {
  it('serve for a minute while the version stands, then are computed again (at-risk moves with the clock)', async () => {
    const s = standIn();
    let clock = Date.parse('2026-06-01T00:00:00Z');
    const bureau = createBureauDashboard({ repo: s.repo, access, now: () => new Date(clock) });
    const first = JSON.parse(await bureau.getBureau(actor, { year: 2026 }));
    expect(first.atRisk.total).toBe(1);
    clock += BUREAU_FIGURES_TTL_MS - 1;
    expect(JSON.parse(await bureau.getBureau(actor, { year: 2026 })).asOf).toBe(first.asOf);
    expect(s.calls).toMatchObject({ versions: 2, figures: 1, gaps: 1, evaluation: 1 });
    clock += 1;
    const later = JSON.parse(await bureau.getBureau(actor, { year: 2026 }));
    expect(later.asOf).not.toBe(first.asOf);
    expect(later.atRisk.total).toBe(2);
    // The gap counts and the evaluation do not depend on the clock: still as of their versions.
    expect(s.calls).toMatchObject({ versions: 3, figures: 2, gaps: 1, evaluation: 1 });
    s.state.evaluation += 1n;
    s.state.dashboard += 1n;
    await bureau.getBureau(actor, { year: 2026 });
    expect(s.calls).toMatchObject({ versions: 4, figures: 3, gaps: 1, evaluation: 2 });
  });

  it('compute once for readers arriving together, whatever level they open', async () => {
    const s = standIn();
    const bureau = createBureauDashboard({ repo: s.repo, access });
    s.hold();
    const readers = Array.from({ length: 8 }, (_, i) =>
      bureau.getBureau(actor, {
        year: 2026,
        unitId: i % 2 ? undefined : '00000000-0000-4000-8000-0000000000a1',
      }),
    );
    await new Promise((resolve) => setTimeout(resolve, 10));
    s.release();
    const answers = (await Promise.all(readers)).map((text) => JSON.parse(text));
    expect(s.calls).toMatchObject({ versions: 8, figures: 1, gaps: 1, evaluation: 1 });
    expect(new Set(answers.map((a) => a.asOf)).size).toBe(1);
    expect(answers[1].heatmap.map((r: { unit: { name: string } }) => r.unit.name)).toEqual(['办公室']);
    expect(answers[0].heatmap).toEqual([]);
  });

  it("list a large assessment group's furthest behind, with the totals over all of it", async () => {
    // 15 assessors of 40 evaluees (120 cells each): assessor i has filled 8 × i cells.
    const group = Array.from({ length: 15 }, (_, i) => ({
      id: `00000000-0000-4000-8000-${String(100 + i).padStart(12, '0')}`,
      name: `考核员${String.fromCharCode(0x4e00 + i)}`,
      evaluees: 40,
      filled: 8 * ((i * 7) % 15),
    }));
    const s = standIn(group);
    const bureau = createBureauDashboard({ repo: s.repo, access });
    const { scoring } = JSON.parse(await bureau.getBureau(actor, { year: 2026 }));
    expect(scoring.assessorCount).toBe(15);
    expect(scoring.filledCells).toBe(group.reduce((n, a) => n + a.filled, 0));
    expect(scoring.assessors).toHaveLength(12);
    const listed = scoring.assessors.map((a: { filledCells: number }) => a.filledCells);
    expect(listed).toEqual([...group.map((a) => a.filled)].sort((a, b) => a - b).slice(0, 12));
  });
});
