import type { DashboardTarget } from '@zeren/contracts';
import { Empty, Segmented, Table, Tag, Tooltip } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { CategoryTag, ProgressBar } from '@/components/category-progress';
import { daysUntil, formatDay, formatMeasure } from '../../utils/format';
import { InlineProgress } from './inline-progress';
import styles from './dashboard.module.css';

interface TargetTableProps {
  targets: DashboardTarget[];
  targetPath: (id: string) => string;
  /** A section's table: who owns each target, children under their parents, and quick filters. */
  isSection?: boolean;
  emptyText: string;
  testId?: string;
}

type Row = DashboardTarget & { children?: Row[] };
type Filter = 'all' | 'atRisk' | 'recordable';

const isRecordable = (target: DashboardTarget) => target.canRecordProgress && target.childCount === 0;

/** Children under their parent when both are in the list (the chief's target, then the staff's shares). */
function toTree(targets: DashboardTarget[]): Row[] {
  const ids = new Set(targets.map((target) => target.id));
  const byParent = new Map<string, DashboardTarget[]>();
  for (const target of targets) {
    if (target.parentId && ids.has(target.parentId)) {
      byParent.set(target.parentId, [...(byParent.get(target.parentId) ?? []), target]);
    }
  }
  const build = (target: DashboardTarget): Row => {
    const children = byParent.get(target.id);
    return children ? { ...target, children: children.map(build) } : target;
  };
  return targets.filter((target) => !target.parentId || !ids.has(target.parentId)).map(build);
}

/** Targets with their progress, what was last reported, the due date and 填报 where allowed. */
export function TargetTable({ targets, targetPath, isSection = false, emptyText, testId }: TargetTableProps) {
  const { t } = useTranslation();
  const [filter, setFilter] = useState<Filter>('all');
  const rows = useMemo<Row[]>(() => {
    if (filter === 'atRisk') return targets.filter((target) => target.isAtRisk);
    if (filter === 'recordable') return targets.filter(isRecordable);
    return isSection ? toTree(targets) : targets;
  }, [targets, filter, isSection]);
  const showOwner = isSection;

  if (targets.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={emptyText} />;
  const filters = isSection && (
    <Segmented<Filter>
      className={styles.tableFilter}
      value={filter}
      onChange={setFilter}
      aria-label={t('dashboards.targets.filterLabel')}
      data-testid={testId && `${testId}-filter`}
      options={[
        { value: 'all', label: t('dashboards.targets.filterAll', { count: targets.length }) },
        {
          value: 'atRisk',
          label: t('dashboards.targets.filterAtRisk', { count: targets.filter((x) => x.isAtRisk).length }),
        },
        {
          value: 'recordable',
          label: t('dashboards.targets.filterRecordable', { count: targets.filter(isRecordable).length }),
        },
      ]}
    />
  );
  return (
    <>
      {filters}
      <Table<Row>
        size="small"
        rowKey="id"
        pagination={rows.length > 12 ? { pageSize: 12, size: 'small', hideOnSinglePage: true } : false}
        dataSource={rows}
        locale={{ emptyText: t('dashboards.targets.filterEmpty') }}
        scroll={{ x: 600 }}
        data-testid={testId}
        columns={[
          {
            key: 'title',
            title: t('dashboards.targets.title'),
            render: (_, target) => (
              <div className={styles.targetCell}>
                <span className={styles.targetTitleLine}>
                  <CategoryTag category={target.category} />
                  <Link to={targetPath(target.id)} className={styles.targetLink}>
                    {target.title}
                  </Link>
                </span>
                {showOwner && target.owner && (
                  <span className={styles.muted} data-testid="target-owner">
                    {target.owner.title}
                    {target.owner.holders.length > 0 &&
                      ` · ${target.owner.holders.map((holder) => holder.name).join('、')}`}
                  </span>
                )}
              </div>
            ),
          },
          {
            key: 'progress',
            title: t('dashboards.targets.progress'),
            width: 170,
            render: (_, target) => (
              <div data-testid={`target-progress-${target.id}`}>
                <ProgressBar value={target.progress} isAtRisk={target.isAtRisk} />
              </div>
            ),
          },
          {
            key: 'value',
            title: t('dashboards.targets.latest'),
            width: 150,
            // On a tablet the title needs the room; the target's page has the figures.
            responsive: ['lg'],
            render: (_, target) =>
              target.childCount > 0 ? (
                <span className={styles.muted}>
                  {t('dashboards.targets.childCount', { count: target.childCount })}
                </span>
              ) : (
                <span className={styles.nowrap}>
                  {formatMeasure(t, target, target.latestValue)}
                  <span className={styles.muted}> / {formatMeasure(t, target, target.goal)}</span>
                </span>
              ),
          },
          {
            key: 'due',
            title: t('dashboards.targets.due'),
            width: 120,
            render: (_, target) => <DueDate target={target} />,
          },
          {
            key: 'action',
            title: <span className={styles.srOnly}>{t('dashboards.targets.action')}</span>,
            width: 88,
            align: 'center',
            render: (_, target) =>
              target.childCount > 0 ? (
                <Tooltip title={t('dashboards.targets.rolledUpHint')}>
                  <span className={styles.muted}>{t('dashboards.targets.rolledUp')}</span>
                </Tooltip>
              ) : target.canRecordProgress ? (
                <InlineProgress target={target} />
              ) : null,
          },
        ]}
      />
    </>
  );
}

function DueDate({ target }: { target: DashboardTarget }) {
  const { t } = useTranslation();
  const days = daysUntil(target.dueDate);
  const isDone = target.progress >= 100;
  return (
    <span className={styles.nowrap}>
      {formatDay(t, target.dueDate)}
      {!isDone && days < 0 && (
        <Tag color="red" className={styles.inlineTag}>
          {t('dashboards.targets.overdue')}
        </Tag>
      )}
      {!isDone && days >= 0 && days <= 14 && (
        <Tag color="orange" className={styles.inlineTag}>
          {t('dashboards.targets.dueInDays', { count: days })}
        </Tag>
      )}
    </span>
  );
}
