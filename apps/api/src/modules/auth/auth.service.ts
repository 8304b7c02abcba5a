import type {
  ChangePasswordRequest,
  LoginRequest,
  Me,
  Role,
  Tier,
  UpdatePreferences,
} from '@zeren/contracts';
import type { Config } from '../../config';
import type { Actor } from '../../http/actor';
import { DomainError, forbidden, notFound } from '../../http/errors';
import { hashPassword, verifyPassword } from '../../lib/passwords';
import { newToken, sha256Hex } from '../../lib/tokens';
import type { AuditService } from '../audit/audit.service';
import type { AuthRepository, SessionUser } from './auth.repository';
import { createLoginThrottle } from './login-throttle';
import { passwordProblem } from './password-policy';

/** Refresh `lastSeenAt` at most this often: the idle timeout does not need a write per request. */
const TOUCH_INTERVAL_MS = 60_000;

function rolesOf(user: SessionUser): Role[] {
  const roles = [...user.roles];
  if (user.isAssessor) roles.push('ASSESSOR');
  return roles;
}

/** Primary first, then the highest tier (the query orders them so too; this keeps it explicit). */
function activeHoldings(user: SessionUser) {
  return [...user.holdings].sort(
    (a, b) => Number(b.isPrimary) - Number(a.isPrimary) || a.post.tier - b.post.tier,
  );
}

export function toMe(user: SessionUser): Me {
  const posts = activeHoldings(user).map((h) => ({
    id: h.post.id,
    title: h.post.title,
    tier: h.post.tier,
    unit: { id: h.post.unit.id, name: h.post.unit.name, kind: h.post.unit.kind },
    lines: h.post.lines,
    isPrimary: h.isPrimary,
  }));
  return {
    user: { id: user.id, username: user.username, locale: user.locale === 'en-US' ? 'en-US' : 'zh-CN' },
    organisation: { id: user.organisationId, name: user.organisationName },
    person: { id: user.personId, name: user.personName },
    posts,
    roles: rolesOf(user),
    highestTier: posts.length ? (Math.min(...posts.map((p) => p.tier)) as Tier) : null,
  };
}

function toActor(user: SessionUser, sessionTokenHash: string): Actor {
  return {
    userId: user.id,
    organisationId: user.organisationId,
    personId: user.personId,
    sessionTokenHash,
    roles: rolesOf(user),
    posts: activeHoldings(user).map((h) => ({
      id: h.post.id,
      tier: h.post.tier,
      unitId: h.post.unitId,
      lines: h.post.lines,
    })),
  };
}

const invalidCredentials = () => new DomainError('UNAUTHENTICATED', '用户名或密码错误');

const invalidField = (path: string, message: string) =>
  new DomainError('VALIDATION_FAILED', message, [{ path, message }]);

/** Locks start at 1 minute and double with every further failure, up to the counting window. */
const BASE_LOCK_MS = 60_000;

export type AuthConfig = Pick<
  Config,
  | 'SESSION_IDLE_MINUTES'
  | 'SESSION_ABSOLUTE_HOURS'
  | 'LOGIN_MAX_FAILURES_PER_ACCOUNT'
  | 'LOGIN_MAX_FAILURES_PER_ADDRESS'
  | 'LOGIN_THROTTLE_WINDOW_MINUTES'
>;

