import type { RecordProgress, TargetCategory } from '@zeren/contracts';
import { createContext, use } from 'react';

/**
 * What the dashboards need from the rest of the app, passed in by the route: the paths of the
 * pages they click through to, and the targets feature's progress call (features do not import
 * each other).
 */
export interface DashboardWiring {
  /** A target's page for a leader or section chief (目标管理). */
  targetPath: (id: string) => string;
  /** A target's page in 我的目标 (tier 4 cannot open 目标管理). */
  myTargetPath: (id: string) => string;
  personPath: (id: string) => string;
  /** 目标管理 filtered to a unit (and category): where a heatmap cell leads. */
  unitTargetsPath: (unitId: string, year: number, category?: TargetCategory) => string;
  gapsPath: (year: number) => string;
  workbenchPath: (cycleId?: string) => string;
  myResultPath: (cycleId: string) => string;
  /** Records a progress update (POST recordProgress). */
  recordProgress: (targetId: string, body: RecordProgress) => Promise<unknown>;
  /** After a target changed: refresh what depends on it (the dashboards among others). */
  onTargetChanged: () => Promise<unknown>;
}

export const DashboardWiringContext = createContext<DashboardWiring | null>(null);

export function useDashboardWiring(): DashboardWiring {
  const wiring = use(DashboardWiringContext);
  if (!wiring) throw new Error('useDashboardWiring outside <DashboardPage>');
  return wiring;
}
