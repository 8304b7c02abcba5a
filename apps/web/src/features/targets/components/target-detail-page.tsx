import { useQuery } from '@tanstack/react-query';
import type { TargetDetail } from '@zeren/contracts';
import { App, Breadcrumb, Button, Card, Popconfirm, Skeleton, Tag } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { CategoryTag } from '@/components/category-progress';
import { ErrorResult } from '@/components/error-result';
import { LineTag } from '@/components/line-tag';
import { serverMessage } from '@/lib/errors';
import { useArchiveTarget } from '../api/archive-target';
import { targetQueryOptions } from '../api/get-target';
import { DecompositionSection } from './decomposition-section';
import { ProgressHistory } from './progress-history';
import { ProgressPanel } from './progress-panel';
import { TargetFacts } from './target-facts';
import styles from './target-detail-page.module.css';

// The edit form (antd Form, DatePicker, InputNumber, Modal) loads when someone opens it
// (`on-demand`: the route budget, apps/web/tooling, does not count it in a first visit).
const loadEditModal = () => import(/* on-demand */ './edit-target-modal');
const EditTargetModal = lazy(() => loadEditModal().then((m) => ({ default: m.EditTargetModal })));
const preloadEditModal = () => void loadEditModal().catch(() => undefined);

interface TargetDetailPageProps {
  targetId: string;
  /** The list this detail belongs to (目标管理 or 我的目标), for the breadcrumb. */
  list: { path: string; label: string };
  targetPath: (id: string) => string;
}

export function TargetDetailPage({ targetId, list, targetPath }: TargetDetailPageProps) {
  const { t } = useTranslation();
  const query = useQuery(targetQueryOptions(targetId));

  if (query.isPending) {
    return (
      <Card>
        <Skeleton active paragraph={{ rows: 12 }} />
      </Card>
    );
  }
  if (query.isError) {
    return (
      <Card>
        <Breadcrumb
          items={[{ title: <Link to={list.path}>{list.label}</Link> }, { title: t('targets.detail.title') }]}
        />
        <ErrorResult error={query.error} onRetry={() => void query.refetch()} isRetrying={query.isFetching} />
      </Card>
    );
  }
  // Keyed by id: moving to another target (breadcrumb, child link) starts with fresh forms.
  return <TargetDetailView key={targetId} target={query.data} list={list} targetPath={targetPath} />;
}

function TargetDetailView({
  target,
  list,
  targetPath,
}: {
  target: TargetDetail;
  list: { path: string; label: string };
  targetPath: (id: string) => string;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [isEditing, setIsEditing] = useState(false);
  const archive = useArchiveTarget(target.id);
  const isArchived = target.status === 'ARCHIVED';
  const isDecomposed = target.childCount > 0;
  const { canEdit } = target.permissions;

  const onArchive = () =>
    archive.mutateAsync(target.version).then(
      () => void message.success(t('targets.archive.done')),
      (error: unknown) => void message.error(serverMessage(error) ?? t('errors.unexpected')),
    );

  return (
    <div className={styles.page}>
      <Breadcrumb
        items={[
          { title: <Link to={list.path}>{list.label}</Link> },
          ...target.ancestors.map((ancestor) => ({
            title: (
              <Link to={targetPath(ancestor.id)} data-testid="target-ancestor">
                {ancestor.title}
              </Link>
            ),
          })),
          { title: target.title },
        ]}
      />

      <Card>
        <div className={styles.header}>
          <div className={styles.headline}>
            <h1 className={styles.title} data-testid="target-title">
              {target.title}
            </h1>
            <div className={styles.tags}>
              <CategoryTag category={target.category} />
              <LineTag line={target.line} />
              <Tag>{t('targets.yearTag', { year: target.year })}</Tag>
              {target.isAtRisk && !isArchived && <Tag color="orange">{t('targets.atRisk')}</Tag>}
              {isArchived && <Tag color="default">{t('targets.archived')}</Tag>}
            </div>
          </div>
          {canEdit && !isArchived && (
            <div className={styles.actions}>
              <Button
                onPointerEnter={preloadEditModal}
                onFocus={preloadEditModal}
                onClick={() => setIsEditing(true)}
                data-testid="target-edit"
              >
                {t('targets.edit.open')}
              </Button>
              <Popconfirm
                title={t('targets.archive.confirmTitle')}
                description={
                  target.childCount > 0
                    ? t('targets.archive.confirmWithChildren', { count: target.childCount })
                    : t('targets.archive.confirm')
                }
                okText={t('targets.archive.ok')}
                okButtonProps={{ danger: true, loading: archive.isPending }}
                cancelText={t('targets.cancel')}
                onConfirm={onArchive}
              >
                <Button danger>{t('targets.archive.open')}</Button>
              </Popconfirm>
            </div>
          )}
        </div>
      </Card>

      {/* A leaf is where progress is recorded: its history sits beside the form. A decomposed
          target is about its children: they get the full width, right under the figures. */}
      <div className={styles.columns}>
        <div className={styles.main}>
          <TargetFacts target={target} />
          {!isDecomposed && <ProgressHistory target={target} />}
        </div>
        <aside className={styles.side}>
          <ProgressPanel target={target} />
        </aside>
      </div>
      {/* Tier 4 carries its targets out itself: no decomposition to show or start. */}
      {(isDecomposed || (target.owner !== null && target.owner.tier < 4)) && (
        <DecompositionSection target={target} targetPath={targetPath} />
      )}
      {isDecomposed && <ProgressHistory target={target} hideWhenEmpty />}

      {isEditing && (
        <Suspense fallback={null}>
          <EditTargetModal target={target} onClose={() => setIsEditing(false)} />
        </Suspense>
      )}
    </div>
  );
}
