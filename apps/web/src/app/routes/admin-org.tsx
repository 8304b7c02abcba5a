import { OrgAdminPage } from '@/features/org-admin/components/org-admin-page';

export function AdminOrgRoute() {
  return <OrgAdminPage />;
}
