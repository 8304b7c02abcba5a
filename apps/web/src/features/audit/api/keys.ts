import type { AuditQuery } from '@zeren/contracts';

/** The filters and page of the audit table, as the URL and the API take them. */
export type AuditListQuery = AuditQuery & { page: number; pageSize: number };

/** Query keys of the audit feature; invalidate through these, never through literal arrays. */
export const auditKeys = {
  all: ['audit'] as const,
  entries: () => [...auditKeys.all, 'entries'] as const,
  entryList: (query: AuditListQuery) => [...auditKeys.entries(), query] as const,
  verification: () => [...auditKeys.all, 'verification'] as const,
};
