import { Tag } from 'antd';
import type { ComponentProps } from 'react';
import { isTier, useLabels } from '@/lib/labels';

// Warm for the leadership tiers, calm below; one mapping for every screen.
const tierColors = { 1: 'red', 2: 'volcano', 3: 'blue', 4: 'default' } as const;

type TierTagProps = { tier: number } & Omit<ComponentProps<typeof Tag>, 'color' | 'children'>;

// antd's volcano text (#d4380d) on its own tint is 4.4:1, under WCAG AA's 4.5:1 for 12px text.
const tierTextColors: Partial<Record<number, string>> = { 2: '#ad2102' };

export function TierTag({ tier, style, ...rest }: TierTagProps) {
  const labels = useLabels();
  const textColor = tierTextColors[tier];
  return (
    <Tag
      color={isTier(tier) ? tierColors[tier] : 'default'}
      style={textColor ? { color: textColor, ...style } : style}
      {...rest}
    >
      {labels.tier(tier)}
    </Tag>
  );
}
