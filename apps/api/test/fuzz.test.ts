// Bad input, generated: for every contract route with params, query or body, at least 200 invalid
// or hostile requests (fast-check, fixed seed) sent as the role that may use the route. Asserted:
// no 5xx; every error in the one ErrorEnvelope shape without stack traces or SQL; requests the
// contract's schemas refuse answer 400/413/415; and after each route's refused requests the
// organisation's rows (counts and ordered checksums of every table with an organisationId) are
// unchanged. Reproduce: FUZZ_SEED=<seed> FUZZ_ONLY=<operation regex> npx vitest run test/fuzz.test.ts
// (the seed printed first is the run's; each operation's own seed derives from it and its name).
import { createHash, randomUUID } from 'node:crypto';
import { parse as parseQuery } from 'node:querystring';
import { ErrorEnvelope, routes, type RouteContract } from '@zeren/contracts';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { createCycle } from './support/evaluation-fixtures';
import { FIXTURE_PASSWORD } from './support/fixtures';
import { useHarness } from './support/harness';
import { createTargetFixture, type TargetFixture, type UserKey } from './support/target-fixtures';
import { matrix, type BodyContext } from './authz/matrix';

/** Numbers for the log (vitest shows a test's stdout). */
const report = (line: string) => process.stdout.write(`${line}\n`);

const h = useHarness();
const SEED = Number(process.env.FUZZ_SEED ?? 20261203);
const CASES_PER_ROUTE = 200;
const CONCURRENCY = 8;
const LEAK = /at .*\.ts|SELECT|INSERT|prisma|stack/i;

// ─── hostile values ────────────────────────────────────────────────────────────────────────────
const HOSTILE_STRINGS = [
  '',
  ' ',
  'NaN',
  'Infinity',
  '-Infinity',
  '1e999',
  '-0',
  '0x1F',
  '1.5',
  '-1',
  '99999999999999999999999',
  "' OR '1'='1",
  '\'; DROP TABLE "Target"; --',
  '1; SELECT pg_sleep(5)',
  '../../../../etc/passwd',
  '..\\..\\windows\\win.ini',
  '%2e%2e%2f%2e%2e%2f',
  '\u0000',
  '\u202e\u0000\ud800',
  '😀👨‍👩‍👧‍👦🇨🇳',
  '<script>alert(1)</script>',
  '${jndi:ldap://x/a}',
  '{{7*7}}',
  '__proto__',
  'constructor',
  'true',
  'null',
  '2026-02-30',
  '9999-99-99T99:99:99Z',
  '00000000-0000-0000-0000-000000000000',
  'ffffffff-ffff-ffff-ffff-ffffffffffffff',
];
/** URLs carry UTF-8: a lone surrogate becomes U+FFFD (as a browser would send it). */
const wellFormed = (v: string) => v.replace(/[\ud800-\udfff]/gu, '\ufffd');
const hugeString = fc.constantFrom('x'.repeat(10_000), '中'.repeat(50_000), '😀'.repeat(3_000));
const hostileString = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...HOSTILE_STRINGS) },
  { weight: 2, arbitrary: fc.string({ maxLength: 40, unit: 'grapheme' }) },
  { weight: 1, arbitrary: fc.string({ maxLength: 20, unit: 'binary' }) },
  { weight: 1, arbitrary: hugeString },
  { weight: 1, arbitrary: fc.uuid() },
);
const deepObject = fc.integer({ min: 50, max: 3000 }).map((depth) => {
  let value: unknown = 1;
  for (let i = 0; i < depth; i++) value = { a: value };
  return value;
});
const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: hostileString },
  {
    weight: 2,
    arbitrary: fc.constantFrom(null, true, false, 0, -1, 1e308, -1e308, 2 ** 53, 0.1, 101, -101, 1e9 + 1),
  },
  { weight: 1, arbitrary: fc.integer() },
  { weight: 1, arbitrary: fc.double() }, // NaN/Infinity become null in JSON
  { weight: 1, arbitrary: fc.array(fc.anything({ maxDepth: 2 }), { maxLength: 5 }) },
  { weight: 1, arbitrary: fc.object({ maxDepth: 2 }) },
  { weight: 1, arbitrary: deepObject },
);
const UNKNOWN_KEYS = [
  'isAdmin',
  'role',
  'roles',
  'organisationId',
  'ownerId',
  'zzUnknown',
  'constructor',
  'version2',
];

