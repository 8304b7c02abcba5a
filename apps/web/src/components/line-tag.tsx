import type { Line } from '@zeren/contracts';
import { Tag } from 'antd';
import { useLabels } from '@/lib/labels';

/** 党群线 in party red, 行政线 plain: as on the dashboard's post cards. */
export function LineTag({ line }: { line: Line }) {
  const labels = useLabels();
  return <Tag color={line === 'PARTY' ? 'red' : 'default'}>{labels.line(line)}</Tag>;
}
