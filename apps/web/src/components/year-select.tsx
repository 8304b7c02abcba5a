import { Select } from 'antd';
import { useTranslation } from 'react-i18next';

/** The current year and its neighbours: target books are kept per year. */
export function yearOptions(selected?: number): number[] {
  const current = new Date().getFullYear();
  const years = new Set([current + 1, current, current - 1, current - 2]);
  if (selected !== undefined) years.add(selected);
  return [...years].sort((a, b) => b - a);
}

interface YearSelectProps {
  value: number;
  onChange: (year: number) => void;
  id?: string;
}

export function YearSelect({ value, onChange, id }: YearSelectProps) {
  const { t } = useTranslation();
  return (
    <Select
      id={id}
      value={value}
      onChange={onChange}
      style={{ width: 112 }}
      aria-label={t('targets.filters.year')}
      options={yearOptions(value).map((year) => ({ value: year, label: t('targets.yearOption', { year }) }))}
    />
  );
}