interface Case {
  part: 'params' | 'query' | 'body' | 'header';
  params: Record<string, string>;
  /** Raw path segments (not URI-encoded) where a param is to be sent as typed. */
  rawParams?: boolean;
  query: string;
  body?:
    { json: unknown } | { raw: string; contentType: string } | { bytes: Uint8Array; contentType: string };
  headers: Record<string, string>;
}

function caseArbitrary(route: RouteContract, base: { params: Record<string, string>; body: unknown }) {
  const paramNames = Object.keys(route.params?.shape ?? {});
  const queryNames = Object.keys(route.query?.shape ?? {});
  const bodyKeys =
    base.body && typeof base.body === 'object' && !Array.isArray(base.body) ? Object.keys(base.body) : [];
  const cases: fc.Arbitrary<Case>[] = [];
  const plain = (part: Case['part'], extra: Partial<Case>): Case => ({
    part,
    params: base.params,
    query: '',
    headers: {},
    ...(route.body && !route.upload ? { body: { json: base.body } } : {}),
    ...extra,
  });

  if (paramNames.length > 0) {
    cases.push(
      fc
        .record({ name: fc.constantFrom(...paramNames), value: hostileString, isRaw: fc.boolean() })
        .map(({ name, value, isRaw }) =>
          plain('params', {
            params: {
              ...base.params,
              [name]: isRaw ? wellFormed(value).replace(/[/?#\\]/g, '') || '%' : wellFormed(value),
            },
            rawParams: isRaw,
          }),
        ),
    );
  }
  // Unknown and malformed query parameters (every route gets some; routes with a query more).
  const queryValue = fc.oneof(
    hostileString,
    fc.constantFrom('-1', '0', '1e3', '201', '1.5', 'NaN', 'Infinity', 'true', 'yes'),
  );
  cases.push(
    fc
      .record({
        name: queryNames.length
          ? fc.oneof(fc.constantFrom(...queryNames), fc.constantFrom(...UNKNOWN_KEYS))
          : fc.constantFrom(...UNKNOWN_KEYS),
        value: queryValue,
        isRepeated: fc.boolean(),
      })
      .map(({ name, value, isRepeated }) => {
        const pair = `${encodeURIComponent(name)}=${encodeURIComponent(wellFormed(value))}`;
        return plain('query', { query: `?${pair}${isRepeated ? `&${pair}` : ''}` });
      }),
  );
  if (route.body && !route.upload) {
    const field = bodyKeys.length ? fc.constantFrom(...bodyKeys) : fc.constantFrom('x');
    cases.push(
      // One field set to a hostile value, removed, or an unknown field added.
      fc
        .record({
          mode: fc.constantFrom('set', 'set', 'delete', 'unknown'),
          field,
          unknown: fc.constantFrom(...UNKNOWN_KEYS),
          value: hostileValue,
        })
        .map(({ mode, field: key, unknown, value }) => {
          const body = { ...(base.body as Record<string, unknown>) };
          if (mode === 'set') body[key] = value;
          else if (mode === 'delete') delete body[key];
          else body[unknown] = value;
          return plain('body', { body: { json: body } });
        }),
      // The whole body replaced: a scalar, an array, a deep object.
      hostileValue.map((value) => plain('body', { body: { json: value } })),
      fc
        .array(fc.constant(base.body), { minLength: 1, maxLength: 3 })
        .map((a) => plain('body', { body: { json: a } })),
      // Not JSON, or not declared as JSON.
      fc
        .record({
          raw: fc.constantFrom(
            '{',
            '{"a":',
            'nul',
            '[1,2',
            '{"__proto__":{"isAdmin":true}}',
            "{'a':1}",
            '\u0000',
          ),
          contentType: fc.constantFrom('application/json', 'text/plain', 'application/x-www-form-urlencoded'),
        })
        .map(({ raw, contentType }) => plain('body', { body: { raw, contentType } })),
    );
  }
  if (route.upload) {
    cases.push(
      fc
        .record({
          bytes: fc.uint8Array({ minLength: 0, maxLength: 64 }),
          contentType: fc.constantFrom(
            ...route.upload.mimeTypes,
            'text/html',
            'application/x-msdownload',
            'image/svg+xml',
            '',
          ),
        })
        // 'X' first: never the magic bytes of an accepted type.
        .map(({ bytes, contentType }) =>
          plain('body', {
            body: { bytes: bytes.length ? new Uint8Array([0x58, ...bytes]) : bytes, contentType },
            query: '?filename=a.png',
          }),
        ),
    );
  }
  if (route.idempotent) {
    cases.push(
      fc
        .constantFrom('', ' ', 'x'.repeat(201), 'a b', 'key\twith\ttab', 'clé-é')
        .map((key) => plain('header', { headers: { 'idempotency-key': key } })),
    );
  }
  return fc.oneof(...cases);
}

// ─── validity as the contract sees it ──────────────────────────────────────────────────────────
function isValidPerContract(route: RouteContract, c: Case): boolean {
  if (route.params) {
    let decoded: Record<string, string>;
    try {
      decoded = Object.fromEntries(
        Object.entries(c.params).map(([k, v]) => [k, c.rawParams ? decodeURIComponent(v) : v]),
      );
    } catch {
      return false;
    }
    if (!route.params.safeParse(decoded).success) return false;
  }
  if (route.query && !route.query.safeParse({ ...parseQuery(c.query.slice(1)) }).success) return false;
  if (route.upload) return false; // never an accepted type with its magic bytes
  if (!route.query && c.query) return true; // unknown query parameters are ignored by design
  if (route.body) {
    if (!c.body || 'bytes' in c.body) return false;
    if ('raw' in c.body) {
      // Not declared as JSON: the body is not read at all (valid only where the body is optional).
      if (c.body.contentType === 'application/json' || !route.body.safeParse(undefined).success) return false;
    } else if (!route.body.safeParse(JSON.parse(JSON.stringify(c.body.json) ?? 'null')).success) return false;
  }
  if (c.part === 'header') return false;
  return true;
}

// ─── the organisation's rows, as a checksum ────────────────────────────────────────────────────
let orgTables: string[] = [];
async function snapshot(organisationId: string): Promise<Record<string, string>> {
  const selects = orgTables.map(
    (t) =>
      `SELECT '${t}' AS t, count(*)::text || ':' || md5(coalesce(string_agg(r::text, E'\\n' ORDER BY r::text), '')) AS s
         FROM "${t}" r WHERE r."organisationId" = $1::uuid`,
  );
  const rows = await h.db.$queryRawUnsafe<{ t: string; s: string }[]>(
    selects.join(' UNION ALL '),
    organisationId,
  );
  return Object.fromEntries(rows.map((r) => [r.t, r.s]));
}

async function pool<T, R>(items: T[], size: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: size }, async () => {
      while (next < items.length) {
        const i = next++;
        results[i] = await fn(items[i]!);
      }
    }),
  );
  return results;
}

