/**
 * The per-route JavaScript budget, computed from the built chunk graph. Pure: the Vite plugin
 * (route-budget.ts) feeds it the Rollup output and the router's lazy imports; the unit test feeds
 * it small made-up graphs.
 *
 * What a route costs on a first visit (cold cache), in gzipped bytes:
 *   the entry chunk and everything it imports statically (what the login page loads too)
 * + the shell's chunk, its static imports and whatever it loads lazily (every page is inside it)
 * + the page's chunk and its static imports
 * + one of the page's lazily loaded parts, with everything that part loads lazily in turn.
 * A page with several lazy parts (the dashboard: one per tier) is one row per part, because a
 * person sees one of them; nested lazy loads (the chart library behind a dashboard) all count.
 */

export interface ChunkNode {
  file: string;
  gzipBytes: number;
  /** Chunks this one imports statically (loaded with it). */
  imports: readonly string[];
  /** Chunks this one may load later with `import()`. */
  dynamicImports: readonly string[];
  /** Ids of the modules bundled into this chunk. */
  moduleIds: readonly string[];
  isEntry: boolean;
  /** The module a dynamic-import chunk was built for: names a page's variant in the table. */
  facadeModuleId?: string | null;
}

export interface PageSpec {
  /** Module id of the page the router lazy-loads. */
  module: string;
  /** The paths that show it, for the table; empty means the router mapping could not be read. */
  paths: readonly string[];
}

export interface BudgetInput {
  chunks: readonly ChunkNode[];
  /** Module id of the login page: its route is the entry plus this, without the shell. */
  login: PageSpec;
  loginMaxKiB: number;
  /** Module id of the shell (layout) every other page renders inside. */
  shell: string;
  pages: readonly PageSpec[];
  routeMaxKiB: number;
  /** Modules of the chart library (ECharts and its renderer). */
  chartLibrary: RegExp;
  /** Module id of the chart wrapper: a route draws a chart only if it renders this component. */
  chartComponent: string;
  /**
   * Routes known to be over the route budget, by row key (`/ · bureau-dashboard`), with the most
   * they may load until they are brought under it: a ratchet, so they cannot grow meanwhile.
   */
  overBudget?: Readonly<Record<string, number>>;
  /**
   * Modules loaded only on an interaction (`import(/* on-demand *\/ './drawer')`, a form opened
   * by a click): not part of a first visit, so neither counted nor a variant.
   */
  onDemand?: ReadonlySet<string>;
}

export interface RouteRow {
  /** First path, and the variant's module name: what `overBudget` is keyed by. */
  key: string;
  paths: readonly string[];
  /** The page module, relative to nothing in particular: shown trimmed. */
  page: string;
  /** The lazily loaded part this row counts (a tier's dashboard), if the page has several. */
  variant?: string;
  files: string[];
  gzipBytes: number;
  maxKiB: number;
  hasChartLibrary: boolean;
  drawsCharts: boolean;
}

export interface BudgetResult {
  rows: RouteRow[];
  failures: string[];
  /** Exceptions no longer needed: printed, not failed (whoever got a route under should not be stopped). */
  warnings: string[];
}

const KiB = 1024;

