import type { TargetCategory } from '@zeren/contracts';
import { App, Button, Card, Form, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { YearSelect } from '@/components/year-select';
import { serverMessage } from '@/lib/errors';
import { useLabels } from '@/lib/labels';
import { useExportTargets } from '../api/export-targets';
import { useUnitOptions } from '../api/list-units';
import styles from './spreadsheets.module.css';

const categories: readonly TargetCategory[] = ['IDEOLOGICAL', 'BUSINESS', 'MANAGEMENT'];
const tiers = [1, 2, 3, 4] as const;

/** 目标进度导出: a year's target book with progress, narrowed by unit, tier and category. */
export function TargetExportCard() {
  const { t } = useTranslation();
  const labels = useLabels();
  const { message } = App.useApp();
  const units = useUnitOptions();
  const [year, setYear] = useState(() => new Date().getFullYear());
  const [unitId, setUnitId] = useState<string | undefined>();
  const [tier, setTier] = useState<number | undefined>();
  const [category, setCategory] = useState<TargetCategory | undefined>();
  const exportTargets = useExportTargets(t('spreadsheets.targetExport.file', { year }));

  const onExport = () =>
    exportTargets.mutate(
      { year, unitId, tier, category },
      { onError: (error) => void message.error(serverMessage(error) ?? t('errors.unexpected')) },
    );

  return (
    <Card id="target-export" title={t('spreadsheets.targetExport.title')} data-testid="target-export">
      <p className={styles.kindIntro}>{t('spreadsheets.targetExport.intro')}</p>
      <Form layout="inline" className={styles.exportForm} onFinish={onExport}>
        <Form.Item label={t('spreadsheets.targetExport.year')} htmlFor="target-export-year">
          <YearSelect id="target-export-year" value={year} onChange={setYear} />
        </Form.Item>
        <Form.Item label={t('spreadsheets.targetExport.unit')} htmlFor="target-export-unit">
          <Select
            id="target-export-unit"
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('spreadsheets.targetExport.all')}
            value={unitId}
            onChange={setUnitId}
            loading={units.isPending}
            style={{ width: 200 }}
            options={(units.data ?? []).map((u) => ({ value: u.id, label: u.name }))}
          />
        </Form.Item>
        <Form.Item label={t('spreadsheets.targetExport.tier')} htmlFor="target-export-tier">
          <Select
            id="target-export-tier"
            allowClear
            placeholder={t('spreadsheets.targetExport.all')}
            value={tier}
            onChange={setTier}
            style={{ width: 120 }}
            options={tiers.map((value) => ({ value, label: labels.tier(value) }))}
          />
        </Form.Item>
        <Form.Item label={t('spreadsheets.targetExport.category')} htmlFor="target-export-category">
          <Select
            id="target-export-category"
            allowClear
            placeholder={t('spreadsheets.targetExport.all')}
            value={category}
            onChange={setCategory}
            style={{ width: 150 }}
            options={categories.map((value) => ({ value, label: labels.category(value) }))}
          />
        </Form.Item>
        <Form.Item>
          <Button
            type="primary"
            htmlType="submit"
            loading={exportTargets.isPending}
            data-testid="export-targets"
          >
            {t('spreadsheets.targetExport.submit')}
          </Button>
        </Form.Item>
      </Form>
    </Card>
  );
}
