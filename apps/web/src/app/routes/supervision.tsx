import { useMe } from '@/features/auth/api/get-me';
import { MyTasksPage } from '@/features/supervision/components/my-tasks-page';
import { SupervisionPage } from '@/features/supervision/components/supervision-page';
import { boardPaths, myPaths } from './supervision-paths';

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
