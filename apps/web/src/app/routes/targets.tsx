import { useMe } from '@/features/auth/api/get-me';
import { TargetsPage } from '@/features/targets/components/targets-page';

const targetPath = (id: string) => `/targets/${id}`;

// Starts at the top of what the person is responsible for: tier 1 sees the bureau's targets first.
export function TargetsRoute() {
  const me = useMe();
  return (
    <TargetsPage key="all" mode="all" defaultTier={me.highestTier ?? undefined} targetPath={targetPath} />
  );
}
