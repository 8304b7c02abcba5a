import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { findNavItem } from '../navigation';

/**
 * PLACEHOLDER PAGE: every menu entry whose feature is not built yet routes here
 * (see `pages` in router.tsx). Replace the entry there when the feature lands.
 */
export function PlaceholderRoute() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const item = findNavItem(useLocation().pathname);
  const feature = item ? t(`nav.${item.id}`) : '';
  return (
    <Result
      status="info"
      title={<h1 style={{ font: 'inherit', margin: 0 }}>{t('placeholder.title')}</h1>}
      subTitle={t('placeholder.subtitle', { feature })}
      extra={
        item?.id !== 'dashboard' && (
          <Button type="primary" onClick={() => void navigate('/')}>
            {t('placeholder.backHome')}
          </Button>
        )
      }
    />
  );
}
