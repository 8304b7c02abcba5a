import { useParams } from 'react-router';
import { InspectionReport } from '@/features/supervision/components/inspection-report';
import { boardPaths } from './supervision-paths';

export function InspectionReportRoute() {
  const { id = '' } = useParams();
  return (
    <InspectionReport
      key={id}
      id={id}
      backPath="/supervision?tab=inspections"
      findingPath={boardPaths.finding}
    />
  );
}
