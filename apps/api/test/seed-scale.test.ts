// The city-scale generator (prisma/seed/scale) at a small size, into the run's test database:
// proportions, the closed chain, weights and the maintained roll-up, scoring rules, determinism,
// --replace, and the benchmark accounts logging in.
import { leafProgress, normaliseProgress, rollUp, weightedMean } from '@zeren/domain';
import type { MeasureKind } from '@zeren/domain';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  buildScalePlan,
  generateCityScale,
  removeCityScale,
  SCALE_PASSWORD,
  type GenerateResult,
} from '../../../prisma/seed/scale';
import { hashPassword } from '../src/lib/passwords';
import { Client, useHarness } from './support/harness';

const h = useHarness();
const PEOPLE = 300;
const SEED = 7;

let client: pg.Client;
let passwordHash: string;
let first: GenerateResult;
let org: string;

/** The database's own checksum of target ids and progress, in the generator's format. */
async function databaseChecksum(): Promise<string> {
  const { rows } = await client.query<{ sum: string }>(
    `SELECT encode(sha256(convert_to(string_agg("id"::text || ':' || "progress"::text || E'\\n', '' ORDER BY "id"), 'UTF8')), 'hex') AS sum
       FROM "Target" WHERE "organisationId" = $1`,
    [org],
  );
  return rows[0]?.sum ?? '';
}

async function count(sql: string): Promise<number> {
  const { rows } = await client.query<{ n: string }>(sql, [org]);
  return Number(rows[0]?.n);
}

beforeAll(async () => {
  client = new pg.Client({ connectionString: inject('databaseUrl') });
  await client.connect();
  passwordHash = await hashPassword(SCALE_PASSWORD);
  first = await generateCityScale({ client, people: PEOPLE, seed: SEED, passwordHash, analyze: false });
  org = first.organisationId;
}, 120_000);

afterAll(async () => {
  await client.end();
});