export function computeRouteBudgets(input: BudgetInput): BudgetResult {
  const byFile = new Map(input.chunks.map((chunk) => [chunk.file, chunk]));
  const failures: string[] = [];
  const warnings: string[] = [];

  const onDemandFiles = new Set(
    input.chunks
      .filter((chunk) => chunk.facadeModuleId && input.onDemand?.has(chunk.facadeModuleId))
      .map((chunk) => chunk.file),
  );
  const lazyTargets = (file: string) =>
    (byFile.get(file)?.dynamicImports ?? []).filter((target) => !onDemandFiles.has(target));

  const chunkOf = (moduleId: string): ChunkNode | undefined =>
    input.chunks.find((chunk) => chunk.moduleIds.includes(moduleId));

  /** Static closure; with `followDynamic`, lazy imports (and theirs) too. */
  const closure = (starts: Iterable<string>, followDynamic = false, stopAt?: ReadonlySet<string>) => {
    const seen = new Set<string>();
    const stack = [...starts];
    for (let file = stack.pop(); file !== undefined; file = stack.pop()) {
      if (seen.has(file)) continue;
      seen.add(file);
      const chunk = byFile.get(file);
      if (!chunk) continue;
      stack.push(...chunk.imports);
      // Lazy imports made by already-counted shared chunks (entry, shell) are other routes.
      if (followDynamic && !stopAt?.has(file)) stack.push(...lazyTargets(file));
    }
    return seen;
  };

  const entries = input.chunks.filter((chunk) => chunk.isEntry).map((chunk) => chunk.file);
  const base = closure(entries);

  const sizeOf = (files: Set<string>) =>
    [...files].reduce((sum, file) => sum + (byFile.get(file)?.gzipBytes ?? 0), 0);
  const hasChartLibrary = (files: Set<string>) =>
    [...files].some((file) => byFile.get(file)?.moduleIds.some((id) => input.chartLibrary.test(id)));
  const containsModule = (files: Set<string>, moduleId: string) =>
    [...files].some((file) => byFile.get(file)?.moduleIds.includes(moduleId));

  const rows: RouteRow[] = [];
  const addRow = (
    row: Omit<RouteRow, 'key' | 'files' | 'gzipBytes' | 'hasChartLibrary' | 'drawsCharts'>,
    files: Set<string>,
  ) => {
    const variantModule = row.variant === undefined ? undefined : byFile.get(row.variant)?.facadeModuleId;
    const variantName = row.variant === undefined ? undefined : baseName(variantModule ?? row.variant);
    rows.push({
      ...row,
      key: `${row.paths[0] ?? baseName(row.page)}${variantName ? ` · ${variantName}` : ''}`,
      files: [...files].sort(),
      gzipBytes: sizeOf(files),
      hasChartLibrary: hasChartLibrary(files),
      drawsCharts: containsModule(files, input.chartComponent),
    });
  };

  // The login route: entry + login page, statically (its form posts; the shell loads after).
  const loginChunk = chunkOf(input.login.module);
  if (!loginChunk) failures.push(`No chunk contains the login page ${input.login.module}.`);
  else {
    addRow(
      { paths: input.login.paths, page: input.login.module, maxKiB: input.loginMaxKiB },
      closure([...base, loginChunk.file]),
    );
  }

  const shellChunk = chunkOf(input.shell);
  if (!shellChunk) {
    failures.push(`No chunk contains the shell ${input.shell}.`);
    return { rows, failures, warnings };
  }
  const shell = closure([...base, shellChunk.file], true, base);

  for (const page of input.pages) {
    if (page.paths.length === 0) {
      failures.push(
        `The router lazy-loads ${page.module}, but no route path could be mapped to it: ` +
          'give it a path the budget check can read (see tooling/router-routes.ts).',
      );
    }
    const pageChunk = chunkOf(page.module);
    if (!pageChunk) {
      failures.push(`No chunk contains the page ${page.module}; is it still lazy-loaded by the router?`);
      continue;
    }
    const staticFiles = closure([...shell, pageChunk.file]);
    // Lazy parts the page itself loads (not those of the entry or shell: those are other routes).
    const lazyParts = new Set<string>();
    for (const file of staticFiles) {
      if (shell.has(file)) continue;
      for (const target of lazyTargets(file)) {
        if (!staticFiles.has(target)) lazyParts.add(target);
      }
    }
    const counted = new Set([...shell, ...staticFiles]);
    if (lazyParts.size === 0) {
      addRow({ paths: page.paths, page: page.module, maxKiB: input.routeMaxKiB }, staticFiles);
      continue;
    }
    // Lazy parts that every variant loads anyway (the chart library behind several dashboards)
    // would make each of them a variant of its own: a variant is a part no other part loads.
    const partClosures = new Map([...lazyParts].map((part) => [part, closure([part], true, counted)]));
    const variants = [...lazyParts].filter(
      (part) => ![...partClosures].some(([other, files]) => other !== part && files.has(part)),
    );
    for (const variant of variants) {
      const files = new Set([...staticFiles, ...(partClosures.get(variant) ?? [])]);
      addRow({ paths: page.paths, page: page.module, variant, maxKiB: input.routeMaxKiB }, files);
    }
  }

  const overBudget = input.overBudget ?? {};
  for (const row of rows) {
    const name = describe(row);
    const ceiling = overBudget[row.key];
    const limitKiB = ceiling ?? row.maxKiB;
    if (row.gzipBytes > limitKiB * KiB) {
      const largest = row.files
        .map((file) => [file, byFile.get(file)?.gzipBytes ?? 0] as const)
        .sort((a, b) => b[1] - a[1])
        .slice(0, 5)
        .map(([file, bytes]) => `${file} ${kib(bytes)}`)
        .join(', ');
      failures.push(
        ceiling === undefined
          ? `${name} loads ${kib(row.gzipBytes)} of JS, over its ${row.maxKiB} KiB budget. Largest: ${largest}`
          : `${name} loads ${kib(row.gzipBytes)} of JS: it is a known exception to the ${row.maxKiB} KiB budget, ` +
              `allowed ${ceiling} KiB until it is brought under, and it grew past that. Largest: ${largest}`,
      );
    }
    if (row.hasChartLibrary && !row.drawsCharts) {
      failures.push(
        `${name} loads the chart library but draws no chart: import it only through the chart component.`,
      );
    }
  }
  const keys = new Set(rows.map((row) => row.key));
  for (const key of Object.keys(overBudget)) {
    const row = rows.find((candidate) => candidate.key === key);
    if (!keys.has(key)) warnings.push(`The budget exception "${key}" matches no route: remove it.`);
    else if (row && row.gzipBytes <= row.maxKiB * KiB) {
      warnings.push(
        `${key} is within the ${row.maxKiB} KiB budget now (${kib(row.gzipBytes)}): remove its exception.`,
      );
    }
  }
  // The chart library in the entry or the shell would be on every route, chart or not.
  if (hasChartLibrary(shell))
    failures.push('The chart library is in the entry or the shell: every route would load it.');

  return { rows, failures, warnings };
}

