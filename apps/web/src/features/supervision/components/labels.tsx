import type { FindingSeverity, FindingStatus, FindingSummary } from '@zeren/contracts';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

const statusColors: Record<FindingStatus, string> = { OPEN: 'orange', RECTIFIED: 'blue', CLOSED: 'green' };
const severityColors: Record<FindingSeverity, string> = { MINOR: 'default', MAJOR: 'gold', SERIOUS: 'red' };

export function FindingStatusTag({ status }: { status: FindingStatus }) {
  const { t } = useTranslation();
  return <Tag color={statusColors[status]}>{t(`supervision.status.${status}`)}</Tag>;
}

export function SeverityTag({ severity }: { severity: FindingSeverity }) {
  const { t } = useTranslation();
  return <Tag color={severityColors[severity]}>{t(`supervision.severity.${severity}`)}</Tag>;
}

/** The deadline, and how far past it a task is. */
export function DeadlineCell({
  finding,
}: {
  finding: Pick<FindingSummary, 'deadline' | 'isOverdue' | 'daysOverdue'>;
}) {
  const { t } = useTranslation();
  return (
    <span>
      {finding.deadline}
      {finding.isOverdue && (
        <Tag color="red" style={{ marginInlineStart: 6 }}>
          {t('supervision.overdueDays', { count: finding.daysOverdue })}
        </Tag>
      )}
    </span>
  );
}
