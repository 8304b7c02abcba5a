import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addMonth,
  assertFindingTransition,
  chinaDate,
  computeDeadline,
  cyclePeriod,
  daysOverdue,
  deadlineEnd,
  DEFAULT_FINDING_DEDUCTION_SETTINGS,
  escalationTarget,
  FINDING_STATUSES,
  FINDING_TRANSITIONS,
  isOverdue,
  listFindingTransitions,
  needsEscalation,
  nextOccurrence,
  proposeFindingDeductions,
  type EscalationPost,
  type FindingFacts,
} from './supervision';

const CHINESE = /[\u4e00-\u9fff]/;

describe('deadlines', () => {
  it('defaults by severity: 3 days serious, 7 major, 14 minor', () => {
    expect(computeDeadline('2026-07-10', 'SERIOUS')).toEqual({ ok: true, value: '2026-07-13' });
    expect(computeDeadline('2026-07-10', 'MAJOR')).toEqual({ ok: true, value: '2026-07-17' });
    expect(computeDeadline('2026-07-28', 'MINOR')).toEqual({ ok: true, value: '2026-08-11' });
  });

  it('takes the inspector’s date, not before the inspection and at most 90 days after it', () => {
    expect(computeDeadline('2026-07-10', 'MINOR', '2026-07-10')).toEqual({ ok: true, value: '2026-07-10' });
    const early = computeDeadline('2026-07-10', 'MINOR', '2026-07-09');
    expect(early.ok).toBe(false);
    if (!early.ok) {
      expect(early.error.kind).toBe('DEADLINE_BEFORE_INSPECTION');
      expect(early.error.message).toMatch(CHINESE);
    }
    expect(computeDeadline('2026-07-10', 'MINOR', '2026-10-08').ok).toBe(true);
    const far = computeDeadline('2026-07-10', 'MINOR', '2026-10-09');
    expect(!far.ok && far.error.kind).toBe('DEADLINE_TOO_FAR');
  });

  it('ends a deadline day at midnight in China', () => {
    expect(deadlineEnd('2026-07-13').toISOString()).toBe('2026-07-13T15:59:59.999Z');
  });

  it('is overdue only after the deadline day in China and while not closed', () => {
    const f = { status: 'OPEN' as const, deadline: '2026-07-13' };
    expect(isOverdue(f, new Date('2026-07-13T15:59:59.999Z'))).toBe(false);
    expect(isOverdue(f, new Date('2026-07-13T16:00:00.000Z'))).toBe(true);
    expect(isOverdue({ ...f, status: 'RECTIFIED' }, new Date('2026-08-01T00:00:00Z'))).toBe(true);
    expect(isOverdue({ ...f, status: 'CLOSED' }, new Date('2026-08-01T00:00:00Z'))).toBe(false);
    expect(daysOverdue(f, new Date('2026-07-16T02:00:00Z'))).toBe(3);
    expect(daysOverdue(f, new Date('2026-07-13T16:00:00.000Z'))).toBe(1);
    expect(daysOverdue(f, new Date('2026-07-01T00:00:00Z'))).toBe(0);
  });

  it('escalates only an overdue task still with the owner', () => {
    const late = new Date('2026-08-01T00:00:00Z');
    expect(needsEscalation({ status: 'OPEN', deadline: '2026-07-13' }, late)).toBe(true);
    expect(needsEscalation({ status: 'RECTIFIED', deadline: '2026-07-13' }, late)).toBe(false);
    expect(needsEscalation({ status: 'OPEN', deadline: '2026-08-13' }, late)).toBe(false);
  });

  it('reads today in China', () => {
    expect(chinaDate(new Date('2026-07-13T16:30:00Z'))).toBe('2026-07-14');
  });

  it('steps recurring plans a week or a month at a time', () => {
    expect(nextOccurrence('2026-12-28', 'WEEKLY')).toBe('2027-01-04');
    expect(nextOccurrence('2026-01-31', 'MONTHLY')).toBe('2026-02-28');
    expect(nextOccurrence('2026-12-15', 'MONTHLY')).toBe('2027-01-15');
    expect(nextOccurrence('2026-12-15', 'ONE_OFF')).toBeNull();
    expect(addMonth('2028-01-31')).toBe('2028-02-29');
  });
});

