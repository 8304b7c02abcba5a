import type { UseQueryResult } from '@tanstack/react-query';
import { Card, Col, Row, Skeleton } from 'antd';
import type { ReactNode } from 'react';
import { ErrorResult } from '@/components/error-result';
import styles from './dashboard.module.css';

/** The dashboard's shape in grey while its one request is on its way. */
export function DashboardSkeleton() {
  return (
    <div aria-busy="true" className={styles.grid}>
      <Row gutter={[16, 16]}>
        {[0, 1, 2, 3].map((index) => (
          <Col key={index} xs={12} lg={6}>
            <Card size="small">
              <Skeleton active title={false} paragraph={{ rows: 2 }} />
            </Card>
          </Col>
        ))}
        <Col xs={24} lg={14}>
          <Card size="small">
            <Skeleton active paragraph={{ rows: 8 }} />
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <Card size="small">
            <Skeleton active paragraph={{ rows: 8 }} />
          </Card>
        </Col>
      </Row>
    </div>
  );
}

/** Loading, error (with retry) or the dashboard: each dashboard is one query. */
export function QueryState<T>({
  query,
  children,
}: {
  query: UseQueryResult<T>;
  children: (data: T) => ReactNode;
}) {
  if (query.isPending) return <DashboardSkeleton />;
  if (query.isError)
    return (
      <Card>
        <ErrorResult error={query.error} onRetry={() => void query.refetch()} isRetrying={query.isFetching} />
      </Card>
    );
  return <>{children(query.data)}</>;
}
