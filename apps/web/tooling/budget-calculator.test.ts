import { describe, expect, it } from 'vitest';
import { computeRouteBudgets, formatTable, type BudgetInput, type ChunkNode } from './budget-calculator.ts';

const KiB = 1024;

/** A chunk of `kib` gzipped KiB holding the given modules. */
const chunk = (
  file: string,
  kib: number,
  moduleIds: string[],
  links: { imports?: string[]; dynamicImports?: string[]; isEntry?: boolean } = {},
): ChunkNode => ({
  file,
  gzipBytes: kib * KiB,
  imports: links.imports ?? [],
  dynamicImports: links.dynamicImports ?? [],
  moduleIds,
  isEntry: links.isEntry ?? false,
  facadeModuleId: moduleIds[0],
});

/**
 * entry (60) ─static→ framework (40)
 *   ├─lazy→ login (5)
 *   ├─lazy→ shell (100) ─static→ antd (50)
 *   ├─lazy→ targets page (30) ─static→ antd
 *   └─lazy→ dashboard page (20) ─lazy→ tier1 (10) ─static→ chart (2) ─lazy→ echarts (180)
 *                               └─lazy→ tier4 (15) ─static→ chart
 */
const graph = (): ChunkNode[] => [
  chunk('index.js', 60, ['/app/src/main.tsx', '/app/src/app/router.tsx'], {
    isEntry: true,
    imports: ['framework.js'],
    dynamicImports: ['login.js', 'layout.js', 'targets.js', 'dashboard.js'],
  }),
  chunk('framework.js', 40, ['/app/node_modules/react/index.js']),
  chunk('login.js', 5, ['/app/src/login-page.tsx']),
  chunk('layout.js', 100, ['/app/src/app/layout.tsx'], { imports: ['antd.js', 'framework.js'] }),
  chunk('antd.js', 50, ['/app/node_modules/antd/es/button.js']),
  chunk('targets.js', 30, ['/app/src/routes/targets.tsx'], { imports: ['antd.js'] }),
  chunk('dashboard.js', 20, ['/app/src/routes/dashboard.tsx'], { dynamicImports: ['tier1.js', 'tier4.js'] }),
  chunk('tier1.js', 10, ['/app/src/bureau-dashboard.tsx'], { imports: ['chart.js'] }),
  chunk('tier4.js', 15, ['/app/src/personal-dashboard.tsx'], { imports: ['chart.js'] }),
  chunk('chart.js', 2, ['/app/src/chart/chart.tsx'], { dynamicImports: ['echarts.js'] }),
  chunk('echarts.js', 180, ['/app/src/chart/echart.tsx', '/app/node_modules/echarts/lib/core.js']),
];

const input = (overrides: Partial<BudgetInput> = {}): BudgetInput => ({
  chunks: graph(),
  login: { module: '/app/src/login-page.tsx', paths: ['/login'] },
  loginMaxKiB: 200,
  shell: '/app/src/app/layout.tsx',
  pages: [
    { module: '/app/src/routes/targets.tsx', paths: ['/targets'] },
    { module: '/app/src/routes/dashboard.tsx', paths: ['/'] },
  ],
  routeMaxKiB: 480,
  chartLibrary: /[\\/]node_modules[\\/](echarts|zrender)[\\/]/,
  chartComponent: '/app/src/chart/chart.tsx',
  ...overrides,
});

const kibOf = (result: ReturnType<typeof computeRouteBudgets>, key: string) =>
  (result.rows.find((row) => row.key === key)?.gzipBytes ?? Number.NaN) / KiB;

