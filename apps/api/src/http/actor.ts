import type { Line, Role, Tier } from '@zeren/contracts';

/** The authenticated user a request acts for, loaded once per request by `authenticate`. */
export interface Actor {
  userId: string;
  organisationId: string;
  personId: string;
  sessionTokenHash: string;
  roles: Role[];
  posts: { id: string; tier: Tier; unitId: string; lines: Line[] }[];
}
