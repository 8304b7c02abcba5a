import { useQuery } from '@tanstack/react-query';
import { Alert } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { mySupervisionTasksQueryOptions } from '../../api/get-my-supervision-tasks';

/**
 * Overdue rectification (督导整改): tasks of posts reporting to mine escalated to me, and my own
 * overdue tasks. Shown above every dashboard; nothing when there is nothing overdue.
 */
export function SupervisionAlert(): ReactNode {
  const { t } = useTranslation();
  const { data } = useQuery(mySupervisionTasksQueryOptions());
  if (!data) return null;
  const escalated = data.escalatedToMe;
  const mineOverdue = data.toRectify.filter((f) => f.isOverdue);
  if (escalated.length === 0 && mineOverdue.length === 0) return null;
  const items = [...mineOverdue, ...escalated].slice(0, 3);
  return (
    <Alert
      type="warning"
      showIcon
      data-testid="dashboard-supervision-alert"
      message={[
        mineOverdue.length > 0
          ? t('dashboards.supervision.mineOverdue', { count: mineOverdue.length })
          : null,
        escalated.length > 0 ? t('dashboards.supervision.escalated', { count: escalated.length }) : null,
      ]
        .filter(Boolean)
        .join(t('dashboards.supervision.separator'))}
      description={
        <ul style={{ margin: 0, paddingInlineStart: 18 }}>
          {items.map((f) => (
            <li key={f.id}>
              <Link to={`/supervision/findings/${f.id}`}>{f.description}</Link>
              {t('dashboards.supervision.item', {
                post: f.post.title,
                deadline: f.deadline,
                days: f.daysOverdue,
              })}
            </li>
          ))}
        </ul>
      }
      action={<Link to="/my/supervision">{t('dashboards.supervision.open')}</Link>}
    />
  );
}
