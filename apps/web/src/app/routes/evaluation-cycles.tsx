import { useMe } from '@/features/auth/api/get-me';
import { CyclesPage } from '@/features/evaluations/components/cycles/cycles-page';

const resultsPath = (cycleId: string) => `/evaluations/cycles/${cycleId}/results`;

export function EvaluationCyclesRoute() {
  const me = useMe();
  return <CyclesPage isAdmin={me.roles.includes('ADMIN')} resultsPath={resultsPath} />;
}
