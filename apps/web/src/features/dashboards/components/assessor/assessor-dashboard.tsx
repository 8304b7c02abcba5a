import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type {
  AssessorCycleProgress,
  AssessorDashboard as AssessorData,
  MissingEvaluee,
} from '@zeren/contracts';
import { Button, Card, Col, Empty, Progress, Row, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { CategoryTag, formatPercent } from '@/components/category-progress';
import { assessorDashboardQueryOptions } from '../../api/get-assessor-dashboard';
import { cycleLong, formatDeadline, share } from '../../utils/format';
import { useDashboardWiring } from '../shared/dashboard-wiring';
import { QueryState } from '../shared/query-state';
import { StatTile } from '../shared/stat-tile';
import styles from '../shared/dashboard.module.css';

interface AssessorDashboardProps {
  cycleId: string | undefined;
  onCycleChange: (cycleId: string) => void;
}

/** 考核督导组成员: my scoring per cycle, and who I still have to score before the window closes. */
export function AssessorDashboard({ cycleId, onCycleChange }: AssessorDashboardProps) {
  // Switching cycles keeps the cycle list on screen while the new missing list loads.
  const query = useQuery({ ...assessorDashboardQueryOptions(cycleId), placeholderData: keepPreviousData });
  return (
    <QueryState query={query}>
      {(data) => <AssessorOverview data={data} onCycleChange={onCycleChange} isFetching={query.isFetching} />}
    </QueryState>
  );
}

const statusColors = { DRAFT: 'default', OPEN: 'green', CLOSED: 'orange', PUBLISHED: 'blue' } as const;
// antd's green and orange tag text on their tints is ~3.4:1; darker text keeps WCAG AA.
const statusTextColors: Partial<Record<keyof typeof statusColors, string>> = {
  OPEN: '#237804',
  CLOSED: '#ad4e00',
};

function AssessorOverview({
  data,
  onCycleChange,
  isFetching,
}: {
  data: AssessorData;
  onCycleChange: (cycleId: string) => void;
  isFetching: boolean;
}) {
  const { t } = useTranslation();
  const { workbenchPath } = useDashboardWiring();
  const selected = data.cycles.find((item) => item.cycle.id === data.selectedCycleId) ?? null;

  if (data.cycles.length === 0) {
    return (
      <Card data-testid="assessor-dashboard">
        <Empty description={t('dashboards.assessor.noCycles')} />
      </Card>
    );
  }

  const submittedShare = selected ? share(selected.submittedEvaluees, selected.evaluees) : null;
  return (
    <div className={styles.grid} data-testid="assessor-dashboard">
      <Row gutter={[16, 16]}>
        <Col xs={24} sm={8}>
          <StatTile
            label={t('dashboards.assessor.missing')}
            value={selected ? selected.missingEvaluees : '—'}
            unit={selected ? t('dashboards.assessor.peopleUnit') : undefined}
            tone={
              selected && selected.missingEvaluees > 0 ? (selected.isOpenNow ? 'danger' : 'warning') : 'good'
            }
            note={selected ? cycleLong(t, selected.cycle) : t('dashboards.assessor.noneSelected')}
            testId="kpi-missing"
          />
        </Col>
        <Col xs={24} sm={8}>
          <StatTile
            label={t('dashboards.assessor.submittedShare')}
            value={formatPercent(submittedShare, 0)}
            note={
              selected
                ? t('dashboards.assessor.submittedNote', {
                    submitted: selected.submittedEvaluees,
                    evaluees: selected.evaluees,
                    cells: selected.filledCells,
                    expected: selected.expectedCells,
                  })
                : undefined
            }
            testId="kpi-submitted"
          />
        </Col>
        <Col xs={24} sm={8}>
          <StatTile
            label={t('dashboards.assessor.closes')}
            value={selected?.cycle.windowEnd ? formatDeadline(t, selected.cycle.windowEnd) : '—'}
            note={
              selected?.isOpenNow ? (
                <Link to={workbenchPath(selected.cycle.id)}>{t('dashboards.assessor.toWorkbench')}</Link>
              ) : (
                t('dashboards.assessor.notOpen')
              )
            }
            testId="kpi-closes"
          />
        </Col>
        <Col xs={24}>
          <Card
            size="small"
            title={
              <span>
                {t('dashboards.assessor.cycles')}
                <span className={styles.cardSubtitle}>{t('dashboards.assessor.cyclesHint')}</span>
              </span>
            }
          >
            <ul className={styles.cycleList} data-testid="assessor-cycles">
              {data.cycles.map((item) => (
                <CycleRow
                  key={item.cycle.id}
                  item={item}
                  isSelected={item.cycle.id === data.selectedCycleId}
                  onSelect={() => onCycleChange(item.cycle.id)}
                />
              ))}
            </ul>
          </Card>
        </Col>
        <Col xs={24}>
          <Card
            size="small"
            loading={isFetching && !selected}
            title={
              <span>
                {t('dashboards.assessor.missingTitle')}
                {selected && <span className={styles.cardSubtitle}>{cycleLong(t, selected.cycle)}</span>}
              </span>
            }
            extra={
              selected?.isOpenNow && (
                <Link to={workbenchPath(selected.cycle.id)} data-testid="assessor-workbench-link">
                  {t('dashboards.assessor.toWorkbench')}
                </Link>
              )
            }
          >
            <MissingTable missing={data.missing} selected={selected} />
          </Card>
        </Col>
      </Row>
    </div>
  );
}

function CycleRow({
  item,
  isSelected,
  onSelect,
}: {
  item: AssessorCycleProgress;
  isSelected: boolean;
  onSelect: () => void;
}) {
  const { t } = useTranslation();
  const submitted = share(item.submittedEvaluees, item.evaluees);
  const complete = share(item.completeEvaluees, item.evaluees);
  return (
    <li className={isSelected ? `${styles.cycleRow} ${styles.cycleRowSelected}` : styles.cycleRow}>
      <Button
        type="text"
        className={styles.cycleButton}
        aria-pressed={isSelected}
        onClick={onSelect}
        data-testid={`assessor-cycle-${item.cycle.year}-${item.cycle.kind}`}
      >
        <span className={styles.cycleName}>{cycleLong(t, item.cycle)}</span>
        <Tag
          color={statusColors[item.cycle.status]}
          style={{ color: statusTextColors[item.cycle.status] }}
          className={styles.inlineTag}
        >
          {t(`evaluations.cycleStatus.${item.cycle.status}`)}
        </Tag>
      </Button>
      {item.acceptsScores ? (
        <>
          <Progress
            className={styles.cycleBar}
            percent={complete ?? 0}
            success={{ percent: submitted ?? 0, strokeColor: '#1f4e8c' }}
            strokeColor="#8fc3e8"
            showInfo={false}
            size={{ height: 8 }}
            status="normal"
            aria-label={t('dashboards.assessor.cycleAria', {
              submitted: item.submittedEvaluees,
              evaluees: item.evaluees,
            })}
          />
          <span className={styles.cycleFigure}>
            {t('dashboards.assessor.cycleFigure', {
              submitted: item.submittedEvaluees,
              evaluees: item.evaluees,
            })}
          </span>
        </>
      ) : (
        <span className={`${styles.muted} ${styles.cycleNote}`}>{t('dashboards.assessor.annualNote')}</span>
      )}
    </li>
  );
}

function MissingTable({
  missing,
  selected,
}: {
  missing: MissingEvaluee[];
  selected: AssessorCycleProgress | null;
}) {
  const { t } = useTranslation();
  if (!selected)
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('dashboards.assessor.noneSelected')} />;
  if (missing.length === 0)
    return (
      <Empty
        image={Empty.PRESENTED_IMAGE_SIMPLE}
        description={
          selected.evaluees === 0
            ? t('dashboards.assessor.noEvaluees')
            : t('dashboards.assessor.allSubmitted')
        }
      />
    );
  return (
    <Table<MissingEvaluee>
      size="small"
      rowKey={(row) => row.person.id}
      pagination={missing.length > 15 ? { pageSize: 15, size: 'small' } : false}
      dataSource={missing}
      scroll={{ x: 640 }}
      data-testid="assessor-missing"
      columns={[
        {
          key: 'person',
          title: t('dashboards.assessor.evaluee'),
          render: (_, row) => (
            <span>
              <strong>{row.person.name}</strong>
              <span className={styles.muted}> · {row.employeeNo}</span>
            </span>
          ),
        },
        {
          key: 'post',
          title: t('dashboards.assessor.post'),
          render: (_, row) => [row.unit?.name, row.post?.title].filter(Boolean).join(' · ') || '—',
        },
        {
          key: 'missing',
          title: t('dashboards.assessor.missingCategories'),
          render: (_, row) => (
            <span className={styles.tagRow}>
              {row.missingCategories.map((category) => (
                <CategoryTag key={category} category={category} />
              ))}
            </span>
          ),
        },
        {
          key: 'draft',
          title: t('dashboards.assessor.draftCategories'),
          render: (_, row) =>
            row.draftCategories.length === 0 ? (
              <span className={styles.muted}>—</span>
            ) : (
              <Tag>{t('dashboards.assessor.drafts', { count: row.draftCategories.length })}</Tag>
            ),
        },
      ]}
    />
  );
}
