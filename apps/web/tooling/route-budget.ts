import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Plugin } from 'vite';
import { computeRouteBudgets, formatTable, type ChunkNode, type PageSpec } from './budget-calculator.ts';
import { readNavEntries, readRouterLazyImports } from './router-routes.ts';

/**
 * After each production build, prints the gzipped JavaScript every route loads on a first visit
 * and fails the build (so `npm run build`, `npm start` and the e2e stage of `npm test`) when:
 * - the login route exceeds its budget (it loads no shell and no antd);
 * - any other route exceeds the route budget;
 * - a route loads the chart library without rendering the chart component;
 * - the router lazy-loads a module no route path can be mapped to.
 * A lazy import marked `import(/* on-demand *\/ './x')` (a drawer opened by a click) is not part of
 * a first visit and is not counted.
 * The routes are read from the router itself: every `import()` in it is a page (see
 * router-routes.ts), so a new page is checked the day it is added.
 */
export interface RouteBudgetOptions {
  /** Files relative to the app root. */
  router: string;
  navigation: string;
  login: string;
  shell: string;
  chartComponent: string;
  chartLibrary: RegExp;
  loginMaxKiB: number;
  routeMaxKiB: number;
  /** Known exceptions to `routeMaxKiB` by route key, each with its ceiling in KiB (a ratchet). */
  overBudget?: Readonly<Record<string, number>>;
}

export function routeBudget(options: RouteBudgetOptions): Plugin {
  let root = process.cwd();
  return {
    name: 'zeren:route-budget',
    apply: 'build',
    configResolved(config) {
      root = config.root;
    },
    async generateBundle(_outputOptions, bundle) {
      const absolute = (file: string) => path.resolve(root, file);
      const routerId = absolute(options.router);
      const routerInfo = this.getModuleInfo(routerId);
      if (!routerInfo) this.error(`Route budget: the router ${options.router} is not in the build.`);

      // Each lazy import of the router, resolved to the module the bundler built.
      const navEntries = readNavEntries(readFileSync(absolute(options.navigation), 'utf8'));
      const resolveConstant = (name: string, specifier: string) => {
        const file = specifier.startsWith('@/') ? absolute(`src/${specifier.slice(2)}`) : undefined;
        for (const extension of ['.ts', '.tsx']) {
          try {
            const source = readFileSync(`${file}${extension}`, 'utf8');
            return new RegExp(`export const ${name}\\s*=\\s*'([^']*)'`).exec(source)?.[1];
          } catch {
            // try the next extension
          }
        }
        return undefined;
      };
      const lazyImports = readRouterLazyImports(readFileSync(routerId, 'utf8'), navEntries, resolveConstant);
      const pathsById = new Map<string, string[]>();
      for (const { specifier, paths } of lazyImports) {
        const resolved = await this.resolve(specifier, routerId);
        if (!resolved) this.error(`Route budget: cannot resolve ${specifier} from the router.`);
        pathsById.set(resolved.id, paths);
      }
      // The bundler's list is the truth; the source reading only names them.
      const lazyIds = routerInfo.dynamicallyImportedIds;
      const pageOf = (id: string): PageSpec => ({ module: id, paths: pathsById.get(id) ?? [] });
      const loginId = absolute(options.login);
      const shellId = absolute(options.shell);
      for (const required of [loginId, shellId]) {
        if (!lazyIds.includes(required)) {
          this.error(`Route budget: the router no longer lazy-loads ${path.relative(root, required)}.`);
        }
      }

      // `import(/* on-demand */ './x')` in the app's own source: loaded on an interaction.
      const onDemand = new Set<string>();
      for (const id of this.getModuleIds()) {
        if (id.includes('/node_modules/') || !id.startsWith(absolute('src'))) continue;
        if ((this.getModuleInfo(id)?.dynamicallyImportedIds.length ?? 0) === 0) continue;
        const source = readFileSync(id, 'utf8');
        for (const match of source.matchAll(/import\(\s*\/\*\s*on-demand\s*\*\/\s*['"]([^'"]+)['"]/g)) {
          const resolved = await this.resolve(match[1] ?? '', id);
          if (resolved) onDemand.add(resolved.id);
        }
      }

      const chunks: ChunkNode[] = [];
      for (const output of Object.values(bundle)) {
        if (output.type !== 'chunk') continue;
        chunks.push({
          file: output.fileName,
          gzipBytes: gzipSync(output.code).length,
          imports: output.imports,
          dynamicImports: output.dynamicImports,
          moduleIds: output.moduleIds,
          isEntry: output.isEntry,
          facadeModuleId: output.facadeModuleId,
        });
      }

      const { rows, failures, warnings } = computeRouteBudgets({
        chunks,
        login: pageOf(loginId),
        loginMaxKiB: options.loginMaxKiB,
        shell: shellId,
        pages: lazyIds.filter((id) => id !== loginId && id !== shellId).map(pageOf),
        routeMaxKiB: options.routeMaxKiB,
        chartLibrary: options.chartLibrary,
        chartComponent: absolute(options.chartComponent),
        overBudget: options.overBudget,
        onDemand,
      });
      this.info(`\n${formatTable(rows, new Set(Object.keys(options.overBudget ?? {})))}`);
      for (const warning of warnings) this.warn(`Route budget: ${warning}`);
      if (failures.length > 0) this.error(`Route budget:\n- ${failures.join('\n- ')}`);
    },
  };
}
