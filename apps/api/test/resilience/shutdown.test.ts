// Graceful shutdown: the real server under steady load (30 keep-alive clients reading and recording
// progress) receives SIGTERM. Every request the server accepted completes with 2xx, and the process
// exits 0 within 10 s. Connections refused after the close are expected and not counted as failures:
// a request counts as accepted when the server's own request log names it (each request carries a
// unique `load` query parameter, which routes without a query schema ignore).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTargetFixture, type TargetFixture } from '../support/target-fixtures';
import {
  loginCookie,
  record,
  startApi,
  startCluster,
  stopCluster,
  type ApiProcess,
  type Cluster,
  type Sent,
} from './support';

/** Numbers for the log (vitest shows a test's stdout). */
const report = (line: string) => process.stdout.write(`${line}\n`);

const CLIENTS = 30;

describe('graceful shutdown', () => {
  let cluster: Cluster | undefined;
  let api: ApiProcess | undefined;
  let f: TargetFixture;

  beforeAll(async () => {
    cluster = await startCluster('pg-resilience-shutdown', { isEphemeral: true });
    api = await startApi(cluster.url);
    f = await createTargetFixture(cluster.db, api.baseUrl);
  }, 120_000);

  afterAll(async () => {
    if (api && api.child.exitCode === null) api.child.kill('SIGKILL');
    await stopCluster(cluster);
  }, 60_000);

  it(
    'drains in-flight requests on SIGTERM: 0 accepted requests fail, exit 0 within 10 s',
    { timeout: 120_000 },
    async () => {
      const { baseUrl } = api!;
      const [staff, chief, director] = [
        await loginCookie(baseUrl, f.usernames.staff),
        await loginCookie(baseUrl, f.usernames.chief),
        await loginCookie(baseUrl, f.usernames.director),
      ];
      const leaves = [
        f.targets['BUSINESS:staff'],
        f.targets['MANAGEMENT:staff'],
        f.targets['IDEOLOGICAL:staff'],
      ];
      const readable = [f.targets['BUSINESS:director'], f.targets['BUSINESS:chief'], ...leaves];
      let next = 0;
      let isStopping = false;
      let sigtermAt = 0;
      const sent: Sent[] = [];

      const client = async (n: number) => {
        // Keep going until the server is gone: refused connections end a client's loop.
        for (let i = 0; ; i++) {
          const id = next++;
          const isWrite = (n + i) % 3 === 0;
          const result = isWrite
            ? await record(id, 'progress', `${baseUrl}/api/targets/${leaves[id % 3]}/progress?load=${id}`, {
                method: 'POST',
                cookie: n % 2 ? staff : chief,
                body: { value: id % 100, note: `负载 ${id}` },
              })
            : await record(
                id,
                'read',
                `${baseUrl}/api/targets/${readable[id % readable.length]}?load=${id}`,
                {
                  cookie: director, // reads everything
                },
              );
          sent.push(result);
          if (isStopping && result.error) return;
        }
      };
      const load = Promise.all(Array.from({ length: CLIENTS }, (_, n) => client(n)));
      await new Promise((r) => setTimeout(r, 4_000));
      const beforeSignal = sent.length;
      sigtermAt = Date.now();
      isStopping = true;
      api!.child.kill('SIGTERM');
      const exit = await api!.exited;
      await load;

      // Which requests did the server accept? Its request log (pino-http) names each one it finished.
      const accepted = new Map<number, number>();
      for (const line of api!.output().split('\n')) {
        const match = /"url":"[^"]*[?&]load=(\d+)"[^}]*}[^{]*"res":\{"statusCode":(\d+)/.exec(line);
        if (match) accepted.set(Number(match[1]), Number(match[2]));
      }
      // The log names every request that got an answer (else "refused" below would be meaningless).
      expect(accepted.size).toBeGreaterThanOrEqual(sent.filter((s) => s.status !== undefined).length);
      const failedInFlight = sent.filter(
        (s) =>
          (s.status !== undefined && (s.status < 200 || s.status >= 300)) || (s.error && accepted.has(s.id)),
      );
      const refused = sent.filter((s) => s.error && !accepted.has(s.id));
      const afterSignal = sent.filter((s) => s.endedAt >= sigtermAt && s.status !== undefined);
      report(
        `shutdown: ${sent.length} requests (${beforeSignal} before SIGTERM, ${afterSignal.length} completed after it), ` +
          `${refused.length} refused after the close, ${failedInFlight.length} failed in flight; ` +
          `exit ${exit.code} after ${exit.at - sigtermAt} ms`,
      );
      expect(beforeSignal).toBeGreaterThan(30);
      expect(afterSignal.length).toBeGreaterThan(0); // SIGTERM arrived with requests in flight
      expect(failedInFlight.map((s) => `${s.kind} #${s.id}: ${s.status ?? s.error}`)).toEqual([]);
      for (const s of refused)
        expect(s.error).toMatch(/ECONNREFUSED|ECONNRESET|UND_ERR_SOCKET|other side closed/);
      expect(exit.code).toBe(0);
      expect(exit.at - sigtermAt).toBeLessThan(10_000);
      // Every progress update the clients were told about is stored.
      const acknowledged = sent.filter((s) => s.kind === 'progress' && s.status === 201);
      const ids = acknowledged.map((s) => (s.body as { update: { id: string } }).update.id);
      expect(await cluster!.db.progressUpdate.count({ where: { id: { in: ids } } })).toBe(ids.length);
    },
  );
});
