import { InspectionForm } from '@/features/supervision/components/inspection-form';
import { report } from './supervision-paths';

export function SupervisionInspectRoute() {
  return <InspectionForm backPath="/supervision?tab=due" reportPath={report} />;
}
