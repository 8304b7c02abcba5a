import { useQuery } from '@tanstack/react-query';
import type { MyResults } from '@zeren/contracts';
import { Card, Empty, Skeleton, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorResult } from '@/components/error-result';
import { myResultsQueryOptions } from '../../api/list-my-results';
import { cycleTitle, formatDate, formatPoints } from '../../utils/format';
import { GradeTag } from '../grade-tag';
import styles from './my-results.module.css';

type Item = MyResults['items'][number];

/** 我的考评结果: my published results, newest first, each opening its result sheet. */
export function MyResultsPage({ sheetPath }: { sheetPath: (cycleId: string) => string }) {
  const { t } = useTranslation();
  const query = useQuery(myResultsQueryOptions());

  return (
    <Card>
      <header className={styles.header}>
        <h1 className={styles.title}>{t('evaluations.mine.title')}</h1>
        <p className={styles.subtitle}>{t('evaluations.mine.subtitle')}</p>
      </header>
      {query.isPending ? (
        <Skeleton active paragraph={{ rows: 6 }} />
      ) : query.isError ? (
        <ErrorResult error={query.error} onRetry={() => void query.refetch()} isRetrying={query.isFetching} />
      ) : query.data.items.length === 0 ? (
        <Empty description={t('evaluations.mine.empty')} />
      ) : (
        <Table<Item>
          rowKey={(item) => item.cycle.id}
          dataSource={query.data.items}
          pagination={false}
          data-testid="my-results"
          columns={[
            {
              key: 'cycle',
              title: t('evaluations.mine.cycle'),
              render: (_, item) => (
                <Link
                  to={sheetPath(item.cycle.id)}
                  className={styles.cycleLink}
                  data-testid={`my-result-${item.cycle.kind}`}
                >
                  {cycleTitle(t, item.cycle)}
                </Link>
              ),
            },
            {
              key: 'total',
              title: t('evaluations.mine.total'),
              align: 'right',
              width: 100,
              render: (_, item) => <strong className={styles.num}>{formatPoints(item.total)}</strong>,
            },
            {
              key: 'rank',
              title: t('evaluations.mine.rank'),
              align: 'right',
              width: 90,
              render: (_, item) => item.rank,
            },
            {
              key: 'grade',
              title: t('evaluations.mine.grade'),
              width: 200,
              render: (_, item) => (
                <>
                  <GradeTag grade={item.grade} />
                  {item.isVetoed && <Tag color="red">{t('evaluations.adjustmentKind.VETO')}</Tag>}
                </>
              ),
            },
            {
              key: 'published',
              title: t('evaluations.mine.publishedAt'),
              width: 160,
              render: (_, item) => formatDate(t, item.cycle.publishedAt),
            },
            {
              key: 'open',
              title: '',
              width: 120,
              render: (_, item) => <Link to={sheetPath(item.cycle.id)}>{t('evaluations.mine.open')}</Link>,
            },
            {
              key: 'registrationForm',
              title: '',
              width: 120,
              render: (_, item) => (
                <Link
                  to={`${sheetPath(item.cycle.id)}/registration-form`}
                  data-testid={`my-registration-form-${item.cycle.kind}`}
                >
                  {t('registrationForm.open')}
                </Link>
              ),
            },
          ]}
        />
      )}
    </Card>
  );
}
