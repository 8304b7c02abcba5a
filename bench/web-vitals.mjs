#!/usr/bin/env node
// `npm run bench:web`: how fast the built app draws in Chromium, served by the API as in production.
//
// 1. Builds the web app into $TMPDIR/zeren-web-vitals (--no-build: serve apps/web/dist), starts
//    the API on --port (default 3104) against the local Postgres cluster (.data/pg on 54320,
//    database `zeren`) or DATABASE_URL, serving that build as `npm start` does. The cluster
//    must already hold the demo bureau and, for --org, the organisation `npm run seed:scale` made
//    (its accounts are in bench/accounts.json).
// 2. For each run, a fresh browser context (cold HTTP cache, no session):
//    - login LCP: open /login, read the last `largest-contentful-paint` entry once the page is
//      loaded and quiet;
//    - dashboard drawn: log in through the API (so the session cookie is set), open /, and take
//      `performance.now()` (ms since navigation start) at the first animation frame in which
//      the tier dashboard is mounted, no skeleton or spinner is left, every table has rows and
//      every chart reports `data-chart-state` drawn (first frame painted with its data; see
//      features/dashboards/components/chart/echart.tsx). `settled` (entry animations over) is
//      reported too.
//    Each is measured with no CPU throttling and with 4× (CDP Emulation.setCPUThrottlingRate).
// 3. Prints median and max per measurement and writes .data/web-vitals/results.json.
//
// Options: --runs N (default 7), --port P, --org <name in bench/accounts.json> (default
// city-20000-42), --no-build, --no-server (use an app already running at --url), --url U.
/* eslint-disable no-console -- a command-line report */
/* global window, document, requestAnimationFrame -- the functions passed to the page run there */
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const index = args.indexOf(`--${name}`);
  return index >= 0 && args[index + 1] !== undefined ? args[index + 1] : fallback;
};
const flag = (name) => args.includes(`--${name}`);

const runs = Number(option('runs', '7'));
const port = Number(option('port', '3104'));
const baseUrl = option('url', `http://127.0.0.1:${port}`);
const orgName = option('org', 'city-20000-42');
const password = 'zeren-demo';
const throttles = [1, 4];
const resultsFile = path.join(root, '.data/web-vitals/results.json');

const accounts = JSON.parse(readFileSync(path.join(root, 'bench/accounts.json'), 'utf8'));
const org = accounts.organisations?.[orgName];
if (!org)
  throw new Error(`bench/accounts.json has no organisation "${orgName}"; run npm run seed:scale first`);
const scaleDirector = org.accounts.find((account) => account.role === 'director')?.username;
const scenarios = [
  { name: 'demo', username: 'director', people: 'demo bureau' },
  { name: orgName, username: scaleDirector, people: `${org.people} people` },
];

// Its own copy of the build: another `vite build` empties apps/web/dist while it runs. Not under
// .data: Express's static file serving refuses paths with a dot-folder in them.
const webDist = flag('no-build')
  ? path.join(root, 'apps/web/dist')
  : path.join(os.tmpdir(), 'zeren-web-vitals');
if (!flag('no-build')) {
  console.log(`building the web app into ${webDist}…`);
  const build = spawnSync(
    'npx',
    ['vite', 'build', '--logLevel', 'warn', '--outDir', webDist, '--emptyOutDir'],
    {
      cwd: path.join(root, 'apps/web'),
      stdio: 'inherit',
    },
  );
  if (build.status !== 0) process.exit(build.status ?? 1);
}

let server;
if (!flag('no-server')) server = await startApi();
const loadBefore = os.loadavg();

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
});

const results = [];
try {
  for (const throttle of throttles) {
    const lcp = [];
    for (let run = 0; run < runs; run++) lcp.push(await measureLoginLcp(throttle));
    results.push(summary(`login LCP`, 'demo', throttle, lcp));
    for (const scenario of scenarios) {
      const measured = [];
      for (let run = 0; run < runs; run++) measured.push(await measureDashboard(scenario, throttle));
      const pick = (key) => measured.map((result) => result[key]);
      results.push(summary('tier-1 dashboard drawn', scenario.name, throttle, pick('drawn')));
      results.push(summary('  last script loaded', scenario.name, throttle, pick('scripts')));
      results.push(summary('  dashboard data loaded', scenario.name, throttle, pick('data')));
      results.push(summary('  charts settled', scenario.name, throttle, pick('settled')));
    }
  }
} finally {
  await browser.close();
  await stopApi();
}

const loadAfter = os.loadavg();
const loads = (values) => values.map((value) => value.toFixed(2)).join(' / ');
console.log(`\n${os.cpus().length} CPU(s), ${runs} runs each, cold cache, ${baseUrl}`);
console.log(`load average (1/5/15 min) before ${loads(loadBefore)}, after ${loads(loadAfter)}`);
console.log('measurement                 data                CPU   median      max');
for (const row of results) {
  console.log(
    `${row.measurement.padEnd(27)} ${row.data.padEnd(18)} ${`${row.throttle}×`.padStart(4)} ${`${row.median} ms`.padStart(9)} ${`${row.max} ms`.padStart(8)}`,
  );
}
mkdirSync(path.dirname(resultsFile), { recursive: true });
writeFileSync(
  resultsFile,
  `${JSON.stringify(
    { measuredAt: new Date().toISOString(), cpus: os.cpus().length, loadBefore, loadAfter, runs, results },
    null,
    2,
  )}\n`,
);

