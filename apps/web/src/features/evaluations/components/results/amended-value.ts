import type { AmendedField } from '@zeren/contracts';
import type { TFunction } from 'i18next';
import { formatScore } from '../../utils/format';

const isGrade = (
  value: unknown,
): value is 'EXCELLENT' | 'COMPETENT' | 'BASICALLY_COMPETENT' | 'INCOMPETENT' =>
  value === 'EXCELLENT' ||
  value === 'COMPETENT' ||
  value === 'BASICALLY_COMPETENT' ||
  value === 'INCOMPETENT';

/** An amended value as a person reads it: a score, a grade, or a veto with its reason. */
export function formatAmendedValue(t: TFunction, field: AmendedField, value: number | string | null): string {
  if (field === 'veto')
    return value === null
      ? t('evaluations.amendments.noVeto')
      : t('evaluations.amendments.vetoWith', { reason: value });
  if (field === 'grade')
    return isGrade(value) ? t(`evaluations.grade.${value}`) : value === null ? '—' : String(value);
  return typeof value === 'number' ? formatScore(value) : (value ?? '—');
}
