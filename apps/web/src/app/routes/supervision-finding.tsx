import { useParams } from 'react-router';
import { FindingDetailPage } from '@/features/supervision/components/finding-detail';

export function SupervisionFindingRoute() {
  const { id = '' } = useParams();
  return <FindingDetailPage key={id} id={id} backPath="/supervision" />;
}

export function MySupervisionFindingRoute() {
  const { id = '' } = useParams();
  return <FindingDetailPage key={id} id={id} backPath="/my/supervision" />;
}
