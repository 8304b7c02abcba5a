import type { StaffProgress, TargetCategory } from '@zeren/contracts';
import { Card, Empty } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { categories, categoryColors, formatPercent } from '@/components/category-progress';
import { useLabels } from '@/lib/labels';
import { categoriesWithData, groupedBarOption } from '../../utils/chart-options';
import { ChartCard } from '../chart/chart-card';
import { useDashboardWiring } from '../shared/dashboard-wiring';
import styles from '../shared/dashboard.module.css';

/** Each staff member's completion per category; a bar opens the person. */
export function StaffCard({ staff, testId }: { staff: StaffProgress[]; testId?: string }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const navigate = useNavigate();
  const { personPath } = useDashboardWiring();
  const title = t('dashboards.section.staff');
  const categoryLabels = useMemo(
    () =>
      Object.fromEntries(categories.map((c) => [c, labels.category(c)])) as Record<TargetCategory, string>,
    [labels],
  );
  const option = useMemo(
    () =>
      groupedBarOption(
        staff.map((member) => ({ name: member.person.name, values: member.progress })),
        categoryLabels,
        'horizontal',
      ),
    [staff, categoryLabels],
  );

  const shownCategories = categoriesWithData(
    staff.map((member) => ({ name: member.person.name, values: member.progress })),
  );
  if (staff.length === 0) {
    return (
      <Card size="small" title={title} className={styles.fill} data-testid={testId}>
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('dashboards.section.noStaff')} />
      </Card>
    );
  }
  return (
    <ChartCard
      title={title}
      testId={testId}
      legend={shownCategories.map((category) => ({
        label: categoryLabels[category],
        color: categoryColors[category],
      }))}
      chart={{
        option,
        height: Math.max(200, staff.length * 56 + 50),
        ariaLabel: t('dashboards.section.staffAria', {
          summary: staff.map((m) => `${m.person.name} ${formatPercent(m.progress.overall, 0)}`).join('，'),
        }),
        onItemClick: ({ dataIndex }) => {
          const member = staff[dataIndex];
          if (member) void navigate(personPath(member.person.id));
        },
      }}
      data={{
        columns: [
          { key: 'person', title: t('dashboards.section.person') },
          ...categories.map((c) => ({ key: c, title: categoryLabels[c], isNumeric: true })),
          { key: 'overall', title: t('dashboards.common.overall'), isNumeric: true },
          { key: 'atRisk', title: t('dashboards.kpi.atRisk'), isNumeric: true },
        ],
        rows: staff.map((member) => ({
          key: member.person.id,
          cells: {
            person: member.person.name,
            ...Object.fromEntries(categories.map((c) => [c, formatPercent(member.progress[c])])),
            overall: formatPercent(member.progress.overall),
            atRisk: member.atRiskCount,
          },
          links: { person: personPath(member.person.id) },
        })),
      }}
    />
  );
}