describe('computeRouteBudgets', () => {
  it('counts the entry and its static imports plus the page for the login route, without the shell', () => {
    const result = computeRouteBudgets(input());
    expect(kibOf(result, '/login')).toBe(60 + 40 + 5);
    expect(result.failures).toEqual([]);
  });

  it('counts entry, shell and page, sharing a chunk once', () => {
    const result = computeRouteBudgets(input());
    // antd is imported by both the shell and the page: counted once.
    expect(kibOf(result, '/targets')).toBe(60 + 40 + 100 + 50 + 30);
  });

  it('makes one row per lazily loaded part of a page, each with the lazy loads nested under it', () => {
    const result = computeRouteBudgets(input());
    const base = 60 + 40 + 100 + 50 + 20;
    expect(kibOf(result, '/ · bureau-dashboard')).toBe(base + 10 + 2 + 180);
    expect(kibOf(result, '/ · personal-dashboard')).toBe(base + 15 + 2 + 180);
    // ECharts is loaded by both parts, so it is not a variant of its own.
    expect(result.rows.filter((row) => row.paths[0] === '/')).toHaveLength(2);
  });

  it('does not count the lazy imports of the entry (other routes) in a route', () => {
    const result = computeRouteBudgets(input());
    const targets = result.rows.find((row) => row.key === '/targets');
    expect(targets?.files).not.toContain('dashboard.js');
    expect(targets?.files).not.toContain('login.js');
  });

  it('fails a route over the route budget and names its largest chunks', () => {
    const result = computeRouteBudgets(input({ routeMaxKiB: 400 }));
    expect(result.failures).toHaveLength(2);
    expect(result.failures[0]).toMatch(
      /^\/ · bureau-dashboard loads 462\.0 KiB of JS, over its 400 KiB budget\. Largest: echarts\.js 180\.0 KiB/,
    );
  });

  it('fails the login route over its own budget', () => {
    const result = computeRouteBudgets(input({ loginMaxKiB: 100 }));
    expect(result.failures).toEqual([
      expect.stringMatching(/^\/login loads 105\.0 KiB of JS, over its 100 KiB budget/),
    ]);
  });

  it('fails a route that loads the chart library without the chart component', () => {
    const chunks = graph().map((node) =>
      node.file === 'targets.js' ? { ...node, dynamicImports: ['echarts.js'] } : node,
    );
    const result = computeRouteBudgets(input({ chunks }));
    expect(result.failures).toEqual([
      '/targets · echart loads the chart library but draws no chart: import it only through the chart component.',
    ]);
  });

  it('fails when the chart library is in the shell, i.e. on every route', () => {
    const chunks = graph().map((node) =>
      node.file === 'layout.js' ? { ...node, imports: [...node.imports, 'echarts.js'] } : node,
    );
    const result = computeRouteBudgets(input({ chunks }));
    expect(result.failures).toContain(
      'The chart library is in the entry or the shell: every route would load it.',
    );
    expect(result.failures.some((failure) => failure.startsWith('/targets loads the chart library'))).toBe(
      true,
    );
  });

  it('fails a lazily loaded page no route path maps to, and one that was not built', () => {
    const result = computeRouteBudgets(
      input({
        pages: [
          { module: '/app/src/routes/targets.tsx', paths: [] },
          { module: '/app/src/routes/gone.tsx', paths: ['/gone'] },
        ],
      }),
    );
    expect(result.failures).toEqual([
      expect.stringContaining(
        'The router lazy-loads /app/src/routes/targets.tsx, but no route path could be mapped to it',
      ),
      'No chunk contains the page /app/src/routes/gone.tsx; is it still lazy-loaded by the router?',
    ]);
  });

  it('holds a known exception to its ceiling, and warns to remove it once the route is under budget', () => {
    const within = computeRouteBudgets(
      input({ routeMaxKiB: 400, overBudget: { '/ · bureau-dashboard': 470, '/ · personal-dashboard': 480 } }),
    );
    expect(within.failures).toEqual([]);
    const grown = computeRouteBudgets(
      input({ routeMaxKiB: 400, overBudget: { '/ · bureau-dashboard': 450, '/ · personal-dashboard': 480 } }),
    );
    expect(grown.failures).toEqual([
      expect.stringMatching(/^\/ · bureau-dashboard loads 462\.0 KiB of JS: it is a known exception/),
    ]);
    const stale = computeRouteBudgets(input({ overBudget: { '/targets': 500, '/nowhere': 500 } }));
    expect(stale.failures).toEqual([]);
    expect(stale.warnings).toEqual([
      '/targets is within the 480 KiB budget now (280.0 KiB): remove its exception.',
      'The budget exception "/nowhere" matches no route: remove it.',
    ]);
  });

  it('prints one line per route', () => {
    const result = computeRouteBudgets(input({ routeMaxKiB: 400 }));
    const table = formatTable(result.rows);
    expect(table.split('\n')).toHaveLength(2 + result.rows.length);
    expect(table).toMatch(/\/ · bureau-dashboard\s+462\.0 KiB\s+8\s+400\s+yes\s+OVER/);
  });
});
