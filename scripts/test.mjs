#!/usr/bin/env node
// `npm test`: lint, typecheck and unit tests (in parallel through turbo), then API integration
// tests against a real Postgres, then Playwright in real Chromium. Stops at the first failing stage
// and ends with one summary line of every test counted.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const reports = path.join(root, '.data/test-reports');
rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });

const env = {
  ...process.env,
  TURBO_TELEMETRY_DISABLED: '1',
  ZEREN_TEST_REPORTS: reports,
  FORCE_COLOR: process.env.CI ? '0' : '1',
};
const turbo = (...args) => [
  'npx',
  ['turbo', 'run', ...args, '--output-logs=new-only', '--log-order=grouped'],
];

const stages = [
  ['lint, typecheck, unit', turbo('lint', 'typecheck', 'test:unit')],
  ['format', ['npx', ['prettier', '--check', '--log-level=warn', '.']]],
  ['integration', turbo('test:integration', '--concurrency=1')],
  ['e2e', turbo('test:e2e', '--concurrency=1')],
];

function summarise() {
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  for (const file of existsSync(reports) ? readdirSync(reports) : []) {
    const report = JSON.parse(readFileSync(path.join(reports, file), 'utf8'));
    if (report.stats) {
      // Playwright JSON reporter
      passed += report.stats.expected ?? 0;
      failed += (report.stats.unexpected ?? 0) + (report.stats.flaky ?? 0);
      skipped += report.stats.skipped ?? 0;
    } else {
      // Vitest JSON reporter
      passed += report.numPassedTests ?? 0;
      failed += report.numFailedTests ?? 0;
      skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
    }
  }
  return { passed, failed, skipped };
}

let failedStage;
for (const [name, [command, args]] of stages) {
  console.log(`\n▶ ${name}`);
  const started = Date.now();
  const result = spawnSync(command, args, { cwd: root, env, stdio: 'inherit' });
  console.log(
    `■ ${name}: ${result.status === 0 ? 'ok' : 'FAILED'} in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
  if (result.status !== 0) {
    failedStage = name;
    break;
  }
}

const { passed, failed, skipped } = summarise();
console.log(`\nSummary: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
if (failedStage) {
  console.error(`npm test failed in stage: ${failedStage}`);
  process.exit(1);
}
