import type { DashboardTarget } from '@zeren/contracts';
import { Button } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';

// The form (antd Form, inputs, Drawer) loads when someone is about to use it, not with the dashboard
// (`on-demand`: the route budget, apps/web/tooling, does not count it in a first visit).
const loadDrawer = () => import(/* on-demand */ './progress-drawer');
const ProgressDrawer = lazy(loadDrawer);
const preloadDrawer = () => void loadDrawer().catch(() => undefined);

/** 填报: opens a small drawer to record progress on a leaf target, right from the dashboard. */
export function InlineProgress({ target }: { target: DashboardTarget }) {
  const { t } = useTranslation();
  const [isOpen, setOpen] = useState(false);
  const [hasOpened, setHasOpened] = useState(false);
  return (
    <>
      <Button
        size="small"
        onPointerEnter={preloadDrawer}
        onFocus={preloadDrawer}
        onClick={() => {
          setHasOpened(true);
          setOpen(true);
        }}
        aria-label={t('dashboards.inlineProgress.openFor', { title: target.title })}
        data-testid={`inline-progress-${target.id}`}
      >
        {t('dashboards.inlineProgress.open')}
      </Button>
      {hasOpened && (
        <Suspense fallback={null}>
          <ProgressDrawer target={target} isOpen={isOpen} onClose={() => setOpen(false)} />
        </Suspense>
      )}
    </>
  );
}
