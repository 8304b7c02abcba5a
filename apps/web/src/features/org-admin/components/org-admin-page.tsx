import { Card, Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { FeedbackProvider } from './feedback';
import { PeopleTab } from './people-tab';
import { PostsTab } from './posts-tab';
import { UnitsTab } from './units-tab';
import styles from './org-admin.module.css';

const tabKeys = ['units', 'people', 'posts'] as const;
type TabKey = (typeof tabKeys)[number];
const isTabKey = (value: string | null): value is TabKey => tabKeys.includes(value as TabKey);

/** 组织管理: units, people and posts of the organisation, for administrators. The tab is in the URL. */
export function OrgAdminPage() {
  const { t } = useTranslation();
  const [searchParams, setSearchParams] = useSearchParams();
  const tabParam = searchParams.get('tab');
  const activeTab: TabKey = isTabKey(tabParam) ? tabParam : 'units';

  return (
    <FeedbackProvider>
      <Card>
        <header className={styles.header}>
          <h1 className={styles.title}>{t('orgAdmin.title')}</h1>
          <p className={styles.intro}>{t('orgAdmin.intro')}</p>
        </header>
        <Tabs
          activeKey={activeTab}
          onChange={(key) => setSearchParams({ tab: key }, { replace: true })}
          destroyOnHidden
          items={[
            { key: 'units', label: t('orgAdmin.tabs.units'), children: <UnitsTab /> },
            { key: 'people', label: t('orgAdmin.tabs.people'), children: <PeopleTab /> },
            { key: 'posts', label: t('orgAdmin.tabs.posts'), children: <PostsTab /> },
          ]}
        />
      </Card>
    </FeedbackProvider>
  );
}
