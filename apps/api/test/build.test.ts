// The production bundle (apps/api/build.ts, docs/architecture.md "Runtime and build"): what
// `npm start` runs, and what the bundle must and must not contain. The server started from it is
// exercised by two-instances.test.ts, the resilience tests and the e2e suite.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildApi, productionNodeArgs } from '../build';
import { repoRoot } from '../src/config';

const dist = path.join(repoRoot, 'apps/api/dist');

describe('the production bundle', () => {
  it('is what npm start runs: plain node with the start script flags, no tsx', () => {
    const args = productionNodeArgs();
    expect(args.at(-1)).toBe(path.join(dist, 'main.js'));
    expect(args.slice(0, -1).every((a) => a.startsWith('--'))).toBe(true);
    expect(args).toContain('--enable-source-maps');
    expect(args.join(' ')).not.toMatch(/tsx/);
  });

  it('bundles the workspace packages, keeps npm packages external and exceljs out of the start', async () => {
    const { assets } = await buildApi();
    const bundle = readFileSync(path.join(dist, 'main.js'), 'utf8');
    const staticImports = [...bundle.matchAll(/^import .* from "([^"]+)";$/gm)].map((m) => m[1]);
    expect(staticImports).toContain('express');
    expect(staticImports.filter((s) => s!.startsWith('@zeren/'))).toEqual([]);
    // Loaded on the first spreadsheet request (src/lib/exceljs.ts), not at start.
    expect(staticImports).not.toContain('exceljs');
    expect(bundle).toContain('import("exceljs")');
    // Files read next to the module at run time are copied next to the bundle.
    expect(assets.sort()).toEqual(['common-passwords.txt', 'prisma-cli-preload.cjs']);
    for (const name of [...assets, 'main.js.map']) expect(existsSync(path.join(dist, name))).toBe(true);
  });
});
