import { useTranslation } from 'react-i18next';
import { useLocation, useParams } from 'react-router';
import { TargetDetailPage } from '@/features/targets/components/target-detail-page';

/**
 * One target, reached from 目标管理 (`/targets/:id`) or from 我的目标 (`/my/targets/:id`): the
 * breadcrumb, the menu and further links stay in the list the person came from.
 */
export function TargetDetailRoute() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const isMine = useLocation().pathname.startsWith('/my/');
  const base = isMine ? '/my/targets' : '/targets';
  return (
    <TargetDetailPage
      targetId={id}
      list={{ path: base, label: isMine ? t('nav.myTargets') : t('nav.targets') }}
      targetPath={(targetId) => `${base}/${targetId}`}
    />
  );
}
