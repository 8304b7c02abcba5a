import type { TargetDetail, TargetSummary } from '@zeren/contracts';
import { Button, Card, Empty, Skeleton, Tag } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ProgressBar } from '@/components/category-progress';
import { PlainTable, type PlainColumn } from '@/components/plain-table';
import { TierTag } from '@/components/tier-tag';
import { WeightSum } from './weight-sum';
import styles from './decomposition-section.module.css';

// The editor (antd Form, Select, InputNumber, DatePicker) loads when someone starts decomposing
// (`on-demand`: the route budget, apps/web/tooling, does not count it in a first visit).
const loadEditor = () => import(/* on-demand */ './decomposition-editor');
const DecompositionEditor = lazy(() => loadEditor().then((m) => ({ default: m.DecompositionEditor })));
const preloadEditor = () => void loadEditor().catch(() => undefined);

/** 逐级分解: the children of this target, and (for its owner) the editor of that decomposition. */
export function DecompositionSection({
  target,
  targetPath,
}: {
  target: TargetDetail;
  targetPath: (id: string) => string;
}) {
  const { t } = useTranslation();
  const [isEditing, setIsEditing] = useState(false);
  const isArchived = target.status === 'ARCHIVED';
  const ownerTier = target.owner?.tier;
  const canDecompose =
    target.permissions.canDecompose &&
    !isArchived &&
    target.owner !== null &&
    ownerTier !== undefined &&
    ownerTier < 4;
  const children = target.children.filter((child) => child.status === 'ACTIVE');

  const columns: PlainColumn<TargetSummary>[] = [
    {
      key: 'title',
      title: t('targets.columns.childTitle'),
      render: (child) => <Link to={targetPath(child.id)}>{child.title}</Link>,
    },
    {
      key: 'owner',
      title: t('targets.columns.owner'),
      width: 260,
      render: (child) =>
        child.owner ? (
          <div>
            <div>
              <TierTag tier={child.owner.tier} className={styles.tierTag} />
              {child.owner.title}
            </div>
            <div className={styles.muted}>{child.owner.holderNames.join('、') || t('targets.vacant')}</div>
          </div>
        ) : (
          <Tag color="error">{t('targets.noOwner')}</Tag>
        ),
    },
    {
      key: 'weight',
      title: t('targets.columns.weight'),
      width: 64,
      align: 'right',
      render: (c) => c.weight,
    },
    {
      key: 'progress',
      title: t('targets.columns.progress'),
      width: 190,
      render: (child) => <ProgressBar value={child.progress} isAtRisk={child.isAtRisk} />,
    },
    { key: 'dueDate', title: t('targets.columns.dueDate'), width: 108, render: (child) => child.dueDate },
  ];

  return (
    <Card
      size="small"
      title={t('targets.decompose.title')}
      extra={
        canDecompose &&
        !isEditing && (
          <Button
            type="primary"
            ghost
            size="small"
            onPointerEnter={preloadEditor}
            onFocus={preloadEditor}
            onClick={() => setIsEditing(true)}
            data-testid="decompose-open"
          >
            {children.length > 0 ? t('targets.decompose.edit') : t('targets.decompose.start')}
          </Button>
        )
      }
    >
      {isEditing ? (
        <Suspense fallback={<Skeleton active />}>
          <DecompositionEditor target={target} onDone={() => setIsEditing(false)} />
        </Suspense>
      ) : children.length === 0 ? (
        <Empty
          image={Empty.PRESENTED_IMAGE_SIMPLE}
          description={
            ownerTier === 4
              ? t('targets.decompose.emptyTier4')
              : canDecompose
                ? t('targets.decompose.emptyCanDecompose')
                : t('targets.decompose.empty')
          }
        />
      ) : (
        <>
          <div className={styles.summary}>
            <WeightSum sum={target.childWeightSum} childCount={children.length} />
          </div>
          <PlainTable<TargetSummary> rowKey={(child) => child.id} columns={columns} rows={children} />
        </>
      )}
    </Card>
  );
}
