import { useQueryClient } from '@tanstack/react-query';
import type { TargetCategory } from '@zeren/contracts';
import { useMemo } from 'react';
import { useMe } from '@/features/auth/api/get-me';
import { DashboardPage } from '@/features/dashboards/components/dashboard-page';
import type { DashboardWiring } from '@/features/dashboards/components/shared/dashboard-wiring';
import { recordProgress } from '@/features/targets/api/record-progress';
import { invalidateAfterTargetChange } from '@/features/targets/api/invalidate';

const unitTargetsPath = (unitId: string, year: number, category?: TargetCategory) => {
  const query = new URLSearchParams({ unit: unitId, year: String(year) });
  if (category) query.set('category', category);
  return `/targets?${query.toString()}`;
};

// Features do not import each other: the app passes `me` from auth, the targets feature's progress
// call and the paths of the pages the dashboards click through to.
export function DashboardRoute() {
  const me = useMe();
  const queryClient = useQueryClient();
  const wiring = useMemo<DashboardWiring>(
    () => ({
      targetPath: (id) => `/targets/${id}`,
      myTargetPath: (id) => `/my/targets/${id}`,
      personPath: (id) => `/people/${id}`,
      unitTargetsPath,
      gapsPath: (year) => `/gaps?year=${year}`,
      workbenchPath: (cycleId) =>
        cycleId ? `/evaluations/workbench?cycle=${encodeURIComponent(cycleId)}` : '/evaluations/workbench',
      myResultPath: (cycleId) => `/my/results/${cycleId}`,
      recordProgress: (targetId, body) => recordProgress(targetId, body),
      onTargetChanged: () => invalidateAfterTargetChange(queryClient),
    }),
    [queryClient],
  );
  return <DashboardPage me={me} wiring={wiring} />;
}
