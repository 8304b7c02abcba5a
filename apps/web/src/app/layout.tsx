import { Button, Layout, Menu, Spin, Tag, type MenuProps } from 'antd';
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation, useNavigate, useNavigation } from 'react-router';
import { ForbiddenResult } from '@/components/forbidden-result';
import { LanguageSwitch } from '@/components/language-switch';
import { TierTag } from '@/components/tier-tag';
import { useMe } from '@/features/auth/api/get-me';
import { useLogout } from '@/features/auth/api/logout';
import { useUpdatePreferences } from '@/features/auth/api/update-preferences';
import { changeLanguage, currentLanguage } from '@/lib/i18n';
import { loginPath } from '@/features/auth/utils/return-path';
import { AntdProvider } from './antd-provider';
import { findNavItem, navigationFor } from './navigation';
import styles from './layout.module.css';

export { ContentErrorBoundary } from './routes/content-error';

/** The authenticated shell: side menu, header with who is logged in, and the page. Lazy-loaded after login. */
export function AppLayout() {
  const me = useMe();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const isNavigating = useNavigation().state === 'loading';
  const logoutMutation = useLogout({ onLoggedOut: () => navigate(loginPath, { replace: true }) });
  const { mutate: savePreferences } = useUpdatePreferences();
  // The language is remembered per user on the server: it follows them to any browser.
  useEffect(() => {
    if (me.user.locale !== currentLanguage()) void changeLanguage(me.user.locale);
  }, [me.user.locale]);

  const currentItem = findNavItem(pathname);
  const canSeePage = !currentItem || currentItem.canAccess(me);
  const primaryPost = me.posts.find((post) => post.isPrimary) ?? me.posts[0];

  const menuItems = useMemo<MenuProps['items']>(
    () =>
      navigationFor(me).map((group) => ({
        type: 'group',
        key: group.id,
        label: t(`nav.groups.${group.id}`),
        children: group.items.map((item) => ({
          key: item.path,
          // Real links: middle-click and "open in new tab" work, and the menu's arrow keys move focus
          // between them, so Enter follows a link like anywhere else.
          label: <Link to={item.path}>{t(`nav.${item.id}`)}</Link>,
        })),
      })),
    [me, t],
  );

  return (
    <AntdProvider>
      <a className="skip-link" href="#main-content">
        {t('app.skipToContent')}
      </a>
      <Layout style={{ minHeight: '100vh' }}>
        <Layout.Sider width={224} breakpoint="lg" collapsedWidth={0}>
          <Link to="/" className={styles.brand}>
            <span className={styles.seal} aria-hidden="true">
              责
            </span>
            <span>
              {t('app.name')} <span className={styles.latin}>{t('app.latinName')}</span>
            </span>
          </Link>
          <nav aria-label={t('app.mainNavigation')}>
            <Menu
              theme="dark"
              mode="inline"
              items={menuItems}
              selectedKeys={currentItem ? [currentItem.path] : []}
            />
          </nav>
        </Layout.Sider>
        <Layout>
          <Layout.Header className={styles.header}>
            <span className={styles.organisation}>{me.organisation.name}</span>
            <div className={styles.toolbar}>
              <div className={styles.identity} aria-label={t('header.account')} role="group">
                <span className={styles.personName} data-testid="current-user-name">
                  {me.person.name}
                </span>
                <span className={styles.postTitle}>{primaryPost?.title ?? t('header.noPost')}</span>
                {me.highestTier === null ? (
                  <Tag data-testid="current-user-tier">{t('header.noTier')}</Tag>
                ) : (
                  <TierTag tier={me.highestTier} data-testid="current-user-tier" />
                )}
              </div>
              <LanguageSwitch onChange={(locale) => savePreferences({ locale })} />
              <Button
                onClick={() => logoutMutation.mutate()}
                loading={logoutMutation.isPending}
                aria-label={t('auth.logout')}
                data-testid="logout"
              >
                {t('auth.logout')}
              </Button>
            </div>
          </Layout.Header>
          <Layout.Content id="main-content" tabIndex={-1} className={styles.content}>
            <Spin spinning={isNavigating} delay={200}>
              {canSeePage ? <Outlet /> : <ForbiddenResult />}
            </Spin>
          </Layout.Content>
        </Layout>
      </Layout>
    </AntdProvider>
  );
}
