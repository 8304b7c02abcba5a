import { CreatePost, Line, type OrgUnit, type Post } from '@zeren/contracts';
import { Checkbox, Col, Form, Input, Row, Select } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { TierTag } from '@/components/tier-tag';
import { zodRule } from '@/lib/form';
import { useLabels } from '@/lib/labels';
import { useCreatePost } from '../api/create-post';
import { useUpdatePost } from '../api/update-post';
import { useFeedback } from './feedback';
import { FormModal } from './form-modal';
import { applyServerErrors } from './server-errors';
import styles from './org-admin.module.css';

interface PostValues {
  code: string;
  title: string;
  tier?: number;
  unitId?: string;
  lines: Line[];
  adminSuperiorId?: string | null;
  partySuperiorId?: string | null;
}
const fields = ['code', 'title', 'tier', 'unitId', 'lines', 'adminSuperiorId', 'partySuperiorId'] as const;

/**
 * The superiors a post may report to in a line: active posts of a smaller tier number, on that
 * line (a party-only post's administrative 隶属 may be any post above it). The server checks the
 * same rules and refuses the rest.
 */
export function superiorCandidates(
  posts: readonly Post[],
  self: { id?: string; tier?: number; lines: readonly Line[] },
  line: Line,
): Post[] {
  const { tier } = self;
  if (tier === undefined || tier <= 1) return [];
  const needsLine = line === 'PARTY' || self.lines.includes('ADMINISTRATIVE');
  return posts.filter(
    (p) => !p.isArchived && p.id !== self.id && p.tier < tier && (!needsLine || p.lines.includes(line)),
  );
}

