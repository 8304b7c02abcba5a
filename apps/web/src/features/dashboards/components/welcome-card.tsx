import type { Me, PostSummary } from '@zeren/contracts';
import { Card, Empty, Tag } from 'antd';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { TierTag } from '@/components/tier-tag';
import { useLabels } from '@/lib/labels';
import styles from './welcome-card.module.css';

/** Primary post first, then from the top tier down. */
const byImportance = (a: PostSummary, b: PostSummary) =>
  Number(b.isPrimary) - Number(a.isPrimary) || a.tier - b.tier || a.title.localeCompare(b.title, 'zh-CN');

/** The dashboard's greeting: who you are and the posts you hold, all from `me`. */
export function WelcomeCard({ me }: { me: Me }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const postsHeadingId = useId();
  const posts = [...me.posts].sort(byImportance);

  return (
    <Card>
      <h1 className={styles.title}>{t('dashboard.welcome', { name: me.person.name })}</h1>
      <p className={styles.meta}>
        <span>{t('dashboard.organisation', { name: me.organisation.name })}</span>
        {me.roles.map((role) => (
          <Tag key={role} color="geekblue">
            {labels.role(role)}
          </Tag>
        ))}
      </p>

      <section aria-labelledby={postsHeadingId}>
        <h2 id={postsHeadingId} className={styles.sectionTitle}>
          {t('dashboard.postsTitle')}
        </h2>
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
                    <span className={styles.secondary}>· {labels.unitKind(post.unit.kind)}</span>
                  </dd>
                  <dt>{t('dashboard.tier')}</dt>
                  <dd>
                    <TierTag tier={post.tier} />
                  </dd>
                  <dt>{t('dashboard.lines')}</dt>
                  <dd>
                    {post.lines.map((line) => (
                      <Tag key={line} color={line === 'PARTY' ? 'red' : 'default'}>
                        {labels.line(line)}
                      </Tag>
                    ))}
                  </dd>
                </dl>
              </li>
            ))}
          </ul>
        )}
      </section>
    </Card>
  );
}
