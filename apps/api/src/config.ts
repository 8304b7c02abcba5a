// The only reader of process.env: parsed once, typed everywhere else.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

const booleanFlag = z
  .enum(['0', '1', 'true', 'false'])
  .optional()
  .transform((v) => v === '1' || v === 'true');

const Env = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  /** When set, this Postgres is used and no local one starts. */
  DATABASE_URL: z.url().optional(),
  /** The local (embedded) Postgres cluster used when DATABASE_URL is not set. */
  ZEREN_PG_DIR: z.string().default(path.join(repoRoot, '.data/pg')),
  ZEREN_PG_PORT: z.coerce.number().int().min(1).max(65535).default(54320),
  ZEREN_DB_NAME: z
    .string()
    .regex(/^[a-z_][a-z0-9_]*$/)
    .default('zeren'),
  /** Serve the built SPA from this folder (same origin as the API). */
  ZEREN_WEB_DIST: z.string().default(path.join(repoRoot, 'apps/web/dist')),
  /** Seed the demo bureau when the database holds no organisation. */
  ZEREN_SEED_DEMO: booleanFlag.default(true),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Mark cookies Secure; on by default in production (behind TLS). */
  COOKIE_SECURE: booleanFlag,
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).default(30),
  SESSION_ABSOLUTE_HOURS: z.coerce.number().int().min(1).default(12),
  /** Login throttling (docs/security.md): failures before a lock, per account name and per client address. */
  LOGIN_MAX_FAILURES_PER_ACCOUNT: z.coerce.number().int().min(1).default(5),
  LOGIN_MAX_FAILURES_PER_ADDRESS: z.coerce.number().int().min(1).default(20),
  /** Failures are forgotten after this many quiet minutes; also the longest lock. */
  LOGIN_THROTTLE_WINDOW_MINUTES: z.coerce.number().int().min(1).default(15),
});

export type Config = z.infer<typeof Env>;

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = Env.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n');
    throw new Error(`Invalid environment:\n${problems}`);
  }
  return parsed.data;
}
