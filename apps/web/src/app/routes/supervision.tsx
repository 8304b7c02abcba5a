import { useParams } from 'react-router';
import { useMe } from '@/features/auth/api/get-me';
import { FindingDetailPage } from '@/features/supervision/components/finding-detail';
import { InspectionForm } from '@/features/supervision/components/inspection-form';
import { InspectionReport } from '@/features/supervision/components/inspection-report';
import { MyTasksPage } from '@/features/supervision/components/my-tasks-page';
import { SupervisionPage, type SupervisionPaths } from '@/features/supervision/components/supervision-page';

const inspect: SupervisionPaths['inspect'] = (due) =>
  due
    ? `/supervision/inspect?${new URLSearchParams({ planId: due.planId, unitId: due.unit.id, dueOn: due.dueOn }).toString()}`
    : '/supervision/inspect';
const report = (id: string) => `/supervision/inspections/${id}`;
/** Under 督导检查 for the assessment group; under 我的整改 for owners and their superiors. */
const boardPaths: SupervisionPaths = { finding: (id) => `/supervision/findings/${id}`, inspect, report };
const myPaths: SupervisionPaths = { finding: (id) => `/my/supervision/findings/${id}`, inspect, report };

export function SupervisionRoute() {
  const me = useMe();
  const isAssessor = me.roles.includes('ASSESSOR');
  return (
    <SupervisionPage
      canInspect={isAssessor}
      canManagePlans={isAssessor || me.roles.includes('ADMIN')}
      paths={boardPaths}
    />
  );
}

export function MySupervisionRoute() {
  return <MyTasksPage paths={myPaths} />;
}

export function SupervisionInspectRoute() {
  return <InspectionForm backPath="/supervision?tab=due" reportPath={report} />;
}

export function SupervisionFindingRoute() {
  const { id = '' } = useParams();
  return <FindingDetailPage key={id} id={id} backPath="/supervision" />;
}

export function MySupervisionFindingRoute() {
  const { id = '' } = useParams();
  return <FindingDetailPage key={id} id={id} backPath="/my/supervision" />;
}

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
