import { useQuery } from '@tanstack/react-query';
import type { PersonProfile, PostRef, TargetCategory, TargetSummary } from '@zeren/contracts';
import { Breadcrumb, Card, Empty, Skeleton, Table, Tag, type TableColumnsType } from 'antd';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import {
  categories,
  CategoryProgressBars,
  CategoryTag,
  formatPercent,
  ProgressBar,
} from '@/components/category-progress';
import { ErrorResult } from '@/components/error-result';
import { LineTag } from '@/components/line-tag';
import { TierTag } from '@/components/tier-tag';
import { YearSelect } from '@/components/year-select';
import { useLabels } from '@/lib/labels';
import { personProfileQueryOptions } from '../api/get-person-profile';
import styles from './person-page.module.css';

interface PersonPageProps {
  personId: string;
  /** Where a target of this person opens. */
  targetPath: (id: string) => string;
}

/** One person, drilled down to from the chain: their posts in both lines, progress and targets. */
export function PersonPage({ personId, targetPath }: PersonPageProps) {
  const { t } = useTranslation();
  const [searchParams, setSearchParams] = useSearchParams();
  const yearParam = Number(searchParams.get('year'));
  const year = Number.isInteger(yearParam) && yearParam >= 2000 ? yearParam : undefined;
  const query = useQuery(personProfileQueryOptions(personId, year));
  const chainLink = `/chain${year ? `?year=${year}` : ''}`;

  return (
    <div className={styles.page}>
      <Breadcrumb
        items={[
          { title: <Link to={chainLink}>{t('nav.chain')}</Link> },
          { title: query.data?.person.name ?? t('people.title') },
        ]}
      />
      {query.isPending ? (
        <Card>
          <Skeleton active avatar paragraph={{ rows: 6 }} />
        </Card>
      ) : query.isError ? (
        <Card>
          <ErrorResult
            error={query.error}
            onRetry={() => void query.refetch()}
            isRetrying={query.isFetching}
          />
        </Card>
      ) : (
        <PersonProfileView
          profile={query.data}
          year={year ?? new Date().getFullYear()}
          onYearChange={(value) => setSearchParams({ year: String(value) }, { replace: true })}
          targetPath={targetPath}
        />
      )}
    </div>
  );
}

function PersonProfileView({
  profile,
  year,
  onYearChange,
  targetPath,
}: {
  profile: PersonProfile;
  year: number;
  onYearChange: (year: number) => void;
  targetPath: (id: string) => string;
}) {
  const { t } = useTranslation();
  const postsHeadingId = useId();
  const targetsHeadingId = useId();
  const { person, posts } = profile;
  const hasSeveralPosts = posts.length > 1;

  return (
    <>
      <Card>
        <div className={styles.header}>
          <div>
            <h1 className={styles.name} data-testid="person-name">
              {person.name}
            </h1>
            <p className={styles.meta}>
              <span>{t('people.employeeNo', { no: person.employeeNo })}</span>
              {person.isPartyMember && <Tag color="red">{t('people.partyMember')}</Tag>}
              <span>{t('people.postCount', { count: posts.length })}</span>
            </p>
          </div>
          <YearSelect value={year} onChange={onYearChange} />
        </div>
      </Card>

      <section aria-labelledby={postsHeadingId}>
        <h2 id={postsHeadingId} className={styles.sectionTitle}>
          {t('people.postsTitle')}
        </h2>
        {posts.length === 0 ? (
          <Card>
            <Empty description={t('people.noPosts')} />
          </Card>
        ) : (
          <div className={styles.posts}>
            {posts.map(({ post, lines, isPrimary, adminSuperior, partySuperior, progress }) => (
              <Card key={post.id} size="small" className={styles.postCard}>
                <h3 className={styles.postTitle}>
                  {post.title}
                  <TierTag tier={post.tier} />
                  {isPrimary && hasSeveralPosts && <Tag color="blue">{t('people.primaryPost')}</Tag>}
                </h3>
                <dl className={styles.facts}>
                  <dt>{t('people.unit')}</dt>
                  <dd>{post.unitName}</dd>
                  <dt>{t('people.lines')}</dt>
                  <dd className={styles.tags}>
                    {lines.map((line) => (
                      <LineTag key={line} line={line} />
                    ))}
                  </dd>
                  <dt>{t('people.adminSuperior')}</dt>
                  <dd>
                    <SuperiorText superior={adminSuperior} />
                  </dd>
                  {lines.includes('PARTY') && (
                    <>
                      <dt>{t('people.partySuperior')}</dt>
                      <dd>
                        <SuperiorText superior={partySuperior} />
                      </dd>
                    </>
                  )}
                </dl>
                <div className={styles.progressRow}>
                  <div className={styles.overall}>
                    <span className={styles.overallLabel}>{t('people.overall')}</span>
                    <span className={styles.overallValue}>{formatPercent(progress.overall)}</span>
                  </div>
                  <CategoryProgressBars progress={progress} />
                </div>
              </Card>
            ))}
          </div>
        )}
      </section>

      <section aria-labelledby={targetsHeadingId}>
        <h2 id={targetsHeadingId} className={styles.sectionTitle}>
          {t('people.targetsTitle', { count: profile.targets.length })}
        </h2>
        <Card>
          <PersonTargets targets={profile.targets} showOwner={hasSeveralPosts} targetPath={targetPath} />
        </Card>
      </section>
    </>
  );
}