const seedOf = (name: string) => (SEED ^ createHash('sha256').update(name).digest().readUInt32BE(0)) >>> 0;

describe('bad input, generated from the contracts', () => {
  let f: TargetFixture;
  let cookies: Record<'director' | 'admin' | 'assessor' | 'fuzzer', string>;
  let openCycleId: string;

  async function login(username: string) {
    const res = await fetch(`${h.baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-requested-with': 'zeren' },
      body: JSON.stringify({ username, password: FIXTURE_PASSWORD }),
    });
    if (res.status !== 200) throw new Error(`login ${username}: ${res.status}`);
    return res.headers.get('set-cookie')!.split(';')[0]!;
  }

  beforeAll(async () => {
    f = await createTargetFixture(h.db, h.baseUrl, { name: '模糊测试局' });
    openCycleId = (await createCycle(h.db, f.organisationId, { year: 2026, kind: 'Q3' })).id;
    const tables = await h.db.$queryRaw<{ table_name: string }[]>`
      SELECT table_name::text AS table_name FROM information_schema.columns
       WHERE table_schema = current_schema() AND column_name = 'organisationId' ORDER BY table_name`;
    orgTables = tables.map((t) => t.table_name);
    const who = (k: UserKey) => login(f.usernames[k]);
    // A user of its own for the password route (its failures lock only itself).
    cookies = {
      director: await who('director'),
      admin: await who('admin'),
      assessor: await who('assessor'),
      fuzzer: await who('staff2'),
    };
  }, 60_000);

  /** Real ids where the path names a known object, so body and query checks are reached. */
  function baseParams(route: RouteContract): Record<string, string> {
    const params: Record<string, string> = {};
    for (const name of Object.keys(route.params?.shape ?? {})) {
      const p = route.path;
      params[name] =
        name === 'year'
          ? '2026'
          : name === 'personId'
            ? f.personIds.staff
            : name !== 'id'
              ? randomUUID()
              : p.startsWith('/api/targets/')
                ? f.targets['BUSINESS:staff']
                : p.startsWith('/api/cycles/')
                  ? openCycleId
                  : p.startsWith('/api/people/') || p.startsWith('/api/org/people/')
                    ? f.personIds.staff
                    : p.startsWith('/api/org/units/')
                      ? f.unitIds.sectionA
                      : p.startsWith('/api/org/posts/')
                        ? f.postIds.staff
                        : randomUUID(); // accounts, evidence, waivers, holdings, supervision objects
    }
    return params;
  }

  function cookieFor(name: string, route: RouteContract): string | undefined {
    if (route.access === 'public') return undefined;
    if (name === 'changePassword') return cookies.fuzzer;
    if (route.tag === 'scores') return cookies.assessor;
    if (route.tag === 'org' || route.tag === 'imports' || route.path.startsWith('/api/auth/users'))
      return cookies.admin;
    return cookies.director;
  }

  async function baseBody(name: string): Promise<unknown> {
    const entry = matrix[name];
    if (!entry?.body) return {};
    const context: BodyContext = {
      postId: (k) => f.postIds[k],
      personId: (k) => f.personIds[k],
      unitId: (k) => f.unitIds[k],
      unique: () => randomUUID().slice(0, 8),
      freshYear: () => 2099,
      freshPost: async () => randomUUID(),
      freshPerson: async () => randomUUID(),
      username: f.usernames.staff2,
      password: FIXTURE_PASSWORD,
      today: new Date().toISOString().slice(0, 10),
      freshPlan: async () => ({ id: randomUUID(), unitId: f.unitIds.sectionA, itemIds: [randomUUID()] }),
      params: { proposalId: `finding:${randomUUID()}:${f.personIds.staff}` },
    };
    return entry.body(context);
  }

  async function send(route: RouteContract, cookie: string | undefined, c: Case) {
    const params = Object.fromEntries(
      Object.entries(c.params).map(([k, v]) => [k, c.rawParams ? v : encodeURIComponent(v)]),
    );
    const path = route.path.replace(/:(\w+)/g, (_, n: string) => params[n]!) + c.query;
    const headers: Record<string, string> = { 'x-requested-with': 'zeren', ...c.headers };
    if (cookie) headers.cookie = cookie;
    let body: string | Uint8Array | undefined;
    if (c.body && 'json' in c.body) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(c.body.json) ?? 'null';
    } else if (c.body && 'raw' in c.body) {
      headers['content-type'] = c.body.contentType;
      body = c.body.raw;
    } else if (c.body && 'bytes' in c.body) {
      if (c.body.contentType) headers['content-type'] = c.body.contentType;
      body = c.body.bytes;
    }
    const method = route.method.toUpperCase();
    const url = new URL(h.baseUrl + path);
    const res = await fetch(url, { method, headers, body: method === 'GET' ? undefined : body });
    // An empty or dot-segment param reshapes the URL into another route's (or none): not this one.
    const segments = url.pathname.split('/');
    const isReshaped = segments.length !== route.path.split('/').length || segments.slice(1).includes('');
    return { status: res.status, text: await res.text(), isReshaped };
  }

  it(
    'never answers 5xx, always in the one error shape, and refused writes change nothing',
    { timeout: 240_000 },
    async () => {
      const only = process.env.FUZZ_ONLY ? new RegExp(process.env.FUZZ_ONLY) : undefined;
      const all = Object.entries(routes as Record<string, RouteContract>).filter(
        ([n, r]) => (r.params || r.query || r.body || r.upload) && (!only || only.test(n)),
      );
      const lines: string[] = [];
      const failures: string[] = [];
      let total = 0;
      const started = Date.now();
      for (const [name, route] of all) {
        const seed = seedOf(name);
        const base = { params: baseParams(route), body: await baseBody(name) };
        const cases = fc.sample(caseArbitrary(route, base), { seed, numRuns: CASES_PER_ROUTE });
        const invalid = cases.filter((c) => !isValidPerContract(route, c));
        const hostileValid = cases.filter((c) => isValidPerContract(route, c));
        const cookie = cookieFor(name, route);
        const isWrite = route.method !== 'get';

        const check = (
          c: Case,
          res: { status: number; text: string; isReshaped: boolean },
          isInvalid: boolean,
        ) => {
          const where = `${name} [seed ${seed}] ${c.part} ${JSON.stringify(c).slice(0, 300)}`;
          if (res.status >= 500) failures.push(`${where} → ${res.status} ${res.text.slice(0, 200)}`);
          const allowed = [400, 413, 415, 431];
          if (isInvalid && !res.isReshaped && !allowed.includes(res.status))
            failures.push(`${where} → ${res.status} for a request the contract refuses`);
          if (res.status >= 400) {
            let json: unknown;
            try {
              json = JSON.parse(res.text);
            } catch {
              failures.push(`${where} → ${res.status} not JSON: ${res.text.slice(0, 100)}`);
              return;
            }
            const envelope = ErrorEnvelope.safeParse(json);
            if (!envelope.success || Object.keys(json as object).join() !== 'error')
              failures.push(`${where} → ${res.status} not an ErrorEnvelope: ${res.text.slice(0, 200)}`);
            else if (LEAK.test(envelope.data.error.message) || /\bat .*\.(ts|js):\d+|prisma/i.test(res.text))
              failures.push(`${where} → ${res.status} leaks internals: ${res.text.slice(0, 200)}`);
          }
        };

        const before = isWrite ? await snapshot(f.organisationId) : undefined;
        const invalidResults = await pool(invalid, CONCURRENCY, (c) => send(route, cookie, c));
        invalid.forEach((c, i) => check(c, invalidResults[i]!, true));
        if (before) {
          const after = await snapshot(f.organisationId);
          const changed = Object.keys(before).filter((t) => before[t] !== after[t]);
          if (changed.length)
            failures.push(`${name} [seed ${seed}]: refused writes changed ${changed.join(', ')}`);
        }
        const validResults = await pool(hostileValid, CONCURRENCY, (c) => send(route, cookie, c));
        hostileValid.forEach((c, i) => check(c, validResults[i]!, false));

        const statuses = new Map<number, number>();
        for (const r of [...invalidResults, ...validResults])
          statuses.set(r.status, (statuses.get(r.status) ?? 0) + 1);
        total += cases.length;
        lines.push(
          `${name.padEnd(28)} ${String(cases.length).padStart(4)} requests (${invalid.length} refused by the contract, ${hostileValid.length} hostile but valid) ` +
            [...statuses]
              .sort(([a], [b]) => a - b)
              .map(([s, n]) => `${s}×${n}`)
              .join(' '),
        );
      }
      report(
        `fuzz (seed ${SEED}): ${total} requests over ${all.length} operations in ${((Date.now() - started) / 1000).toFixed(1)} s\n${lines.join('\n')}`,
      );
      expect(failures.slice(0, 30)).toEqual([]);
      if (!only) expect(total).toBeGreaterThanOrEqual(5000);
      expect(all.length * CASES_PER_ROUTE).toBe(total);
    },
  );
});
