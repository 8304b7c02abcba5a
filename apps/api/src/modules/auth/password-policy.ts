// Password policy (OWASP ASVS 2.1): at least 8 characters, no composition rules, any character
// allowed (spaces and Chinese too), nothing truncated; refused when it is one of the most common
// passwords, the username itself, or the current password.
import { readFileSync } from 'node:fs';
import { PASSWORD_MIN_LENGTH } from '@zeren/contracts';

const COMMON_PASSWORDS: ReadonlySet<string> = new Set(
  readFileSync(new URL('./common-passwords.txt', import.meta.url), 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#')),
);

export const commonPasswordCount = () => COMMON_PASSWORDS.size;

/** Why `password` may not be used, in Chinese, or null when it may. */
export function passwordProblem(
  password: string,
  context: { username: string; currentPassword?: string },
): string | null {
  // Characters, not UTF-16 units: 密码 counts as two.
  if ([...password].length < PASSWORD_MIN_LENGTH) return `新密码至少需要 ${PASSWORD_MIN_LENGTH} 个字符`;
  const folded = password.trim().toLowerCase();
  if (COMMON_PASSWORDS.has(folded)) return '新密码过于常见，容易被猜中，请换一个';
  if (folded === context.username.trim().toLowerCase()) return '新密码不能与用户名相同';
  if (context.currentPassword !== undefined && password === context.currentPassword)
    return '新密码不能与当前密码相同';
  return null;
}