function SuperiorText({ superior }: { superior: PostRef | null }) {
  const { t } = useTranslation();
  if (!superior) return <span className={styles.muted}>{t('people.noSuperior')}</span>;
  const holders = superior.holderNames.join('、') || t('chain.vacant');
  return (
    <span>
      {superior.title}
      <span className={styles.muted}>（{holders}）</span>
    </span>
  );
}

const categoryOrder = (category: TargetCategory) => categories.indexOf(category);

function PersonTargets({
  targets,
  showOwner,
  targetPath,
}: {
  targets: TargetSummary[];
  showOwner: boolean;
  targetPath: (id: string) => string;
}) {
  const { t } = useTranslation();
  const labels = useLabels();
  const sorted = [...targets].sort(
    (a, b) =>
      categoryOrder(a.category) - categoryOrder(b.category) || a.title.localeCompare(b.title, 'zh-CN'),
  );
  const columns: TableColumnsType<TargetSummary> = [
    {
      key: 'category',
      title: t('targets.columns.category'),
      width: 130,
      render: (_, target) => <CategoryTag category={target.category} />,
      filters: categories.map((category) => ({ text: labels.category(category), value: category })),
      onFilter: (value, target) => target.category === value,
    },
    {
      key: 'title',
      title: t('targets.columns.title'),
      render: (_, target) => (
        <div>
          <Link to={targetPath(target.id)}>{target.title}</Link>
          {target.childCount > 0 && (
            <span className={styles.muted}> · {t('targets.childCount', { count: target.childCount })}</span>
          )}
        </div>
      ),
    },
    ...(showOwner
      ? [
          {
            key: 'owner',
            title: t('targets.columns.owner'),
            width: 160,
            render: (_: unknown, target: TargetSummary) => target.owner?.title ?? '—',
          },
        ]
      : []),
    {
      key: 'line',
      title: t('targets.columns.line'),
      width: 90,
      render: (_, target) => labels.line(target.line),
    },
    {
      key: 'weight',
      title: t('targets.columns.weight'),
      width: 70,
      align: 'right',
      render: (_, target) => target.weight,
    },
    {
      key: 'progress',
      title: t('targets.columns.progress'),
      width: 200,
      render: (_, target) => (
        <div>
          <ProgressBar value={target.progress} isAtRisk={target.isAtRisk} />
          {target.isAtRisk && <Tag color="orange">{t('targets.atRisk')}</Tag>}
        </div>
      ),
    },
    {
      key: 'dueDate',
      title: t('targets.columns.dueDate'),
      width: 110,
      render: (_, target) => target.dueDate,
    },
  ];
  return (
    <Table<TargetSummary>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={sorted}
      pagination={sorted.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
      locale={{ emptyText: <Empty description={t('people.noTargets')} /> }}
    />
  );
}
