// Login throttling (OWASP ASVS 2.2.1): failures are counted per account name and per client
// address in Postgres (the API keeps no state of its own, so any number of instances share it).
//
// Each key runs the same small state machine over its failure times:
// - a lock starts at the `maxFailures`-th failure and lasts `baseLockMs`, doubling with every
//   further failure up to `maxLockMs` (exponential back-off);
// - the count falls back to zero after `windowMs` without a failure once any lock has ended.
// An attempt is counted *before* the password is checked (so parallel guesses cannot slip past the
// limit) and the row is removed again when it succeeds; a success also clears the account's count.
// The account key is a hash of the name as typed, whether or not such a user exists, so an unknown
// username is throttled exactly like a known one and the answers reveal nothing.
import { DomainError } from '../../http/errors';
import { sha256Hex } from '../../lib/tokens';
import type { AuthRepository } from './auth.repository';

export interface ThrottlePolicy {
  maxFailures: number;
  windowMs: number;
  baseLockMs: number;
  maxLockMs: number;
}

export interface ThrottleState {
  failures: number;
  lockedUntil: Date | null;
}

/** Failures older than this are pruned and never looked at. */
export const THROTTLE_HORIZON_MS = 24 * 3_600_000;

export function lockDurationMs(policy: ThrottlePolicy, failures: number): number {
  if (failures < policy.maxFailures) return 0;
  return Math.min(policy.baseLockMs * 2 ** (failures - policy.maxFailures), policy.maxLockMs);
}

/** Replays one key's failure times (oldest first) and answers its state at `now`. */
export function throttleState(times: readonly Date[], policy: ThrottlePolicy, now: Date): ThrottleState {
  let failures = 0;
  let last: number | undefined;
  const isQuietSince = (at: number) =>
    last !== undefined && at - last > lockDurationMs(policy, failures) + policy.windowMs;
  for (const time of times) {
    const at = time.getTime();
    if (isQuietSince(at)) failures = 0;
    failures++;
    last = at;
  }
  if (last === undefined || isQuietSince(now.getTime())) return { failures: 0, lockedUntil: null };
  // Below the limit there is no lock, even when a concurrent attempt's time is a little after `now`.
  const lockMs = lockDurationMs(policy, failures);
  const lockedUntil = last + lockMs;
  return { failures, lockedUntil: lockMs > 0 && lockedUntil > now.getTime() ? new Date(lockedUntil) : null };
}

function waitText(seconds: number): string {
  return seconds < 60 ? `${seconds} 秒` : `${Math.ceil(seconds / 60)} 分钟`;
}

/** 429 RATE_LIMITED; the router turns `retryAfterSeconds` into a `Retry-After` header. */
export class TooManyAttemptsError extends DomainError {
  constructor(readonly retryAfterSeconds: number) {
    super('RATE_LIMITED', `登录失败次数过多，请 ${waitText(retryAfterSeconds)}后再试`, { retryAfterSeconds });
  }
}

export interface ThrottleConfig {
  account: ThrottlePolicy;
  address: ThrottlePolicy;
}

/** One counted attempt: call exactly one of these once the credentials are checked. */
export interface CountedAttempt {
  succeeded(): Promise<void>;
  failed(): Promise<void>;
}

export const accountKey = (username: string) => `account:${sha256Hex(username.trim().toLowerCase())}`;
export const addressKey = (address: string | undefined) => `address:${address ?? 'unknown'}`;

export function createLoginThrottle(deps: {
  repo: Pick<AuthRepository, 'reserveLoginAttempts' | 'forgetLoginAttempts' | 'pruneLoginAttempts'>;
  config: ThrottleConfig;
  now: () => Date;
}) {
  const { repo, config, now } = deps;

  return {
    /**
     * Counts an attempt for `username` from `address`, or throws TooManyAttemptsError while either
     * key is locked (the attempt is then not counted).
     */
    async begin(username: string, address: string | undefined): Promise<CountedAttempt> {
      const keys = [
        { key: accountKey(username), policy: config.account },
        { key: addressKey(address), policy: config.address },
      ];
      const at = now();
      const result = await repo.reserveLoginAttempts(
        keys.map((k) => k.key),
        at,
        new Date(at.getTime() - THROTTLE_HORIZON_MS),
        (timesByKey) => {
          const until = keys
            .map((k) => throttleState(timesByKey.get(k.key) ?? [], k.policy, at).lockedUntil?.getTime() ?? 0)
            .reduce((a, b) => Math.max(a, b), 0);
          return until > at.getTime() ? Math.ceil((until - at.getTime()) / 1000) : 0;
        },
      );
      if (result.retryAfterSeconds > 0) throw new TooManyAttemptsError(result.retryAfterSeconds);
      const [accountAttemptKey] = keys;
      let isSettled = false;
      return {
        async succeeded() {
          if (isSettled) return;
          isSettled = true;
          // The account starts afresh; the address only loses this attempt (an attacker with one
          // valid account must not be able to reset the address count by logging in).
          await repo.forgetLoginAttempts(accountAttemptKey!.key, result.ids);
        },
        async failed() {
          if (isSettled) return;
          isSettled = true;
          await repo.pruneLoginAttempts(new Date(now().getTime() - THROTTLE_HORIZON_MS));
        },
      };
    },
  };
}

export type LoginThrottle = ReturnType<typeof createLoginThrottle>;
