import { useMe } from '@/features/auth/api/get-me';
import { TargetsPage } from '@/features/targets/components/targets-page';

// Details stay under 我的目标, which everyone may open (目标管理 is for tiers 1–3).
const targetPath = (id: string) => `/my/targets/${id}`;

export function MyTargetsRoute() {
  const me = useMe();
  return <TargetsPage key="mine" mode="mine" personId={me.person.id} targetPath={targetPath} />;
}