/** Creates a post, or edits `post`; superiors are chosen among the posts above it. */
export function PostForm({
  post,
  posts,
  units,
  onClose,
}: {
  post?: Post;
  posts: readonly Post[];
  units: readonly OrgUnit[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const labels = useLabels();
  const feedback = useFeedback();
  const [form] = Form.useForm<PostValues>();
  const create = useCreatePost();
  const update = useUpdatePost();
  const mutation = post ? update : create;
  const tier = Form.useWatch('tier', form);
  const lines = Form.useWatch('lines', form) ?? post?.lines ?? [];
  const isParty = lines.includes('PARTY');

  const options = (line: Line) =>
    superiorCandidates(posts, { id: post?.id, tier, lines }, line).map((p) => ({
      value: p.id,
      label: `${p.title}（${p.unit.name}）`,
      post: p,
    }));
  const adminOptions = options('ADMINISTRATIVE');
  const partyOptions = options('PARTY');

  const unitOptions = useMemo(
    () =>
      units
        .filter((u) => !u.isArchived || u.id === post?.unit.id)
        .map((u) => ({ value: u.id, label: `${u.name}（${labels.unitKind(u.kind)}）` })),
    [units, post, labels],
  );

  /** A superior that no longer fits the tier or lines is cleared rather than sent to be refused. */
  const onValuesChange = (changed: Partial<PostValues>, all: PostValues) => {
    if (!('tier' in changed) && !('lines' in changed)) return;
    const self = { id: post?.id, tier: all.tier, lines: all.lines ?? [] };
    const keep = (line: Line, id: string | null | undefined) =>
      id && superiorCandidates(posts, self, line).some((p) => p.id === id) ? id : null;
    form.setFieldsValue({
      adminSuperiorId: keep('ADMINISTRATIVE', all.adminSuperiorId),
      partySuperiorId: keep('PARTY', all.partySuperiorId),
    });
  };

  const submit = (values: PostValues) => {
    const isTop = values.tier === 1;
    const body = {
      code: values.code,
      title: values.title,
      tier: values.tier!,
      unitId: values.unitId!,
      lines: values.lines,
      adminSuperiorId: isTop ? null : (values.adminSuperiorId ?? null),
      partySuperiorId: isTop || !values.lines.includes('PARTY') ? null : (values.partySuperiorId ?? null),
    };
    const onError = (error: unknown) =>
      applyServerErrors(form, error, {
        fields,
        lineFields: { ADMINISTRATIVE: 'adminSuperiorId', PARTY: 'partySuperiorId' },
      });
    const onSuccess = () => {
      feedback.success(t('orgAdmin.common.saved'));
      onClose();
    };
    if (post) update.mutate({ id: post.id, body }, { onSuccess, onError });
    else create.mutate(body, { onSuccess, onError });
  };

  const superiorSelect = (line: Line, candidates: typeof adminOptions) => (
    <Select
      allowClear
      placeholder={
        tier === undefined
          ? t('orgAdmin.posts.chooseTierFirst')
          : candidates.length
            ? t('orgAdmin.posts.chooseSuperior')
            : t('orgAdmin.posts.noSuperiorOptions')
      }
      options={candidates}
      showSearch={{ optionFilterProp: 'label' }}
      // Titles like 党组成员、副局长（分管机关党建） need more room than half the dialog.
      popupMatchSelectWidth={400}
      aria-label={line === 'PARTY' ? t('orgAdmin.posts.partySuperior') : t('orgAdmin.posts.adminSuperior')}
      optionRender={(option) => (
        <span className={styles.option}>
          <TierTag tier={option.data.post.tier} className={styles.smallTag} />
          {option.data.post.title}
          <span className={styles.secondary}> · {option.data.post.unit.name}</span>
        </span>
      )}
    />
  );

  const tierOne = tier === 1;
  return (
    <FormModal<PostValues>
      title={post ? t('orgAdmin.posts.edit') : t('orgAdmin.posts.create')}
      width={680}
      form={form}
      initialValues={
        post
          ? {
              code: post.code,
              title: post.title,
              tier: post.tier,
              unitId: post.unit.id,
              lines: post.lines,
              adminSuperiorId: post.adminSuperiorId,
              partySuperiorId: post.partySuperiorId,
            }
          : { lines: ['ADMINISTRATIVE'] }
      }
      onSubmit={submit}
      onValuesChange={onValuesChange}
      onClose={onClose}
      isSubmitting={mutation.isPending}
      error={mutation.error}
    >
      <Row gutter={16}>
        <Col span={10}>
          <Form.Item
            name="code"
            label={t('orgAdmin.posts.code')}
            extra={t('orgAdmin.posts.codeHint')}
            rules={[zodRule(CreatePost.shape.code)]}
            required
          >
            <Input autoFocus maxLength={32} autoComplete="off" />
          </Form.Item>
        </Col>
        <Col span={14}>
          <Form.Item
            name="title"
            label={t('orgAdmin.posts.title')}
            rules={[zodRule(CreatePost.shape.title)]}
            required
          >
            <Input maxLength={100} autoComplete="off" />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col span={10}>
          <Form.Item
            name="tier"
            label={t('orgAdmin.posts.tier')}
            rules={[{ required: true, message: t('orgAdmin.posts.tierRequired') }]}
          >
            <Select
              placeholder={t('orgAdmin.posts.tierPlaceholder')}
              options={[1, 2, 3, 4].map((value) => ({ value, label: labels.tier(value) }))}
            />
          </Form.Item>
        </Col>
        <Col span={14}>
          <Form.Item
            name="unitId"
            label={t('orgAdmin.posts.unit')}
            rules={[{ required: true, message: t('orgAdmin.posts.unitRequired') }]}
          >
            <Select
              placeholder={t('orgAdmin.posts.unitPlaceholder')}
              options={unitOptions}
              showSearch={{ optionFilterProp: 'label' }}
            />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item
        name="lines"
        label={t('orgAdmin.posts.lines')}
        extra={t('orgAdmin.posts.linesHint')}
        rules={[zodRule(CreatePost.shape.lines)]}
        required
      >
        <Checkbox.Group options={Line.options.map((line) => ({ value: line, label: labels.line(line) }))} />
      </Form.Item>
      {tierOne ? (
        <p className={styles.hint}>{t('orgAdmin.posts.tierOneHint')}</p>
      ) : (
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item
              name="adminSuperiorId"
              label={t('orgAdmin.posts.adminSuperior')}
              extra={t('orgAdmin.posts.superiorHint')}
              rules={[{ required: true, message: t('orgAdmin.posts.adminSuperiorRequired') }]}
            >
              {superiorSelect('ADMINISTRATIVE', adminOptions)}
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              name="partySuperiorId"
              label={t('orgAdmin.posts.partySuperior')}
              extra={isParty ? t('orgAdmin.posts.superiorHint') : t('orgAdmin.posts.partyHint')}
              rules={isParty ? [{ required: true, message: t('orgAdmin.posts.partySuperiorRequired') }] : []}
            >
              {isParty ? superiorSelect('PARTY', partyOptions) : <Select disabled placeholder="—" />}
            </Form.Item>
          </Col>
        </Row>
      )}
    </FormModal>
  );
}
