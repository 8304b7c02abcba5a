import type { Me, PostSummary } from '@zeren/contracts';
import { Card, Empty, Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { TierTag } from '@/components/tier-tag';
import { useLabels } from '@/lib/labels';
import styles from './welcome-card.module.css';

/** Primary post first, then from the top tier down. */
const byImportance = (a: PostSummary, b: PostSummary) =>
  Number(b.isPrimary) - Number(a.isPrimary) || a.tier - b.tier || a.title.localeCompare(b.title, 'zh-CN');

export function WelcomeCard({ me }: { me: Me }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const posts = [...me.posts].sort(byImportance);

  return (
    <Card>
      <Typography.Title level={1} style={{ fontSize: 24, marginTop: 0 }}>
        {t('dashboard.welcome', { name: me.person.name })}
      </Typography.Title>
      <Flex wrap gap={8} align="center" style={{ marginBottom: 24 }}>
        <Typography.Text type="secondary">{t('dashboard.organisation', { name: me.organisation.name })}</Typography.Text>
        {me.roles.map((role) => (
          <Tag key={role} color="geekblue">
            {labels.role(role)}
          </Tag>
        ))}
      </Flex>

      <Typography.Title level={2} style={{ fontSize: 18 }}>
        {t('dashboard.postsTitle')}
      </Typography.Title>
      {posts.length === 0 ? (
        <Empty description={t('dashboard.noPosts')} />
      ) : (
        <ul className={styles.posts}>
          {posts.map((post) => (
            <li key={post.id} className={styles.post}>
              <h3 className={styles.postTitle}>
                {post.title}
                {post.isPrimary && <Tag color="blue">{t('dashboard.primaryPost')}</Tag>}
              </h3>
              <dl className={styles.facts}>
                <dt>{t('dashboard.unit')}</dt>
                <dd>
                  {post.unit.name}
                  <Typography.Text type="secondary"> · {labels.unitKind(post.unit.kind)}</Typography.Text>
                </dd>
                <dt>{t('dashboard.tier')}</dt>
                <dd>
                  <TierTag tier={post.tier} />
                </dd>
                <dt>{t('dashboard.lines')}</dt>
                <dd>
                  <Flex wrap gap={4}>
                    {post.lines.map((line) => (
                      <Tag key={line} color={line === 'PARTY' ? 'red' : 'default'}>
                        {labels.line(line)}
                      </Tag>
                    ))}
                  </Flex>
                </dd>
              </dl>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
