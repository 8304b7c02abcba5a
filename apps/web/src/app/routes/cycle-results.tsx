import { useParams } from 'react-router';
import { ResultsPage } from '@/features/evaluations/components/results/results-page';

export function CycleResultsRoute() {
  const { id = '' } = useParams();
  return (
    <ResultsPage
      key={id}
      cycleId={id}
      cyclesPath="/evaluations/cycles"
      sheetPath={(personId) => `/evaluations/cycles/${id}/results/${personId}`}
    />
  );
}
