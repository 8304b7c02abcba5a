// `turbo run build` for the API: one ES module, dist/main.js, that `npm start`, `npm run bench`
// and the e2e and resilience tests run with plain `node` (docs/architecture.md "Runtime and build").
//
// The workspace packages (@zeren/contracts, @zeren/domain), the generated Prisma client and the
// demo seed are bundled; every npm package stays external and loads from node_modules, so native
// and Wasm pieces (@node-rs/argon2, Prisma's query compiler) load exactly as they do under tsx.
// A file a module reads through `new URL('./file', import.meta.url)` is copied next to the bundle
// and the URL pointed at the copy. dist/main.js sits as deep as src/main.ts, so paths computed
// from import.meta.url (repoRoot in src/config.ts) resolve the same from either.
//
// `buildApi()` is also called by the bench and the e2e and resilience set-ups, so they never run
// a stale bundle. Files are written under temporary names and renamed into place: a build running
// while another process starts the server never hands it half a file.
import { copyFileSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';

const apiRoot = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(apiRoot, '../..');
const distDir = path.join(apiRoot, 'dist');

/**
 * Bundle our own TypeScript (this app and the @zeren/* workspace packages, which export their
 * sources); load every npm package from node_modules at run time. (esbuild's `packages: 'external'`
 * would leave the workspace packages external too, and Node cannot load their .ts sources.)
 */
const npmPackagesExternal: esbuild.Plugin = {
  name: 'npm-packages-external',
  setup(build) {
    build.onResolve({ filter: /^[^./]/ }, (args) =>
      args.path.startsWith('@zeren/') ? undefined : { path: args.path, external: true },
    );
  },
};

const ASSET_URL = /new URL\(\s*(['"])(\.{1,2}\/[^'"]+)\1\s*,\s*import\.meta\.url\s*\)/g;

/** Copies files read through `new URL('./x', import.meta.url)` into dist and points the URL there. */
function assetsNextToBundle(assets: Map<string, string>): esbuild.Plugin {
  return {
    name: 'assets-next-to-bundle',
    setup(build) {
      build.onLoad({ filter: /\.[cm]?ts$/ }, (args) => {
        if (args.path.includes(`${path.sep}node_modules${path.sep}`)) return undefined;
        const source = readFileSync(args.path, 'utf8');
        if (!source.includes('import.meta.url')) return undefined;
        const contents = source.replace(ASSET_URL, (_match, quote: string, relative: string) => {
          const from = path.resolve(path.dirname(args.path), relative);
          const name = path.basename(from);
          const known = assets.get(name);
          if (known && known !== from) throw new Error(`two assets named ${name}: ${known} and ${from}`);
          assets.set(name, from);
          return `new URL(${quote}./${name}${quote}, import.meta.url)`;
        });
        return { contents, loader: 'ts' };
      });
    },
  };
}

function moveIntoPlace(write: (temporary: string) => void, file: string) {
  const temporary = `${file}.${process.pid}.tmp`;
  write(temporary);
  renameSync(temporary, file);
}

/** Bundles src/main.ts into dist/main.js (+ source map and assets). */
export async function buildApi(): Promise<{ ms: number; assets: string[] }> {
  const started = performance.now();
  const assets = new Map<string, string>();
  const result = await esbuild.build({
    entryPoints: [path.join(apiRoot, 'src/main.ts')],
    outfile: path.join(distDir, 'main.js'),
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20.19',
    // Stack traces point at the TypeScript sources (node --enable-source-maps).
    sourcemap: 'linked',
    sourcesContent: false,
    // Class and function names as in the sources (error names in logs, stack traces).
    keepNames: true,
    legalComments: 'none',
    logLevel: 'warning',
    write: false,
    plugins: [npmPackagesExternal, assetsNextToBundle(assets)],
  });
  mkdirSync(distDir, { recursive: true });
  for (const file of result.outputFiles) moveIntoPlace((t) => writeFileSync(t, file.contents), file.path);
  for (const [name, from] of assets) moveIntoPlace((t) => copyFileSync(from, t), path.join(distDir, name));
  return { ms: Math.round(performance.now() - started), assets: [...assets.keys()] };
}

/**
 * How `npm start` runs the built API: the `node …` command after the last `&&` of the root
 * package.json's start script, as arguments for `spawn(process.execPath, …)` (the script path made
 * absolute). The bench and the tests start the server with exactly these flags.
 */
export function productionNodeArgs(): string[] {
  const { scripts } = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as {
    scripts: Record<string, string>;
  };
  const words = (scripts.start ?? '').split('&&').at(-1)!.trim().split(/\s+/);
  const script = words.at(-1) ?? '';
  if (words[0] !== 'node' || !script.endsWith('.js') || words.slice(1, -1).some((w) => !w.startsWith('-')))
    throw new Error(`the root start script does not end in "node [flags] <file>.js": ${scripts.start}`);
  return [...words.slice(1, -1), path.join(repoRoot, script)];
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { ms, assets } = await buildApi();
  process.stdout.write(`apps/api/dist/main.js built in ${ms} ms (assets: ${assets.join(', ')})\n`);
}
