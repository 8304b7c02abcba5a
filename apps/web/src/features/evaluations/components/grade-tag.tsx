import type { CycleStatus, Grade } from '@zeren/contracts';
import { Tag } from 'antd';
import type { ComponentProps } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * One colour per grade on every screen: gold for 优秀 (an honour, not "success"), the theme's
 * blue for 称职, orange and red for the two that carry consequences.
 */
export const gradeColors: Record<Grade, string> = {
  EXCELLENT: 'gold',
  COMPETENT: 'blue',
  BASICALLY_COMPETENT: 'orange',
  INCOMPETENT: 'red',
};

export const grades: readonly Grade[] = ['EXCELLENT', 'COMPETENT', 'BASICALLY_COMPETENT', 'INCOMPETENT'];

type GradeTagProps = { grade: Grade } & Omit<ComponentProps<typeof Tag>, 'color' | 'children'>;

export function GradeTag({ grade, ...rest }: GradeTagProps) {
  const { t } = useTranslation();
  return (
    <Tag color={gradeColors[grade]} {...rest}>
      {t(`evaluations.grade.${grade}`)}
    </Tag>
  );
}

export const cycleStatusColors: Record<CycleStatus, string> = {
  DRAFT: 'default',
  OPEN: 'green',
  CLOSED: 'orange',
  PUBLISHED: 'blue',
};

export function CycleStatusTag({
  status,
  ...rest
}: { status: CycleStatus } & Omit<ComponentProps<typeof Tag>, 'color' | 'children'>) {
  const { t } = useTranslation();
  return (
    <Tag color={cycleStatusColors[status]} {...rest}>
      {t(`evaluations.cycleStatus.${status}`)}
    </Tag>
  );
}
