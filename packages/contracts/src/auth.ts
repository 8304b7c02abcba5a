import { z } from 'zod';
import { Id, Line, Role, Tier, UnitKind } from './common';

export const LoginRequest = z
  .object({
    username: z.string().trim().min(1, '请输入用户名').max(64, '用户名过长'),
    password: z.string().min(1, '请输入密码').max(256, '密码过长'),
  })
  .meta({ id: 'LoginRequest' });
export type LoginRequest = z.infer<typeof LoginRequest>;

/** The shortest password accepted (OWASP ASVS 2.1.1); the API also refuses common passwords. */
export const PASSWORD_MIN_LENGTH = 8;

export const ChangePasswordRequest = z
  .object({
    currentPassword: z.string().min(1, '请输入当前密码').max(256, '密码过长'),
    newPassword: z
      .string()
      .min(PASSWORD_MIN_LENGTH, `新密码至少需要 ${PASSWORD_MIN_LENGTH} 个字符`)
      .max(256, '密码过长'),
  })
  .meta({ id: 'ChangePasswordRequest' });
export type ChangePasswordRequest = z.infer<typeof ChangePasswordRequest>;

export const PostSummary = z
  .object({
    id: Id,
    title: z.string(),
    tier: Tier,
    unit: z.object({ id: Id, name: z.string(), kind: UnitKind }),
    lines: z.array(Line),
    isPrimary: z.boolean(),
  })
  .meta({ id: 'PostSummary' });
export type PostSummary = z.infer<typeof PostSummary>;

export const Me = z
  .object({
    user: z.object({ id: Id, username: z.string(), locale: z.enum(['zh-CN', 'en-US']) }),
    organisation: z.object({ id: Id, name: z.string() }),
    person: z.object({ id: Id, name: z.string() }),
    posts: z.array(PostSummary),
    roles: z.array(Role),
    /** The smallest tier number among the person's posts; null if they hold none. */
    highestTier: Tier.nullable(),
  })
  .meta({ id: 'Me' });
export type Me = z.infer<typeof Me>;

export const Health = z
  .object({ status: z.enum(['ok', 'degraded']), db: z.enum(['ok', 'unreachable']) })
  .meta({ id: 'Health' });
export type Health = z.infer<typeof Health>;

/** The user's own preferences, kept on the server so they follow the user between browsers. */
export const UpdatePreferences = z
  .object({ locale: z.enum(['zh-CN', 'en-US'], '语言应为 zh-CN 或 en-US') })
  .strict()
  .meta({ id: 'UpdatePreferences' });
export type UpdatePreferences = z.infer<typeof UpdatePreferences>;
