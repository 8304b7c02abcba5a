import { useMe } from '@/features/auth/api/get-me';
import { GapsPage } from '@/features/gaps/components/gaps-page';

const targetPath = (id: string) => `/targets/${id}`;

export function GapsRoute() {
  const me = useMe();
  return <GapsPage isTierOne={me.highestTier === 1} targetPath={targetPath} />;
}
