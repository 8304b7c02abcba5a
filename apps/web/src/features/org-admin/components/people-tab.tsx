import type { Person } from '@zeren/contracts';
import { Button, Input, Select, Switch, Table, Tag, type TableColumnsType } from 'antd';
import { lazy, Suspense, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorResult } from '@/components/error-result';
import { TierTag } from '@/components/tier-tag';
import { useArchivePerson } from '../api/archive-person';
import { useDeletePerson } from '../api/delete-person';
import type { PeopleListQuery } from '../api/keys';
import { usePeople } from '../api/list-people';
import { useUnits } from '../api/list-units';
import { useFeedback } from './feedback';
import { RowActions } from './row-actions';
import { StatusTag } from './status-tag';
import styles from './org-admin.module.css';

// Forms (antd Form, inputs, DatePicker, Modal) load when opened, not with the tab (`on-demand`:
// the route budget, apps/web/tooling, does not count them in a first visit).
const loadPersonForm = () => import(/* on-demand */ './person-form');
const PersonForm = lazy(() => loadPersonForm().then((m) => ({ default: m.PersonForm })));

export function PeopleTab() {
  const { t } = useTranslation();
  const feedback = useFeedback();
  const [query, setQuery] = useState<PeopleListQuery>({ page: 1, pageSize: 20 });
  const people = usePeople(query);
  const units = useUnits();
  const archive = useArchivePerson();
  const remove = useDeletePerson();
  const [editing, setEditing] = useState<Person | 'new' | null>(null);

  const unitOptions = useMemo(
    () => (units.data ?? []).filter((u) => !u.isArchived).map((u) => ({ value: u.id, label: u.name })),
    [units.data],
  );

  if (people.isError && !people.data)
    return <ErrorResult error={people.error} onRetry={() => void people.refetch()} />;

  const columns: TableColumnsType<Person> = [
    { title: t('orgAdmin.people.employeeNo'), dataIndex: 'employeeNo', width: 90 },
    {
      title: t('orgAdmin.people.name'),
      dataIndex: 'name',
      width: 90,
      render: (name: string, person) => (
        <span className={person.isArchived ? styles.archived : undefined}>{name}</span>
      ),
    },
    {
      title: t('orgAdmin.people.gender'),
      dataIndex: 'gender',
      width: 60,
      render: (gender: string | null) =>
        gender === '男' ? t('orgAdmin.people.male') : gender === '女' ? t('orgAdmin.people.female') : '—',
    },
    {
      title: t('orgAdmin.people.politicalStatus'),
      dataIndex: 'isPartyMember',
      width: 90,
      render: (isPartyMember: boolean) =>
        isPartyMember ? <Tag color="red">{t('orgAdmin.people.partyMemberShort')}</Tag> : '—',
    },
    {
      title: t('orgAdmin.people.posts'),
      dataIndex: 'posts',
      render: (posts: Person['posts']) =>
        posts.length === 0 ? (
          <span className={styles.secondary}>{t('orgAdmin.people.noPost')}</span>
        ) : (
          <ul className={styles.plainList}>
            {posts.map((post) => (
              <li key={post.postId}>
                <TierTag tier={post.tier} className={styles.smallTag} />
                {post.title}
                <span className={styles.secondary}> · {post.unitName}</span>
                {post.isPrimary && posts.length > 1 && (
                  <Tag color="blue" className={styles.inlineTag}>
                    {t('orgAdmin.people.primary')}
                  </Tag>
                )}
              </li>
            ))}
          </ul>
        ),
    },
    {
      title: t('orgAdmin.people.username'),
      dataIndex: 'username',
      width: 100,
      render: (username: string | null) =>
        username ?? <span className={styles.secondary}>{t('orgAdmin.people.noAccount')}</span>,
    },
    {
      title: t('orgAdmin.common.status'),
      dataIndex: 'isArchived',
      width: 72,
      render: (isArchived: boolean) => <StatusTag isArchived={isArchived} />,
    },
    {
      title: t('orgAdmin.common.actions'),
      key: 'actions',
      width: 150,
      render: (_, person) => (
        <RowActions
          name={person.name}
          onEdit={() => setEditing(person)}
          onArchive={
            person.isArchived
              ? undefined
              : () =>
                  archive.mutateAsync(person.id).then(
                    () => feedback.success(t('orgAdmin.common.archivedDone')),
                    (error: unknown) => feedback.failure(t('orgAdmin.common.cannotArchive'), error),
                  )
          }
          archiveConfirm={t('orgAdmin.people.archiveConfirm', { name: person.name })}
          onDelete={() =>
            remove.mutateAsync(person.id).then(
              () => feedback.success(t('orgAdmin.common.deletedDone')),
              (error: unknown) => feedback.failure(t('orgAdmin.common.cannotDelete'), error),
            )
          }
          deleteConfirm={t('orgAdmin.people.deleteConfirm', { name: person.name })}
        />
      ),
    },
  ];

  return (
    <>
      <div className={styles.toolbar}>
        <Input.Search
          allowClear
          placeholder={t('orgAdmin.people.searchPlaceholder')}
          aria-label={t('orgAdmin.people.searchPlaceholder')}
          onSearch={(q) => setQuery((prev) => ({ ...prev, q: q.trim() || undefined, page: 1 }))}
          className={styles.search}
          enterButton
        />
        <Select
          allowClear
          placeholder={t('orgAdmin.common.allUnits')}
          aria-label={t('orgAdmin.people.unitFilter')}
          options={unitOptions}
          showSearch={{ optionFilterProp: 'label' }}
          onChange={(unitId?: string) => setQuery((prev) => ({ ...prev, unitId, page: 1 }))}
          className={styles.filter}
        />
        <label className={styles.switch}>
          <Switch
            size="small"
            checked={query.includeArchived ?? false}
            onChange={(includeArchived) => setQuery((prev) => ({ ...prev, includeArchived, page: 1 }))}
          />
          {t('orgAdmin.common.showArchived')}
        </label>
        <span className={styles.spacer} />
        <Button
          type="primary"
          onPointerEnter={() => void loadPersonForm().catch(() => undefined)}
          onFocus={() => void loadPersonForm().catch(() => undefined)}
          onClick={() => setEditing('new')}
        >
          {t('orgAdmin.people.create')}
        </Button>
      </div>
      <Table<Person>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={people.data?.items}
        loading={people.isFetching}
        locale={{
          emptyText: query.q || query.unitId ? t('orgAdmin.common.noMatch') : t('orgAdmin.people.empty'),
        }}
        pagination={{
          current: query.page,
          pageSize: query.pageSize,
          total: people.data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: [20, 50, 100],
          showTotal: (total) => t('orgAdmin.people.total', { count: total }),
          onChange: (page, pageSize) =>
            setQuery((prev) => ({ ...prev, page: pageSize === prev.pageSize ? page : 1, pageSize })),
        }}
      />
      {editing && (
        <Suspense fallback={null}>
          <PersonForm person={editing === 'new' ? undefined : editing} onClose={() => setEditing(null)} />
        </Suspense>
      )}
    </>
  );
}
