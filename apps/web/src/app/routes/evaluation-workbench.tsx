import { WorkbenchPage } from '@/features/evaluations/components/workbench/workbench-page';

export function EvaluationWorkbenchRoute() {
  return <WorkbenchPage />;
}
