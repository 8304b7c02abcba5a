import { AuditPage } from '@/features/audit/components/audit-page';
import { useMe } from '@/features/auth/api/get-me';

export function AdminAuditRoute() {
  const me = useMe();
  return <AuditPage organisationId={me.organisation.id} />;
}
