import { hash, verify } from '@node-rs/argon2';

// argon2id (algorithm 2) with OWASP's minimum: 19 MiB memory, 2 iterations, 1 lane.
const OPTIONS = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const hashPassword = (password: string) => hash(password, OPTIONS as never);

/** A hash of nothing, verified when the user is unknown so both paths take the same time. */
let decoyHash: Promise<string> | undefined;

export async function verifyPassword(passwordHash: string | undefined, password: string): Promise<boolean> {
  decoyHash ??= hashPassword('zeren-decoy-password');
  const target = passwordHash ?? (await decoyHash);
  const isMatch = await verify(target, password).catch(() => false);
  return passwordHash !== undefined && isMatch;
}
