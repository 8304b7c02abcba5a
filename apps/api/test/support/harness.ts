// Real HTTP against the real app on an ephemeral port, on the run's test database.
import type { AddressInfo } from 'node:net';
import pg from 'pg';
import { pino } from 'pino';
import { afterAll, beforeAll, inject } from 'vitest';
import { createApp } from '../../src/app';
import { loadConfig } from '../../src/config';
import { answerClientErrors } from '../../src/server';
import { createPrismaOnPool, type Db } from '../../src/db/database';

export interface Harness {
  db: Db;
  baseUrl: string;
  /** SQL statements sent to Postgres so far by this file's app and `db` (round trips; BEGIN/COMMIT count). */
  queryCount(): number;
}

/** Starts the app once per test file; tests get `h.db` and `h.baseUrl`. */
export function useHarness(): Harness {
  const h = {} as Harness;
  let close: () => Promise<void>;
  beforeAll(async () => {
    const config = {
      ...loadConfig(),
      LOG_LEVEL: 'silent' as const,
      ZEREN_WEB_DIST: '/nonexistent',
      // Every test client comes from 127.0.0.1: one address limit would let one file's failed
      // logins lock out the others. throttle.test.ts checks the real limits on an app of its own.
      LOGIN_MAX_FAILURES_PER_ADDRESS: 1_000_000,
    };
    // The pool counts every statement any of its connections sends (see `queryCount`).
    let statements = 0;
    const pool = new pg.Pool({ connectionString: inject('databaseUrl'), max: 5 });
    pool.on('connect', (client) => {
      const query = client.query.bind(client) as (...args: unknown[]) => unknown;
      (client as { query: unknown }).query = (...args: unknown[]) => {
        statements += 1;
        return query(...args);
      };
    });
    h.queryCount = () => statements;
    // The app's raw reads go through the same pool (createApp finds it with poolOf), so they count too.
    h.db = createPrismaOnPool(pool);
    const app = createApp({
      db: h.db,
      config,
      logger: pino({ level: process.env.ZEREN_TEST_LOG ?? 'silent' }),
    });
    const server = app.listen(0, '127.0.0.1');
    answerClientErrors(server);
    await new Promise<void>((resolve) => server.once('listening', resolve));
    h.baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    close = async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await h.db.$disconnect();
    };
  });
  afterAll(() => close());
  return h;
}

/** A tiny client that keeps the session cookie like a browser would. */
export class Client {
  private cookie: string | undefined;
  constructor(private readonly baseUrl: string) {}

  async request(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
    const res = await fetch(this.baseUrl + path, {
      method,
      headers: {
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(method === 'GET' ? {} : { 'x-requested-with': 'zeren' }),
        ...(this.cookie ? { cookie: this.cookie } : {}),
        ...headers,
      },
      body:
        body === undefined
          ? undefined
          : typeof body === 'string' || body instanceof Uint8Array
            ? body
            : JSON.stringify(body),
    });
    const setCookie = res.headers.get('set-cookie');
    if (setCookie) this.cookie = setCookie.split(';')[0];
    const text = await res.text();
    const json = text && res.headers.get('content-type')?.includes('json') ? JSON.parse(text) : undefined;
    return { status: res.status, headers: res.headers, body: json, text };
  }

  get = (path: string) => this.request('GET', path);
  post = (path: string, body?: unknown, headers?: Record<string, string>) =>
    this.request('POST', path, body, headers);

  async login(username: string, password: string) {
    return this.post('/api/auth/login', { username, password });
  }
}
