import type { TargetDetail } from '@zeren/contracts';
import { Card, Descriptions, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { TierTag } from '@/components/tier-tag';
import { formatGoal, formatMeasureValue } from '../utils/measure';
import styles from './target-facts.module.css';

/** What the target is: owner, weight, measure, goal, due date. */
export function TargetFacts({ target }: { target: TargetDetail }) {
  const { t } = useTranslation();
  const { owner } = target;
  return (
    <Card title={t('targets.detail.facts')} size="small">
      <Descriptions
        column={2}
        size="small"
        items={[
          {
            key: 'owner',
            label: t('targets.detail.owner'),
            span: 2,
            children: owner ? (
              <span className={styles.owner}>
                <TierTag tier={owner.tier} />
                <strong>{owner.title}</strong>
                <span className={styles.muted}>{owner.unitName}</span>
                <span>
                  {owner.holderNames.length > 0 ? (
                    owner.holderNames.join('、')
                  ) : (
                    <Tag color="orange">{t('targets.vacant')}</Tag>
                  )}
                </span>
              </span>
            ) : (
              <Tag color="error">{t('targets.noOwner')}</Tag>
            ),
          },
          {
            key: 'measure',
            label: t('targets.detail.measure'),
            children: t(`targets.measureKind.${target.measureKind}`),
          },
          { key: 'goal', label: t('targets.detail.goal'), children: formatGoal(t, target) },
          {
            key: 'weight',
            label: t('targets.detail.weight'),
            children: target.parentId
              ? t('targets.detail.weightValue', { weight: target.weight })
              : target.weight,
          },
          { key: 'dueDate', label: t('targets.detail.dueDate'), children: target.dueDate },
          {
            key: 'latest',
            label: t('targets.detail.latestValue'),
            children:
              target.childCount > 0
                ? t('targets.detail.rolledUp')
                : formatMeasureValue(t, target, target.latestValue),
          },
          {
            key: 'decomposition',
            label: t('targets.detail.decomposition'),
            children:
              target.childCount > 0
                ? t('targets.childCount', { count: target.childCount })
                : t('targets.detail.notDecomposed'),
          },
          ...(target.description
            ? [
                {
                  key: 'description',
                  label: t('targets.detail.description'),
                  span: 2,
                  children: <span className={styles.description}>{target.description}</span>,
                },
              ]
            : []),
        ]}
      />
    </Card>
  );
}
