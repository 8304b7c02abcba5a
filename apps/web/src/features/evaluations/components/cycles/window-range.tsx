import { DatePicker } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { dayjs } from '@/lib/dayjs';

export type DayRange = [Dayjs | null, Dayjs | null] | null;

/**
 * A scoring window is whole days, as an office announces it ("11月1日至12月31日"): from the first
 * day's 00:00 to the last day's 24:00 (23:59:59), in the browser's time zone, sent with its offset.
 */
export function toWindow(range: DayRange): { windowStart?: string; windowEnd?: string } {
  const [start, end] = range ?? [null, null];
  return {
    ...(start ? { windowStart: start.startOf('day').format() } : {}),
    ...(end ? { windowEnd: end.endOf('day').format() } : {}),
  };
}

export function fromWindow(start: string | null, end: string | null): DayRange {
  return start && end ? [dayjs(start), dayjs(end)] : null;
}

interface WindowRangeProps {
  value?: DayRange;
  onChange?: (range: DayRange) => void;
  id?: string;
}

export function WindowRange({ value, onChange, id }: WindowRangeProps) {
  const { t } = useTranslation();
  return (
    <DatePicker.RangePicker
      id={id}
      value={value ?? null}
      onChange={(range) => onChange?.(range as DayRange)}
      allowEmpty={[false, false]}
      placeholder={[t('evaluations.cycles.windowStart'), t('evaluations.cycles.windowEnd')]}
      style={{ width: '100%' }}
    />
  );
}
