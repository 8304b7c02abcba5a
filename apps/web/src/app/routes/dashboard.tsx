import { useMe } from '@/features/auth/api/get-me';
import { WelcomeCard } from '@/features/dashboards/components/welcome-card';

// Features do not import each other: the app passes `me` from auth to the dashboard.
export function DashboardRoute() {
  const me = useMe();
  return <WelcomeCard me={me} />;
}
