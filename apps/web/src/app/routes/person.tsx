import { useParams } from 'react-router';
import { PersonPage } from '@/features/chain/components/person-page';

const targetPath = (id: string) => `/targets/${id}`;

// Drill-down from the chain; the person's targets open in 目标管理.
export function PersonRoute() {
  const { id = '' } = useParams();
  return <PersonPage key={id} personId={id} targetPath={targetPath} />;
}
