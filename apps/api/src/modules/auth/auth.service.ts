import type { LoginRequest, Me, Role, Tier } from '@zeren/contracts';
import type { Config } from '../../config';
import type { Actor } from '../../http/actor';
import { DomainError } from '../../http/errors';
import { verifyPassword } from '../../lib/passwords';
import { newToken, sha256Hex } from '../../lib/tokens';
import type { AuthRepository, UserWithPosts } from './auth.repository';

/** Refresh `lastSeenAt` at most this often: the idle timeout does not need a write per request. */
const TOUCH_INTERVAL_MS = 60_000;

function rolesOf(user: UserWithPosts): Role[] {
  const roles: Role[] = [...user.roles];
  if (user.person.assessorMembership) roles.push('ASSESSOR');
  return roles;
}

function activeHoldings(user: UserWithPosts) {
  return [...user.person.holdings].sort(
    (a, b) => Number(b.isPrimary) - Number(a.isPrimary) || a.post.tier - b.post.tier,
  );
}

export function toMe(user: UserWithPosts): Me {
  const posts = activeHoldings(user).map((h) => ({
    id: h.post.id,
    title: h.post.title,
    tier: h.post.tier as Tier,
    unit: { id: h.post.unit.id, name: h.post.unit.name, kind: h.post.unit.kind },
    lines: h.post.lines,
    isPrimary: h.isPrimary,
  }));
  return {
    user: { id: user.id, username: user.username, locale: user.locale === 'en-US' ? 'en-US' : 'zh-CN' },
    organisation: { id: user.organisation.id, name: user.organisation.name },
    person: { id: user.person.id, name: user.person.name },
    posts,
    roles: rolesOf(user),
    highestTier: posts.length ? (Math.min(...posts.map((p) => p.tier)) as Tier) : null,
  };
}

function toActor(user: UserWithPosts, sessionTokenHash: string): Actor {
  return {
    userId: user.id,
    organisationId: user.organisationId,
    personId: user.personId,
    sessionTokenHash,
    roles: rolesOf(user),
    posts: activeHoldings(user).map((h) => ({
      id: h.post.id,
      tier: h.post.tier as Tier,
      unitId: h.post.unitId,
      lines: h.post.lines,
    })),
  };
}

const invalidCredentials = () => new DomainError('UNAUTHENTICATED', '用户名或密码错误');

export function createAuthService(deps: {
  repo: AuthRepository;
  config: Pick<Config, 'SESSION_IDLE_MINUTES' | 'SESSION_ABSOLUTE_HOURS'>;
  now?: () => Date;
}) {
  const { repo, config } = deps;
  const now = deps.now ?? (() => new Date());
  const idleMs = config.SESSION_IDLE_MINUTES * 60_000;

  return {
    /** A wrong password, an unknown user and a disabled account all answer the same 401. */
    async login(credentials: LoginRequest, client: { ip?: string; userAgent?: string }) {
      const account = await repo.findUserByUsername(credentials.username);
      const isValid = await verifyPassword(account?.passwordHash, credentials.password);
      if (!account || !isValid || account.disabledAt) throw invalidCredentials();
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
      const session = await repo.findSession(tokenHash);
      if (!session) return null;
      const at = now();
      const isExpired = session.expiresAt <= at || session.lastSeenAt.getTime() + idleMs <= at.getTime();
      if (isExpired || session.user.disabledAt) {
        await repo.deleteSession(tokenHash);
        return null;
      }
      if (at.getTime() - session.lastSeenAt.getTime() > TOUCH_INTERVAL_MS)
        await repo.touchSession(tokenHash, at);
      return toActor(session.user, tokenHash);
    },

    async getMe(actor: Actor): Promise<Me> {
      const user = await repo.findUserWithPosts(actor.userId);
      if (!user) throw new DomainError('UNAUTHENTICATED', '请先登录');
      return toMe(user);
    },
  };
}

export type AuthService = ReturnType<typeof createAuthService>;