function summary(measurement, data, throttle, values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  const row = {
    measurement,
    data,
    throttle,
    median: Math.round(median),
    max: Math.round(sorted.at(-1)),
    values,
  };
  console.log(
    `  ${measurement.trim()} · ${data} · ${throttle}× CPU: ${values.map(Math.round).join(', ')} ms`,
  );
  return row;
}

async function newPage(throttle) {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
  const page = await context.newPage();
  if (throttle > 1) {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
  }
  return { context, page };
}

async function measureLoginLcp(throttle) {
  const { context, page } = await newPage(throttle);
  try {
    await page.goto(`${baseUrl}/login`, { waitUntil: 'load' });
    await page.getByTestId('login-submit').waitFor();
    await page.waitForLoadState('networkidle');
    return await page.evaluate(
      () =>
        new Promise((resolve, reject) => {
          new PerformanceObserver((list) => {
            const entries = list.getEntries();
            const last = entries.at(-1);
            if (last) resolve(last.startTime);
            else reject(new Error('no largest-contentful-paint entry'));
          }).observe({ type: 'largest-contentful-paint', buffered: true });
        }),
    );
  } finally {
    await context.close();
  }
}

async function measureDashboard(scenario, throttle) {
  const { context, page } = await newPage(throttle);
  try {
    const login = await context.request.post(`${baseUrl}/api/auth/login`, {
      data: { username: scenario.username, password },
      headers: { 'X-Requested-With': 'zeren' },
    });
    if (!login.ok()) throw new Error(`login as ${scenario.username}: HTTP ${login.status()}`);
    // Installed before any page script: polls every frame and records the first moment drawn.
    await page.addInitScript(() => {
      const marks = {};
      window.__zerenDrawn = marks;
      const check = () => {
        const dashboard = document.querySelector('[data-testid="bureau-dashboard"]');
        const charts = [...document.querySelectorAll('[data-chart-state]')];
        const tables = [...document.querySelectorAll('.ant-table')];
        const busy = document.querySelector('.ant-skeleton, .ant-spin-spinning');
        const tablesFilled = tables.every((table) => table.querySelector('.ant-table-row, .ant-empty'));
        const ready = dashboard && !busy && charts.length > 0 && tablesFilled;
        const states = charts.map((chart) => chart.getAttribute('data-chart-state'));
        if (ready && marks.drawn === undefined && states.every((s) => s === 'drawn' || s === 'settled')) {
          marks.drawn = performance.now();
          marks.charts = charts.length;
          // Where the time went: the last script and the dashboard's data arriving.
          const resources = performance.getEntriesByType('resource');
          const end = (test) => Math.max(0, ...resources.filter(test).map((entry) => entry.responseEnd));
          marks.scripts = end((entry) => entry.name.endsWith('.js'));
          marks.data = end((entry) => entry.name.includes('/api/dashboards/'));
        }
        if (ready && marks.settled === undefined && states.every((s) => s === 'settled')) {
          marks.settled = performance.now();
        }
        if (marks.settled === undefined) requestAnimationFrame(check);
      };
      requestAnimationFrame(check);
    });
    await page.goto(`${baseUrl}/`);
    const marks = await page.waitForFunction(
      () => window.__zerenDrawn?.settled !== undefined && window.__zerenDrawn,
      null,
      {
        timeout: 60_000,
      },
    );
    const { drawn, settled, charts, scripts, data } = await marks.jsonValue();
    if (!charts) throw new Error('the dashboard drew no chart');
    return { drawn, settled, scripts, data };
  } finally {
    await context.close();
  }
}

async function startApi() {
  const databaseUrl =
    process.env.DATABASE_URL ??
    `postgresql://postgres:zeren-local@127.0.0.1:${process.env.ZEREN_PG_PORT ?? 54320}/zeren`;
  const child = spawn(process.execPath, ['--import', 'tsx', 'apps/api/src/main.ts'], {
    cwd: root,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      PORT: String(port),
      DATABASE_URL: databaseUrl,
      ZEREN_WEB_DIST: webDist,
      ZEREN_SEED_DEMO: '0',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the API exited with code ${child.exitCode}`);
    try {
      const response = await fetch(`${baseUrl}/api/health`);
      if (response.ok) return child;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  child.kill('SIGTERM');
  throw new Error(`the API did not answer on ${baseUrl} within 60 s`);
}

async function stopApi() {
  if (!server || server.exitCode !== null) return;
  const exited = new Promise((resolve) => server.once('exit', resolve));
  server.kill('SIGTERM');
  await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))]);
}
