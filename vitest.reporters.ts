// Under `npm test` every vitest run also writes a JSON report, so the runner can print one summary.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ViteUserConfig } from 'vitest/config';

type Reporters = NonNullable<NonNullable<ViteUserConfig['test']>['reporters']>;

export function reportersFor(configUrl: string): Reporters {
  const dir = process.env.ZEREN_TEST_REPORTS;
  if (!dir) return ['default'];
  const name = path.basename(path.dirname(fileURLToPath(configUrl)));
  return ['default', ['json', { outputFile: path.join(dir, `vitest-${name}.json`) }]];
}
