import type { Post } from '@zeren/contracts';
import { Button, Input, Select, Switch, Table, Tag, type TableColumnsType } from 'antd';
import { lazy, Suspense, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorResult } from '@/components/error-result';
import { TierTag } from '@/components/tier-tag';
import { useLabels } from '@/lib/labels';
import { useArchivePost } from '../api/archive-post';
import { useDeletePost } from '../api/delete-post';
import { usePosts } from '../api/list-posts';
import { useUnits } from '../api/list-units';
import { useFeedback } from './feedback';
import { RowActions } from './row-actions';
import { StatusTag } from './status-tag';
import styles from './org-admin.module.css';

// Forms (antd Form, inputs, DatePicker, Modal) load when opened, not with the tab (`on-demand`:
// the route budget, apps/web/tooling, does not count them in a first visit).
const loadHoldingsModal = () => import(/* on-demand */ './holdings-modal');
const HoldingsModal = lazy(() => loadHoldingsModal().then((m) => ({ default: m.HoldingsModal })));
const loadPostForm = () => import(/* on-demand */ './post-form');
const PostForm = lazy(() => loadPostForm().then((m) => ({ default: m.PostForm })));

export function PostsTab() {
  const { t } = useTranslation();
  const labels = useLabels();
  const feedback = useFeedback();
  const [showArchived, setShowArchived] = useState(false);
  const posts = usePosts({ includeArchived: showArchived });
  const units = useUnits();
  const archive = useArchivePost();
  const remove = useDeletePost();
  const [search, setSearch] = useState('');
  const [tier, setTier] = useState<number>();
  const [unitId, setUnitId] = useState<string>();
  const [editing, setEditing] = useState<Post | 'new' | null>(null);
  const [holdingsOf, setHoldingsOf] = useState<string | null>(null);

  const all = useMemo(() => posts.data ?? [], [posts.data]);
  const byId = useMemo(() => new Map(all.map((p) => [p.id, p])), [all]);
  const rows = useMemo(() => {
    const query = search.trim().toLowerCase();
    return all.filter(
      (p) =>
        (tier === undefined || p.tier === tier) &&
        (unitId === undefined || p.unit.id === unitId) &&
        (!query ||
          p.title.toLowerCase().includes(query) ||
          p.code.toLowerCase().includes(query) ||
          p.unit.name.includes(query) ||
          p.holders.some((h) => h.name.includes(query))),
    );
  }, [all, search, tier, unitId]);
  const unitOptions = useMemo(
    () => (units.data ?? []).filter((u) => !u.isArchived).map((u) => ({ value: u.id, label: u.name })),
    [units.data],
  );

  if (posts.isError && !posts.data)
    return <ErrorResult error={posts.error} onRetry={() => void posts.refetch()} />;

  const superior = (label: string, id: string | null) => {
    if (!id) return null;
    return (
      <div>
        <span className={styles.secondary}>{label}</span>
        {byId.get(id)?.title ?? t('orgAdmin.posts.unknownPost')}
      </div>
    );
  };

  const columns: TableColumnsType<Post> = [
    {
      title: t('orgAdmin.posts.title'),
      dataIndex: 'title',
      render: (title: string, post) => (
        <>
          <div className={post.isArchived ? styles.archived : styles.strong}>{title}</div>
          <div className={styles.code}>{post.code}</div>
        </>
      ),
    },
    {
      title: t('orgAdmin.posts.tierAndLines'),
      dataIndex: 'tier',
      width: 124,
      render: (value: number, post) => (
        <>
          <TierTag tier={value} />
          <div className={styles.lines}>
            {post.lines.map((line) => (
              <Tag key={line} color={line === 'PARTY' ? 'red' : 'default'} className={styles.lineTag}>
                {labels.line(line)}
              </Tag>
            ))}
          </div>
        </>
      ),
    },
    { title: t('orgAdmin.posts.unit'), dataIndex: ['unit', 'name'], width: 110 },
    {
      title: t('orgAdmin.posts.superiors'),
      key: 'superiors',
      width: 210,
      render: (_, post) =>
        post.tier === 1 ? (
          <span className={styles.secondary}>{t('orgAdmin.posts.chainTop')}</span>
        ) : (
          <>
            {superior(t('orgAdmin.posts.adminShort'), post.adminSuperiorId)}
            {superior(t('orgAdmin.posts.partyShort'), post.partySuperiorId)}
          </>
        ),
    },
    {
      title: t('orgAdmin.posts.holders'),
      dataIndex: 'holders',
      width: 120,
      render: (holders: Post['holders'], post) =>
        holders.length === 0 ? (
          post.isArchived ? (
            '—'
          ) : (
            <Tag color="warning">{t('orgAdmin.posts.vacant')}</Tag>
          )
        ) : (
          holders.map((h) => (
            <div key={h.holdingId}>
              {h.name}
              {!h.isPrimary && <span className={styles.secondary}>{t('orgAdmin.posts.concurrentMark')}</span>}
            </div>
          ))
        ),
    },
    ...(showArchived
      ? [
          {
            title: t('orgAdmin.common.status'),
            dataIndex: 'isArchived',
            width: 80,
            render: (isArchived: boolean) => <StatusTag isArchived={isArchived} />,
          },
        ]
      : []),
    {
      title: t('orgAdmin.common.actions'),
      key: 'actions',
      width: 196,
      render: (_, post) => (
        <RowActions
          name={post.title}
          onEdit={() => setEditing(post)}
          onArchive={
            post.isArchived
              ? undefined
              : () =>
                  archive.mutateAsync(post.id).then(
                    () => feedback.success(t('orgAdmin.common.archivedDone')),
                    (error: unknown) => feedback.failure(t('orgAdmin.common.cannotArchive'), error),
                  )
          }
          archiveConfirm={t('orgAdmin.posts.archiveConfirm', { title: post.title })}
          onDelete={() =>
            remove.mutateAsync(post.id).then(
              () => feedback.success(t('orgAdmin.common.deletedDone')),
              (error: unknown) => feedback.failure(t('orgAdmin.common.cannotDelete'), error),
            )
          }
          deleteConfirm={t('orgAdmin.posts.deleteConfirm', { title: post.title })}
        >
          <Button
            type="link"
            size="small"
            onPointerEnter={() => void loadHoldingsModal().catch(() => undefined)}
            onFocus={() => void loadHoldingsModal().catch(() => undefined)}
            onClick={() => setHoldingsOf(post.id)}
            aria-label={`${t('orgAdmin.posts.manageHolders')} ${post.title}`}
          >
            {t('orgAdmin.posts.holdersAction')}
          </Button>
        </RowActions>
      ),
    },
  ];

  const holdingsPost = holdingsOf ? byId.get(holdingsOf) : undefined;
  const activeCount = all.filter((p) => !p.isArchived).length;
  const vacantCount = all.filter((p) => !p.isArchived && p.holders.length === 0).length;

  return (
    <>
      <div className={styles.toolbar}>
        <Input.Search
          allowClear
          placeholder={t('orgAdmin.posts.searchPlaceholder')}
          aria-label={t('orgAdmin.posts.searchPlaceholder')}
          onChange={(event) => setSearch(event.target.value)}
          onSearch={setSearch}
          className={styles.search}
        />
        <Select
          allowClear
          placeholder={t('orgAdmin.posts.allTiers')}
          aria-label={t('orgAdmin.posts.tierFilter')}
          options={[1, 2, 3, 4].map((value) => ({ value, label: labels.tier(value) }))}
          value={tier}
          onChange={setTier}
          className={styles.filterNarrow}
        />
        <Select
          allowClear
          placeholder={t('orgAdmin.common.allUnits')}
          aria-label={t('orgAdmin.posts.unitFilter')}
          options={unitOptions}
          showSearch={{ optionFilterProp: 'label' }}
          value={unitId}
          onChange={setUnitId}
          className={styles.filter}
        />
        <label className={styles.switch}>
          <Switch size="small" checked={showArchived} onChange={setShowArchived} />
          {t('orgAdmin.common.showArchived')}
        </label>
        <span className={styles.spacer} />
        <Button
          type="primary"
          onPointerEnter={() => void loadPostForm().catch(() => undefined)}
          onFocus={() => void loadPostForm().catch(() => undefined)}
          onClick={() => setEditing('new')}
        >
          {t('orgAdmin.posts.create')}
        </Button>
      </div>
      <Table<Post>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={rows}
        loading={posts.isFetching && !posts.data}
        scroll={{ x: 960 }}
        locale={{
          emptyText: search || tier || unitId ? t('orgAdmin.common.noMatch') : t('orgAdmin.posts.empty'),
        }}
        pagination={{
          defaultPageSize: 20,
          showSizeChanger: true,
          pageSizeOptions: [20, 50, 100],
          showTotal: (total) => t('orgAdmin.posts.total', { count: total }),
        }}
      />
      {posts.data && (
        <p className={styles.total}>
          {t('orgAdmin.posts.summary', { count: activeCount, vacant: vacantCount })}
        </p>
      )}
      <Suspense fallback={null}>
        {editing && (
          <PostForm
            post={editing === 'new' ? undefined : editing}
            posts={all}
            units={units.data ?? []}
            onClose={() => setEditing(null)}
          />
        )}
        {holdingsPost && <HoldingsModal post={holdingsPost} onClose={() => setHoldingsOf(null)} />}
      </Suspense>
    </>
  );
}
