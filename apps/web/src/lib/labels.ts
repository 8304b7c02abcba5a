import type { Line, Role, TargetCategory, Tier, UnitKind } from '@zeren/contracts';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

const tierKeys = {
  1: 'labels.tier.1',
  2: 'labels.tier.2',
  3: 'labels.tier.3',
  4: 'labels.tier.4',
} as const;

/** The contract types tiers as numbers; this narrows to 1–4. */
export const isTier = (value: number | null | undefined): value is Tier =>
  value === 1 || value === 2 || value === 3 || value === 4;

/** Domain words in the active language (labels live in the locale files, under `labels`). */
export function useLabels() {
  const { t } = useTranslation();
  return useMemo(
    () => ({
      tier: (tier: number) => (isTier(tier) ? t(tierKeys[tier]) : String(tier)),
      line: (line: Line) => t(`labels.line.${line}`),
      category: (category: TargetCategory) => t(`labels.category.${category}`),
      unitKind: (kind: UnitKind) => t(`labels.unitKind.${kind}`),
      role: (role: Role) => t(`labels.role.${role}`),
    }),
    [t],
  );
}
