import { gzipSync } from 'node:zlib';
import type { Plugin } from 'vite';

/**
 * After each production build, prints the gzipped JavaScript each named route loads (the entry
 * chunk, the route's lazy chunk and everything they import statically) and fails the build when
 * a route exceeds its budget. This keeps "the login page stays light" a checked fact.
 */
export interface RouteBudget {
  name: string;
  /** Source files whose lazy chunks the route loads, relative to the app root. */
  modules: string[];
  /** Budget in KiB (gzipped JS); omit to only report. */
  maxKiB?: number;
}

interface ChunkInfo {
  code: string;
  imports: string[];
  facadeModuleId: string | null;
  isEntry: boolean;
}

const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;

export function routeBudget(budgets: RouteBudget[]): Plugin {
  return {
    name: 'zeren:route-budget',
    apply: 'build',
    generateBundle(_options, bundle) {
      const chunks = new Map<string, ChunkInfo>();
      for (const output of Object.values(bundle)) {
        if (output.type === 'chunk') chunks.set(output.fileName, output);
      }
      const entries = [...chunks].filter(([, chunk]) => chunk.isEntry).map(([file]) => file);
      const sizes = new Map<string, number>();
      const gzipped = (file: string) => {
        let size = sizes.get(file);
        if (size === undefined) {
          size = gzipSync(chunks.get(file)?.code ?? '').length;
          sizes.set(file, size);
        }
        return size;
      };
      const closure = (starts: string[]) => {
        const seen = new Set<string>();
        const stack = [...starts];
        for (let file = stack.pop(); file !== undefined; file = stack.pop()) {
          if (seen.has(file)) continue;
          seen.add(file);
          stack.push(...(chunks.get(file)?.imports ?? []));
        }
        return seen;
      };

      const failures: string[] = [];
      const lines = ['', 'JS per route (gzip):'];
      for (const budget of budgets) {
        const starts = [...entries];
        for (const module of budget.modules) {
          const normalized = module.replace(/^\.?\//, '');
          const match = [...chunks].find(([, chunk]) =>
            chunk.facadeModuleId?.replaceAll('\\', '/').endsWith(`/${normalized}`),
          );
          if (!match) {
            failures.push(`${budget.name}: no chunk is built from ${module}; is it still lazy-loaded?`);
            continue;
          }
          starts.push(match[0]);
        }
        const files = closure(starts);
        const total = [...files].reduce((sum, file) => sum + gzipped(file), 0);
        const limit = budget.maxKiB === undefined ? '' : ` (budget ${budget.maxKiB} KiB)`;
        lines.push(`  ${budget.name.padEnd(28)} ${kib(total).padStart(10)} in ${files.size} files${limit}`);
        if (budget.maxKiB !== undefined && total > budget.maxKiB * 1024) {
          const largest = [...files]
            .sort((a, b) => gzipped(b) - gzipped(a))
            .slice(0, 5)
            .map((file) => `${file} ${kib(gzipped(file))}`)
            .join(', ');
          failures.push(
            `${budget.name} loads ${kib(total)}, over its ${budget.maxKiB} KiB budget. Largest: ${largest}`,
          );
        }
      }
      this.info(lines.join('\n'));
      if (failures.length > 0) this.error(failures.join('\n'));
    },
  };
}
