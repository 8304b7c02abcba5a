import { Tag } from 'antd';
import type { ComponentProps } from 'react';
import { isTier, useLabels } from '@/lib/labels';

// Warm for the leadership tiers, calm below; one mapping for every screen.
const tierColors = { 1: 'red', 2: 'volcano', 3: 'blue', 4: 'default' } as const;

type TierTagProps = { tier: number } & Omit<ComponentProps<typeof Tag>, 'color' | 'children'>;

export function TierTag({ tier, ...rest }: TierTagProps) {
  const labels = useLabels();
  return (
    <Tag color={isTier(tier) ? tierColors[tier] : 'default'} {...rest}>
      {labels.tier(tier)}
    </Tag>
  );
}