describe('escalationTarget', () => {
  const posts = new Map<string, EscalationPost>(
    [
      { id: 'director', adminSuperiorId: null, isHeld: true },
      { id: 'deputy', adminSuperiorId: 'director', isHeld: true },
      { id: 'chief', adminSuperiorId: 'deputy', isHeld: true },
      { id: 'staff', adminSuperiorId: 'chief', isHeld: true },
      { id: 'vacantChief', adminSuperiorId: 'deputy', isHeld: false },
      { id: 'staffB', adminSuperiorId: 'vacantChief', isHeld: true },
    ].map((p) => [p.id, p]),
  );

  it('goes to the superior in the administrative line', () => {
    expect(escalationTarget('staff', posts)).toBe('chief');
    expect(escalationTarget('chief', posts)).toBe('deputy');
  });

  it('skips a vacant superior and stops at tier 1', () => {
    expect(escalationTarget('staffB', posts)).toBe('deputy');
    expect(escalationTarget('director', posts)).toBeNull();
  });
});

describe('the finding state machine', () => {
  it('allows exactly rectify, close and send back', () => {
    expect(assertFindingTransition('OPEN', 'RECTIFY')).toEqual({ ok: true, value: 'RECTIFIED' });
    expect(assertFindingTransition('RECTIFIED', 'CLOSE')).toEqual({ ok: true, value: 'CLOSED' });
    expect(assertFindingTransition('RECTIFIED', 'SEND_BACK')).toEqual({ ok: true, value: 'OPEN' });
    expect(listFindingTransitions('OPEN')).toEqual(['RECTIFY']);
    expect(listFindingTransitions('RECTIFIED')).toEqual(['CLOSE', 'SEND_BACK']);
    expect(listFindingTransitions('CLOSED')).toEqual([]);
  });

  it('refuses every other move with a Chinese reason', () => {
    let refused = 0;
    for (const from of FINDING_STATUSES)
      for (const t of FINDING_TRANSITIONS) {
        const outcome = assertFindingTransition(from, t);
        if (listFindingTransitions(from).includes(t)) continue;
        refused++;
        expect(outcome.ok).toBe(false);
        if (!outcome.ok) {
          expect(outcome.error).toMatchObject({ kind: 'INVALID_FINDING_TRANSITION', from, transition: t });
          expect(outcome.error.message).toMatch(CHINESE);
        }
      }
    expect(refused).toBe(6);
  });

  it('never leaves CLOSED, whatever the sequence', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...FINDING_TRANSITIONS), { maxLength: 12 }), (moves) => {
        let status: (typeof FINDING_STATUSES)[number] = 'OPEN';
        let closed = false;
        for (const m of moves) {
          const o = assertFindingTransition(status, m);
          if (o.ok) status = o.value;
          if (closed) expect(status).toBe('CLOSED');
          if (status === 'CLOSED') closed = true;
        }
      }),
    );
  });
});