export const kib = (bytes: number) => `${(bytes / KiB).toFixed(1)} KiB`;

const shortName = (id: string) =>
  id
    .replace(/\\/g, '/')
    .replace(/^.*\/src\//, '')
    .replace(/\.[jt]sx?$/, '');

const baseName = (id: string) =>
  id
    .replace(/\\/g, '/')
    .replace(/^.*\//, '')
    .replace(/\.[jt]sx?$/, '');

export function describe(row: Pick<RouteRow, 'key' | 'paths' | 'page'>): string {
  return row.paths.length > 0 ? row.key : `(unmapped) ${shortName(row.page)}`;
}

/** The table printed after each build; `exceptions` are the keys of `overBudget`. */
export function formatTable(rows: readonly RouteRow[], exceptions: ReadonlySet<string> = new Set()): string {
  const lines = rows.map((row) => {
    const others = row.paths.slice(1);
    const name =
      row.paths.length === 0
        ? describe(row)
        : others.length > 0
          ? `${row.key} (+${others.length} paths)`
          : row.key;
    const mark =
      row.gzipBytes <= row.maxKiB * KiB ? '' : exceptions.has(row.key) ? ' over (known exception)' : ' OVER';
    return `  ${name.padEnd(52)} ${kib(row.gzipBytes).padStart(10)} ${String(row.files.length).padStart(5)}  ${String(row.maxKiB).padStart(4)}  ${row.hasChartLibrary ? 'yes   ' : '      '}${mark}`;
  });
  const header = `  ${'route'.padEnd(52)} ${'JS gzip'.padStart(10)} ${'files'.padStart(5)}  ${'max'.padStart(4)}  charts`;
  return ['JS per route, first visit (gzip):', header, ...lines].join('\n');
}
