import type { OrgUnit } from '@zeren/contracts';
import { Button, Input, Switch, Table, type TableColumnsType } from 'antd';
import { lazy, Suspense, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorResult } from '@/components/error-result';
import { useLabels } from '@/lib/labels';
import { useArchiveUnit } from '../api/archive-unit';
import { useDeleteUnit } from '../api/delete-unit';
import { useUnits } from '../api/list-units';
import { useFeedback } from './feedback';
import { RowActions } from './row-actions';
import { StatusTag } from './status-tag';
import styles from './org-admin.module.css';

// Forms (antd Form, inputs, DatePicker, Modal) load when opened, not with the tab (`on-demand`:
// the route budget, apps/web/tooling, does not count them in a first visit).
const loadUnitForm = () => import(/* on-demand */ './unit-form');
const UnitForm = lazy(() => loadUnitForm().then((m) => ({ default: m.UnitForm })));

type UnitNode = OrgUnit & { children?: UnitNode[] };

/** Units as a tree (party groups under the branch); a search shows the matches as a flat list. */
function toTree(units: OrgUnit[]): UnitNode[] {
  const ids = new Set(units.map((u) => u.id));
  const nodes = new Map<string, UnitNode>(units.map((u) => [u.id, { ...u }]));
  const roots: UnitNode[] = [];
  for (const unit of units) {
    const node = nodes.get(unit.id)!;
    const parent = unit.parentId && ids.has(unit.parentId) ? nodes.get(unit.parentId) : undefined;
    if (parent) (parent.children ??= []).push(node);
    else roots.push(node);
  }
  return roots;
}

export function UnitsTab() {
  const { t } = useTranslation();
  const labels = useLabels();
  const feedback = useFeedback();
  const units = useUnits();
  const archive = useArchiveUnit();
  const remove = useDeleteUnit();
  const [search, setSearch] = useState('');
  const [showArchived, setShowArchived] = useState(false);
  const [editing, setEditing] = useState<OrgUnit | 'new' | null>(null);

  const all = useMemo(() => units.data ?? [], [units.data]);
  const nameOf = useMemo(() => new Map(all.map((u) => [u.id, u.name])), [all]);
  const rows = useMemo(() => {
    const visible = all.filter((u) => showArchived || !u.isArchived);
    const query = search.trim();
    return query ? visible.filter((u) => u.name.includes(query)) : toTree(visible);
  }, [all, search, showArchived]);

  if (units.isError) return <ErrorResult error={units.error} onRetry={() => void units.refetch()} />;

  const columns: TableColumnsType<UnitNode> = [
    {
      title: t('orgAdmin.units.name'),
      dataIndex: 'name',
      render: (name: string, unit) => (
        <span className={unit.isArchived ? styles.archived : undefined}>
          {name}
          {search.trim() && unit.parentId && (
            <span className={styles.secondary}> · {nameOf.get(unit.parentId)}</span>
          )}
        </span>
      ),
    },
    {
      title: t('orgAdmin.units.kind'),
      dataIndex: 'kind',
      width: 140,
      render: (kind) => labels.unitKind(kind),
    },
    { title: t('orgAdmin.units.postCount'), dataIndex: 'postCount', width: 100, align: 'right' },
    { title: t('orgAdmin.units.sortOrder'), dataIndex: 'sortOrder', width: 80, align: 'right' },
    {
      title: t('orgAdmin.common.status'),
      dataIndex: 'isArchived',
      width: 90,
      render: (isArchived: boolean) => <StatusTag isArchived={isArchived} />,
    },
    {
      title: t('orgAdmin.common.actions'),
      key: 'actions',
      width: 200,
      render: (_, unit) => (
        <RowActions
          name={unit.name}
          onEdit={() => setEditing(unit)}
          onArchive={
            unit.isArchived
              ? undefined
              : () =>
                  archive.mutateAsync(unit.id).then(
                    () => feedback.success(t('orgAdmin.common.archivedDone')),
                    (error: unknown) => feedback.failure(t('orgAdmin.common.cannotArchive'), error),
                  )
          }
          archiveConfirm={t('orgAdmin.units.archiveConfirm', { name: unit.name })}
          onDelete={() =>
            remove.mutateAsync(unit.id).then(
              () => feedback.success(t('orgAdmin.common.deletedDone')),
              (error: unknown) => feedback.failure(t('orgAdmin.common.cannotDelete'), error),
            )
          }
          deleteConfirm={t('orgAdmin.units.deleteConfirm', { name: unit.name })}
        />
      ),
    },
  ];

  return (
    <>
      <div className={styles.toolbar}>
        <Input.Search
          allowClear
          placeholder={t('orgAdmin.units.searchPlaceholder')}
          aria-label={t('orgAdmin.units.searchPlaceholder')}
          onChange={(event) => setSearch(event.target.value)}
          onSearch={setSearch}
          className={styles.search}
        />
        <label className={styles.switch}>
          <Switch size="small" checked={showArchived} onChange={setShowArchived} />
          {t('orgAdmin.common.showArchived')}
        </label>
        <span className={styles.spacer} />
        <Button
          type="primary"
          onPointerEnter={() => void loadUnitForm().catch(() => undefined)}
          onFocus={() => void loadUnitForm().catch(() => undefined)}
          onClick={() => setEditing('new')}
        >
          {t('orgAdmin.units.create')}
        </Button>
      </div>
      <Table<UnitNode>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={rows}
        loading={units.isPending}
        pagination={false}
        expandable={{ defaultExpandAllRows: true }}
        // Remount once the data is there, so "expand all" applies to it.
        key={units.isPending ? 'loading' : 'ready'}
        locale={{ emptyText: search.trim() ? t('orgAdmin.common.noMatch') : t('orgAdmin.units.empty') }}
      />
      <p className={styles.total}>
        {t('orgAdmin.units.total', { count: all.filter((u) => !u.isArchived).length })}
      </p>
      {editing && (
        <Suspense fallback={null}>
          <UnitForm
            unit={editing === 'new' ? undefined : editing}
            units={all}
            onClose={() => setEditing(null)}
          />
        </Suspense>
      )}
    </>
  );
}