describe('proposeFindingDeductions', () => {
  const now = new Date('2026-11-25T02:00:00Z');
  const q3 = cyclePeriod(2026, 'Q3');
  const base: FindingFacts = {
    id: 'f1',
    kind: 'HYGIENE',
    planTitle: '机关每周卫生检查',
    postId: 'yzk',
    postTitle: '医政科科长',
    description: '办公室桌面堆放杂物，地面未清扫',
    inspectedOn: '2026-07-10',
    inspectorName: '周敏',
    deadline: '2026-07-17',
    status: 'CLOSED',
    rectifiedAt: new Date('2026-07-15T02:00:00Z'),
  };

  it('knows the periods of quarters and the year', () => {
    expect(cyclePeriod(2026, 'Q1')).toEqual({ start: '2026-01-01', end: '2026-03-31' });
    expect(q3).toEqual({ start: '2026-07-01', end: '2026-09-30' });
    expect(cyclePeriod(2026, 'Q4')).toEqual({ start: '2026-10-01', end: '2026-12-31' });
    expect(cyclePeriod(2026, 'ANNUAL')).toEqual({ start: '2026-01-01', end: '2026-12-31' });
  });

  it('proposes nothing for a finding closed in time, or outside the period', () => {
    expect(proposeFindingDeductions([base], q3, DEFAULT_FINDING_DEDUCTION_SETTINGS, now)).toEqual([]);
    expect(
      proposeFindingDeductions(
        [{ ...base, status: 'OPEN', rectifiedAt: null, inspectedOn: '2026-10-02', deadline: '2026-10-09' }],
        q3,
        DEFAULT_FINDING_DEDUCTION_SETTINGS,
        now,
      ),
    ).toEqual([]);
  });

  it('proposes the open-finding points for a finding not yet closed within its deadline', () => {
    const open = { ...base, status: 'RECTIFIED' as const, deadline: '2026-09-30', inspectedOn: '2026-09-20' };
    const [p] = proposeFindingDeductions(
      [open],
      q3,
      DEFAULT_FINDING_DEDUCTION_SETTINGS,
      new Date('2026-09-25T00:00:00Z'),
    );
    expect(p).toMatchObject({ findingId: 'f1', rule: 'OPEN', amount: 1, rules: ['OPEN'] });
  });

  it('proposes the overdue points for a finding open past its deadline, with the evidence in Chinese', () => {
    const overdue = { ...base, status: 'OPEN' as const, rectifiedAt: null };
    const [p] = proposeFindingDeductions([overdue], q3, DEFAULT_FINDING_DEDUCTION_SETTINGS, now);
    expect(p).toMatchObject({ rule: 'OVERDUE', amount: 2, rules: ['OVERDUE', 'OPEN'] });
    expect(p!.reason).toContain('办公室桌面堆放杂物');
    expect(p!.reason).toContain('2026-07-10');
    expect(p!.reason).toContain('周敏');
    expect(p!.reason).toContain('超过整改期限（2026-07-17）未完成整改');
    expect(p!.reason).toContain('扣 2 分');
  });

  it('counts a late rectification as overdue even once closed', () => {
    const late = { ...base, rectifiedAt: new Date('2026-07-20T02:00:00Z') };
    const [p] = proposeFindingDeductions([late], q3, DEFAULT_FINDING_DEDUCTION_SETTINGS, now);
    expect(p).toMatchObject({ rule: 'OVERDUE', rules: ['OVERDUE'] });
    expect(p!.reason).toContain('才报送整改');
  });

  it('proposes the repeated points for the second finding of the same kind and post in the period', () => {
    const second = {
      ...base,
      id: 'f2',
      inspectedOn: '2026-08-07',
      deadline: '2026-08-21',
      rectifiedAt: new Date('2026-08-10T02:00:00Z'),
    };
    const otherPost = { ...base, id: 'f3', postId: 'jkk', inspectedOn: '2026-08-07' };
    const otherKind = { ...base, id: 'f4', kind: 'DUTY_ROSTER' as const, inspectedOn: '2026-08-14' };
    const proposals = proposeFindingDeductions(
      [second, base, otherPost, otherKind],
      q3,
      DEFAULT_FINDING_DEDUCTION_SETTINGS,
      now,
    );
    expect(proposals).toHaveLength(1);
    expect(proposals[0]).toMatchObject({ findingId: 'f2', rule: 'REPEATED', amount: 2 });
    expect(proposals[0]!.reason).toContain('同类问题第 2 次发现');
  });

  it('takes the highest amount when several rules apply, and honours the organisation’s points', () => {
    const settings = {
      findingDeductionPoints: 0.5,
      overdueFindingDeductionPoints: 3,
      repeatedFindingDeductionPoints: 1.5,
    };
    const second = {
      ...base,
      id: 'f2',
      inspectedOn: '2026-08-07',
      deadline: '2026-08-21',
      status: 'OPEN' as const,
      rectifiedAt: null,
    };
    const proposals = proposeFindingDeductions([base, second], q3, settings, now);
    expect(proposals).toHaveLength(1);
    const [p] = proposals;
    expect(p).toMatchObject({ rule: 'OVERDUE', amount: 3, rules: ['REPEATED', 'OVERDUE', 'OPEN'] });
    const none = proposeFindingDeductions(
      [{ ...second, inspectedOn: '2026-07-01' }],
      q3,
      { findingDeductionPoints: 0, overdueFindingDeductionPoints: 0, repeatedFindingDeductionPoints: 0 },
      now,
    );
    expect(none).toEqual([]);
  });

  it('keeps the reason within 500 characters', () => {
    const long = { ...base, status: 'OPEN' as const, rectifiedAt: null, description: '问'.repeat(1000) };
    const [p] = proposeFindingDeductions([long], q3, DEFAULT_FINDING_DEDUCTION_SETTINGS, now);
    expect(p!.reason.length).toBeLessThanOrEqual(500);
  });
});