describe('seed:scale at 300 people', () => {
  it('writes rows in proportion to the people asked for', async () => {
    const c = first.counts;
    expect(first.code).toBe(`city-${PEOPLE}-${SEED}`);
    expect(c.Person).toBe(PEOPLE);
    expect(c.Post).toBeGreaterThanOrEqual(PEOPLE * 1.03); // party and mass-organisation posts come on top
    expect(c.Post).toBeLessThanOrEqual(PEOPLE * 1.15);
    expect(c.Holding).toBe(c.Post); // every post held; some people hold two
    expect(c.OrgUnit).toBeGreaterThanOrEqual(PEOPLE * 0.08);
    expect(c.OrgUnit).toBeLessThanOrEqual(PEOPLE * 0.2);
    expect(c.Target).toBeGreaterThanOrEqual(PEOPLE * 8);
    expect(c.Target).toBeLessThanOrEqual(PEOPLE * 12);
    expect(c.EvaluationCycle).toBe(5);
    expect(c.UserAccount).toBe(6);
    expect(
      await count(`SELECT count(DISTINCT "personId") AS n FROM "Holding" WHERE "organisationId" = $1`),
    ).toBe(PEOPLE);

    // Tiers: a handful at the top, about 93 % staff.
    const { rows: tiers } = await client.query<{ tier: number; n: string }>(
      `SELECT "tier", count(*) AS n FROM "Post" WHERE "organisationId" = $1 GROUP BY 1 ORDER BY 1`,
      [org],
    );
    const byTier = Object.fromEntries(tiers.map((r) => [r.tier, Number(r.n)]));
    expect(byTier[1]).toBeGreaterThanOrEqual(1);
    expect(byTier[1]).toBeLessThanOrEqual(5);
    expect(byTier[2]).toBeGreaterThanOrEqual(1);
    expect(byTier[4]).toBeGreaterThan(PEOPLE * 0.85);

    // Twice the people, about twice everything (in memory; nothing written).
    const double = buildScalePlan({ people: PEOPLE * 2, seed: SEED }).counts;
    for (const table of [
      'Person',
      'Post',
      'OrgUnit',
      'Target',
      'ProgressUpdate',
      'Score',
      'EvaluationResult',
    ]) {
      const ratio = (double[table] ?? 0) / (c[table] ?? 1);
      expect(ratio, table).toBeGreaterThan(1.6);
      expect(ratio, table).toBeLessThan(2.4);
    }
  });

  it('reports every tier 2–4 post to a smaller tier, in both lines', async () => {
    expect(
      await count(
        `SELECT count(*) AS n FROM "Post" p LEFT JOIN "Post" s ON s."id" = p."adminSuperiorId"
          WHERE p."organisationId" = $1 AND p."tier" >= 2 AND (s."id" IS NULL OR s."tier" >= p."tier")`,
      ),
    ).toBe(0);
    expect(
      await count(
        `SELECT count(*) AS n FROM "Post" p JOIN "Post" s ON s."id" = p."partySuperiorId"
          WHERE p."organisationId" = $1 AND s."tier" >= p."tier"`,
      ),
    ).toBe(0);
    // Every post on the party line below tier 1 has a party superior.
    expect(
      await count(
        `SELECT count(*) AS n FROM "Post" WHERE "organisationId" = $1 AND "tier" >= 2
            AND 'PARTY' = ANY ("lines") AND "partySuperiorId" IS NULL`,
      ),
    ).toBe(0);
    // Every tier 2–4 post carries all three categories.
    expect(
      await count(
        `SELECT count(*) AS n FROM "Post" p WHERE p."organisationId" = $1 AND p."tier" >= 2
            AND (SELECT count(DISTINCT t."category") FROM "Target" t WHERE t."ownerPostId" = p."id") < 3`,
      ),
    ).toBe(0);
    // Every child is owned by a post reporting, in the child's line, to the owner of its parent.
    expect(
      await count(
        `SELECT count(*) AS n FROM "Target" c
           JOIN "Target" p ON p."id" = c."parentId"
           JOIN "Post" o ON o."id" = c."ownerPostId"
          WHERE c."organisationId" = $1
            AND p."ownerPostId" IS DISTINCT FROM
                CASE c."line" WHEN 'PARTY' THEN o."partySuperiorId" ELSE o."adminSuperiorId" END`,
      ),
    ).toBe(0);
  });

  it('weighs the children of every decomposed target to exactly 100', async () => {
    const parents = await count(
      `SELECT count(DISTINCT "parentId") AS n FROM "Target" WHERE "organisationId" = $1 AND "parentId" IS NOT NULL`,
    );
    expect(parents).toBeGreaterThan(PEOPLE / 2);
    expect(
      await count(
        `SELECT count(*) AS n FROM (SELECT "parentId" FROM "Target"
            WHERE "organisationId" = $1 AND "parentId" IS NOT NULL GROUP BY 1 HAVING sum("weight") <> 100) x`,
      ),
    ).toBe(0);
  });

  it('stores each parent’s progress as the weighted mean of its children (2 decimals), leaves from their latest update', async () => {
    const { rows } = await client.query<{
      id: string;
      parentId: string | null;
      weight: string;
      progress: number;
      measureKind: MeasureKind;
      baseline: string;
      goal: string;
      latestValue: string | null;
      lastValue: string | null;
      updates: string;
    }>(
      `SELECT t."id", t."parentId", t."weight", t."progress", t."measureKind", t."baseline", t."goal", t."latestValue",
              (SELECT u."value" FROM "ProgressUpdate" u WHERE u."targetId" = t."id"
                ORDER BY u."recordedAt" DESC, u."id" DESC LIMIT 1) AS "lastValue",
              (SELECT count(*) FROM "ProgressUpdate" u WHERE u."targetId" = t."id") AS updates
         FROM "Target" t WHERE t."organisationId" = $1 ORDER BY t."id"`,
      [org],
    );
    const children = new Map<string, typeof rows>();
    for (const row of rows) {
      if (row.parentId === null) continue;
      children.set(row.parentId, [...(children.get(row.parentId) ?? []), row]);
    }
    let parents = 0;
    let leaves = 0;
    for (const row of rows) {
      const mine = children.get(row.id);
      if (mine === undefined) {
        leaves++;
        expect(Number(row.updates), row.id).toBeGreaterThanOrEqual(1);
        expect(Number(row.updates), row.id).toBeLessThanOrEqual(3);
        expect(row.latestValue).not.toBeNull();
        expect(Number(row.latestValue)).toBe(Number(row.lastValue));
        const own = normaliseProgress({
          measureKind: row.measureKind,
          baseline: Number(row.baseline),
          goal: Number(row.goal),
          value: Number(row.latestValue),
        });
        expect(row.progress, row.id).toBe(own);
        continue;
      }
      parents++;
      expect(Number(row.updates)).toBe(0); // progress of a decomposed target is only its roll-up
      const mean = weightedMean(
        mine.map((child) => ({ weight: Number(child.weight), value: child.progress })),
      );
      expect(row.progress, row.id).toBe(leafProgress(mean));
      // The same at 2 decimals by plain arithmetic, without the domain's helpers.
      const sum = mine.reduce((s, child) => s + Number(child.weight) * child.progress, 0);
      expect(Math.abs(row.progress - sum / 100)).toBeLessThanOrEqual(0.0051);
    }
    expect(parents).toBeGreaterThan(0);
    expect(leaves).toBeGreaterThan(parents);

    // And the domain's full roll-up of the stored tree changes nothing.
    const rolled = rollUp(
      rows.map((row) => ({
        id: row.id,
        parentId: row.parentId,
        weight: Number(row.weight),
        ownProgress: children.has(row.id) ? null : row.progress,
      })),
    );
    const moved = rows.filter((row) => rolled.get(row.id) !== row.progress);
    expect(moved).toEqual([]);
  });

  it('has no self-scores; only assessment-group members score, tiers 2–4 are scored', async () => {
    expect(
      await count(
        `SELECT count(*) AS n FROM "Score" WHERE "organisationId" = $1 AND "evaluatorId" = "evalueeId"`,
      ),
    ).toBe(0);
    expect(
      await count(
        `SELECT count(*) AS n FROM "Score" s WHERE s."organisationId" = $1 AND NOT EXISTS (
           SELECT 1 FROM "AssessmentGroupMember" m WHERE m."personId" = s."evaluatorId")`,
      ),
    ).toBe(0);
    expect(
      await count(
        `SELECT count(*) AS n FROM "Score" s WHERE s."organisationId" = $1 AND EXISTS (
           SELECT 1 FROM "Holding" h JOIN "Post" p ON p."id" = h."postId"
            WHERE h."personId" = s."evalueeId" AND p."tier" = 1)`,
      ),
    ).toBe(0);

    // Q1–Q3 published: every evaluee scored by 3 assessors (5 for tier 2) in all three categories,
    // with a result each; Q4 open and partly scored; the annual cycle still a draft.
    const { rows: cycles } = await client.query<{ kind: string; status: string; id: string }>(
      `SELECT "kind", "status", "id" FROM "EvaluationCycle" WHERE "organisationId" = $1 ORDER BY "kind"`,
      [org],
    );
    expect(cycles.map((c) => [c.kind, c.status])).toEqual([
      ['Q1', 'PUBLISHED'],
      ['Q2', 'PUBLISHED'],
      ['Q3', 'PUBLISHED'],
      ['Q4', 'OPEN'],
      ['ANNUAL', 'DRAFT'],
    ]);
    const tier1People = await count(
      `SELECT count(DISTINCT h."personId") AS n FROM "Holding" h JOIN "Post" p ON p."id" = h."postId"
        WHERE h."organisationId" = $1 AND p."tier" = 1`,
    );
    const evaluees = PEOPLE - tier1People;
    for (const cycle of cycles.filter((c) => c.status === 'PUBLISHED')) {
      const { rows: perEvaluee } = await client.query<{ n: string; people: string }>(
        `SELECT n, count(*) AS people FROM (
           SELECT "evalueeId", count(*) AS n FROM "Score" WHERE "cycleId" = $1 GROUP BY 1) x GROUP BY n ORDER BY n`,
        [cycle.id],
      );
      expect(perEvaluee.map((r) => Number(r.n))).toEqual([9, 15]);
      expect(perEvaluee.reduce((s, r) => s + Number(r.people), 0)).toBe(evaluees);
      const results = await client.query(`SELECT 1 FROM "EvaluationResult" WHERE "cycleId" = $1`, [cycle.id]);
      expect(results.rowCount).toBe(evaluees);
    }
    const q4 = cycles.find((c) => c.kind === 'Q4')?.id;
    const q1 = cycles.find((c) => c.kind === 'Q1')?.id;
    const q4Scores = (await client.query(`SELECT 1 FROM "Score" WHERE "cycleId" = $1`, [q4])).rowCount ?? 0;
    const q1Scores = (await client.query(`SELECT 1 FROM "Score" WHERE "cycleId" = $1`, [q1])).rowCount ?? 0;
    expect(q4Scores).toBeGreaterThan(0);
    expect(q4Scores).toBeLessThan(q1Scores / 2);
    expect(first.counts.EvaluationResult).toBe(evaluees * 3);
  });

  it('is deterministic: the same seed gives the same targets and progress; --replace rebuilds in place', async () => {
    const before = await databaseChecksum();
    expect(before).toBe(first.checksum);

    await expect(generateCityScale({ client, people: PEOPLE, seed: SEED, passwordHash })).rejects.toThrow(
      /already exists/,
    );

    const again = await generateCityScale({
      client,
      people: PEOPLE,
      seed: SEED,
      passwordHash,
      replace: true,
      analyze: false,
    });
    expect(again.replaced).toBe(true);
    expect(again.organisationId).toBe(first.organisationId);
    expect(again.counts).toEqual(first.counts);
    expect(again.checksum).toBe(first.checksum);
    expect(await databaseChecksum()).toBe(first.checksum);

    // Another seed, other data.
    expect(buildScalePlan({ people: PEOPLE, seed: SEED + 1 }).checksum).not.toBe(first.checksum);
  }, 120_000);

  it('creates the named benchmark accounts, and they log in', async () => {
    expect(first.accounts.map((a) => a.role)).toEqual([
      'director',
      'deputy',
      'chief',
      'staff',
      'assessor',
      'admin',
    ]);
    const login = async (role: string) => {
      const res = await new Client(h.baseUrl).login(`${first.code}-${role}`, SCALE_PASSWORD);
      expect(res.status, role).toBe(200);
      return res.body as { highestTier: number; roles: string[]; posts: unknown[] };
    };
    expect((await login('director')).highestTier).toBe(1);
    expect((await login('deputy')).highestTier).toBe(2);
    const chief = await login('chief');
    expect(chief.highestTier).toBe(3);
    expect(chief.posts).toHaveLength(2); // section chief and party group leader
    expect((await login('staff')).highestTier).toBe(4);
    expect((await login('assessor')).roles).toContain('ASSESSOR');
    expect((await login('admin')).roles).toContain('ADMIN');
  });

  it('removes the organisation and every row of it (sessions included), and nothing else', async () => {
    const others = await count(`SELECT count(*) AS n FROM "Organisation" WHERE "id" <> $1`);
    expect(
      await count(`SELECT count(*) AS n FROM "Session" s JOIN "UserAccount" u ON u."id" = s."userId"
        WHERE u."organisationId" = $1`),
    ).toBeGreaterThan(0); // the logins above
    await expect(removeCityScale({ client, code: 'demo' })).rejects.toThrow(/not a generated city/);

    const deleted = await removeCityScale({ client, code: first.code });
    expect(deleted).toBeGreaterThanOrEqual(Object.values(first.counts).reduce((a, b) => a + b, 0));
    const { rows: tables } = await client.query<{ name: string }>(
      `SELECT table_name AS name FROM information_schema.columns
        WHERE table_schema = current_schema() AND column_name = 'organisationId'`,
    );
    for (const { name } of tables) {
      expect(await count(`SELECT count(*) AS n FROM "${name}" WHERE "organisationId" = $1`), name).toBe(0);
    }
    expect(await count(`SELECT count(*) AS n FROM "Organisation" WHERE "id" = $1`)).toBe(0);
    expect(await count(`SELECT count(*) AS n FROM "Organisation" WHERE "id" <> $1`)).toBe(others);
    expect(await removeCityScale({ client, code: first.code })).toBe(0);
  });
});
