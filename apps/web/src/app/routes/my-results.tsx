import { MyResultsPage } from '@/features/evaluations/components/sheet/my-results-page';

const sheetPath = (cycleId: string) => `/my/results/${cycleId}`;

export function MyResultsRoute() {
  return <MyResultsPage sheetPath={sheetPath} />;
}
