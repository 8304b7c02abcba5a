import { useQuery } from '@tanstack/react-query';
import { Card, Skeleton } from 'antd';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorResult } from '@/components/error-result';
import { myTasksQueryOptions } from '../api/my-tasks';
import { FindingTable } from './finding-table';
import { DueTable, type SupervisionPaths } from './supervision-page';
import styles from './supervision.module.css';

/** 我的整改: what I must rectify, what waits for 复查, what was escalated to me; assessors: what to re-inspect. */
export function MyTasksPage({ paths }: { paths: SupervisionPaths }) {
  const { t } = useTranslation();
  const headingId = useId();
  const query = useQuery(myTasksQueryOptions());
  return (
    <Card>
      <header className={styles.header}>
        <div>
          <h1 id={headingId} className={styles.title}>
            {t('supervision.tasks.title')}
          </h1>
          <p className={styles.subtitle}>{t('supervision.tasks.subtitle')}</p>
        </div>
      </header>
      {query.isPending ? (
        <Skeleton active paragraph={{ rows: 8 }} />
      ) : query.isError ? (
        <ErrorResult error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <div>
          <h2 className={styles.sectionTitle}>
            {t('supervision.tasks.toRectify', { count: query.data.toRectify.length })}
          </h2>
          <FindingTable
            findings={query.data.toRectify}
            findingPath={paths.finding}
            hidePost={false}
            emptyText={t('supervision.tasks.noneToRectify')}
            testId="tasks-to-rectify"
          />
          {query.data.escalatedToMe.length > 0 && (
            <>
              <h2 className={styles.sectionTitle}>
                {t('supervision.tasks.escalated', { count: query.data.escalatedToMe.length })}
              </h2>
              <p className={styles.muted}>{t('supervision.tasks.escalatedHint')}</p>
              <FindingTable
                findings={query.data.escalatedToMe}
                findingPath={paths.finding}
                testId="tasks-escalated"
              />
            </>
          )}
          {query.data.awaitingReinspection.length > 0 && (
            <>
              <h2 className={styles.sectionTitle}>
                {t('supervision.tasks.awaiting', { count: query.data.awaitingReinspection.length })}
              </h2>
              <FindingTable
                findings={query.data.awaitingReinspection}
                findingPath={paths.finding}
                testId="tasks-awaiting"
              />
            </>
          )}
          {query.data.toReinspect.length > 0 && (
            <>
              <h2 className={styles.sectionTitle}>
                {t('supervision.tasks.toReinspect', { count: query.data.toReinspect.length })}
              </h2>
              <FindingTable
                findings={query.data.toReinspect}
                findingPath={paths.finding}
                testId="tasks-to-reinspect"
              />
            </>
          )}
          {query.data.dueInspections.length > 0 && (
            <>
              <h2 className={styles.sectionTitle}>
                {t('supervision.tasks.due', { count: query.data.dueInspections.length })}
              </h2>
              <DueTable items={query.data.dueInspections} canInspect paths={paths} />
            </>
          )}
        </div>
      )}
    </Card>
  );
}