export function createAuthService(deps: {
  repo: AuthRepository;
  audit: AuditService;
  config: AuthConfig;
  now?: () => Date;
}) {
  const { repo, config, audit } = deps;
  const now = deps.now ?? (() => new Date());
  const idleMs = config.SESSION_IDLE_MINUTES * 60_000;
  const windowMs = config.LOGIN_THROTTLE_WINDOW_MINUTES * 60_000;
  const throttle = createLoginThrottle({
    repo,
    now,
    config: {
      account: {
        maxFailures: config.LOGIN_MAX_FAILURES_PER_ACCOUNT,
        windowMs,
        baseLockMs: BASE_LOCK_MS,
        maxLockMs: Math.max(windowMs, BASE_LOCK_MS),
      },
      address: {
        maxFailures: config.LOGIN_MAX_FAILURES_PER_ADDRESS,
        windowMs,
        baseLockMs: BASE_LOCK_MS,
        maxLockMs: Math.max(windowMs, BASE_LOCK_MS),
      },
    },
  });

  /** Only administrators of the same organisation; nobody disables themselves. */
  async function accountForAdmin(actor: Actor, userId: string) {
    if (!actor.roles.includes('ADMIN')) throw forbidden('只有管理员可以停用或启用账号');
    const account = await repo.findAccount(userId);
    if (!account || account.organisationId !== actor.organisationId) throw notFound('账号');
    if (account.id === actor.userId) throw forbidden('不能停用或启用自己的账号');
    return account;
  }

  return {
    /**
     * A wrong password, an unknown user and a disabled account all answer the same 401; too many
     * failures for the name or from the address answer 429 (TooManyAttemptsError), known or not.
     */
    async login(credentials: LoginRequest, client: { ip?: string; userAgent?: string }) {
      const attempt = await throttle.begin(credentials.username, client.ip);
      let account: Awaited<ReturnType<AuthRepository['findUserByUsername']>> = null;
      try {
        account = await repo.findUserByUsername(credentials.username);
        const isValid = await verifyPassword(account?.passwordHash, credentials.password);
        if (!account || !isValid || account.disabledAt) account = null;
      } finally {
        await (account ? attempt.succeeded() : attempt.failed());
      }
      if (!account) throw invalidCredentials();
      // A fresh token at every login: a session id planted before login is never promoted.
      const token = newToken();
      const tokenHash = sha256Hex(token);
      const expiresAt = new Date(now().getTime() + config.SESSION_ABSOLUTE_HOURS * 3_600_000);
      await repo.createSession({ tokenHash, userId: account.id, expiresAt, ...client });
      const user = await repo.findUserWithPosts(account.id);
      if (!user) throw invalidCredentials();
      return { token, expiresAt, me: toMe(user) };
    },

    async logout(tokenHash: string) {
      await repo.deleteSession(tokenHash);
    },

    /** The actor for a session cookie, or null when the session is unknown, idle, expired or disabled. */
    async authenticate(token: string): Promise<Actor | null> {
      const tokenHash = sha256Hex(token);
      // One statement: the lookup, ending a dead session and the sliding-expiry touch.
      const user = await repo.resolveSession(tokenHash, now(), {
        idleMs,
        touchIntervalMs: TOUCH_INTERVAL_MS,
      });
      return user ? toActor(user, tokenHash) : null;
    },

    /**
     * Checks the current password (throttled like a login), applies the password policy, stores the
     * new hash and ends every other session of the user, audited, in one transaction.
     */
    async changePassword(actor: Actor, request: ChangePasswordRequest, client: { ip?: string }) {
      const account = await repo.findAccount(actor.userId);
      if (!account || account.disabledAt) throw new DomainError('UNAUTHENTICATED', '请先登录');
      const problem = passwordProblem(request.newPassword, {
        username: account.username,
        currentPassword: request.currentPassword,
      });
      if (problem) throw invalidField('body.newPassword', problem);
      const attempt = await throttle.begin(account.username, client.ip);
      const isValid = await verifyPassword(account.passwordHash, request.currentPassword);
      await (isValid ? attempt.succeeded() : attempt.failed());
      if (!isValid) throw invalidField('body.currentPassword', '当前密码不正确');
      const passwordHash = await hashPassword(request.newPassword);
      await repo.transaction(async (tx) => {
        await repo.setPasswordHash(tx, account.id, passwordHash);
        const endedSessions = await repo.deleteOtherSessions(tx, account.id, actor.sessionTokenHash);
        // No password material: not the old or new password, nor either hash.
        await audit.append(tx, {
          organisationId: account.organisationId,
          actorUserId: actor.userId,
          action: 'user.password.change',
          entityType: 'UserAccount',
          entityId: account.id,
          after: { endedSessions },
        });
      });
    },

    /** Disabling ends every session of the account at once (they would also fail at the next request). */
    async disableUser(actor: Actor, userId: string) {
      const account = await accountForAdmin(actor, userId);
      await repo.transaction(async (tx) => {
        const at = now();
        await repo.setDisabledAt(tx, account.id, account.disabledAt ?? at);
        const endedSessions = await repo.deleteAllSessions(tx, account.id);
        await audit.append(tx, {
          organisationId: account.organisationId,
          actorUserId: actor.userId,
          action: 'user.disable',
          entityType: 'UserAccount',
          entityId: account.id,
          before: { disabledAt: account.disabledAt },
          after: { disabledAt: account.disabledAt ?? at, endedSessions },
        });
      });
    },

    async enableUser(actor: Actor, userId: string) {
      const account = await accountForAdmin(actor, userId);
      if (!account.disabledAt) return;
      await repo.transaction(async (tx) => {
        await repo.setDisabledAt(tx, account.id, null);
        await audit.append(tx, {
          organisationId: account.organisationId,
          actorUserId: actor.userId,
          action: 'user.enable',
          entityType: 'UserAccount',
          entityId: account.id,
          before: { disabledAt: account.disabledAt },
          after: { disabledAt: null },
        });
      });
    },

    async updatePreferences(actor: Actor, preferences: UpdatePreferences): Promise<Me> {
      await repo.updateLocale(actor.userId, preferences.locale);
      return this.getMe(actor);
    },

    async getMe(actor: Actor): Promise<Me> {
      const user = await repo.findUserWithPosts(actor.userId);
      if (!user) throw new DomainError('UNAUTHENTICATED', '请先登录');
      return toMe(user);
    },
  };
}

export type AuthService = ReturnType<typeof createAuthService>;
