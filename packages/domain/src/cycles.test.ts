import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  assertTransition,
  canAcceptScores,
  checkScoreWindow,
  listNextStatuses,
  nameTransition,
} from './cycles';
import type { ScoringWindow } from './cycles';
import { CYCLE_STATUSES } from './vocabulary';
import type { CycleStatus } from './vocabulary';

const CHINESE = /[\u4e00-\u9fff]/;

describe('assertTransition', () => {
  const allowed: Array<[CycleStatus, CycleStatus, string]> = [
    ['DRAFT', 'OPEN', 'OPEN'],
    ['OPEN', 'CLOSED', 'CLOSE'],
    ['CLOSED', 'PUBLISHED', 'PUBLISH'],
    ['CLOSED', 'OPEN', 'REOPEN'],
  ];

  it.each(allowed)('allows %s → %s (%s)', (from, to, name) => {
    expect(assertTransition(from, to)).toEqual({ ok: true, value: name });
  });

  it('refuses every other pair with a typed error and a Chinese message', () => {
    for (const from of CYCLE_STATUSES) {
      for (const to of CYCLE_STATUSES) {
        if (allowed.some(([f, t]) => f === from && t === to)) continue;
        const outcome = assertTransition(from, to);
        expect(outcome.ok).toBe(false);
        if (outcome.ok) continue;
        expect(outcome.error).toMatchObject({ kind: 'INVALID_CYCLE_TRANSITION', from, to });
        expect(outcome.error.message).toMatch(CHINESE);
      }
    }
  });

  it('explains the specific refusals', () => {
    const published = assertTransition('PUBLISHED', 'OPEN');
    expect(!published.ok && published.error.message).toContain('更正');
    const skip = assertTransition('DRAFT', 'CLOSED');
    expect(!skip.ok && skip.error.message).toContain('“评分中”');
    const same = assertTransition('OPEN', 'OPEN');
    expect(!same.ok && same.error.message).toContain('已是');
  });

  it('lists and names the next statuses', () => {
    expect(listNextStatuses('DRAFT')).toEqual(['OPEN']);
    expect(listNextStatuses('CLOSED')).toEqual(['PUBLISHED', 'OPEN']);
    expect(listNextStatuses('PUBLISHED')).toEqual([]);
    expect(nameTransition('OPEN', 'PUBLISHED')).toBeNull();
  });

  it('no sequence of accepted transitions leaves PUBLISHED or returns to DRAFT', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...CYCLE_STATUSES), { maxLength: 30 }), (attempts) => {
        let status: CycleStatus = 'DRAFT';
        let wasPublished = false;
        let leftDraft = false;
        for (const to of attempts) {
          if (assertTransition(status, to).ok) status = to;
          if (wasPublished) expect(status).toBe('PUBLISHED');
          if (leftDraft) expect(status).not.toBe('DRAFT');
          wasPublished ||= status === 'PUBLISHED';
          leftDraft ||= status !== 'DRAFT';
        }
      }),
    );
  });
});

describe('score window', () => {
  const cycle: ScoringWindow = {
    status: 'OPEN',
    windowStart: new Date('2026-04-01T00:00:00+08:00'),
    windowEnd: new Date('2026-04-10T23:59:59+08:00'),
  };

  it('accepts scores while open and inside the window, both ends included', () => {
    expect(canAcceptScores(cycle, new Date('2026-04-05T10:00:00+08:00'))).toBe(true);
    expect(canAcceptScores(cycle, cycle.windowStart)).toBe(true);
    expect(canAcceptScores(cycle, cycle.windowEnd)).toBe(true);
  });

  it('refuses before and after the window, with the reason', () => {
    const early = checkScoreWindow(cycle, new Date('2026-03-31T23:59:59+08:00'));
    expect(early).toMatchObject({ ok: false, error: { kind: 'WINDOW_NOT_STARTED' } });
    const late = checkScoreWindow(cycle, new Date(cycle.windowEnd.getTime() + 1));
    expect(late).toMatchObject({ ok: false, error: { kind: 'WINDOW_ENDED' } });
    expect(!late.ok && late.error.message).toMatch(CHINESE);
  });

  it('refuses whenever the cycle is not open, whatever the time', () => {
    for (const status of ['DRAFT', 'CLOSED', 'PUBLISHED'] as const) {
      const outcome = checkScoreWindow({ ...cycle, status }, new Date('2026-04-05T10:00:00+08:00'));
      expect(outcome).toMatchObject({ ok: false, error: { kind: 'CYCLE_NOT_OPEN' } });
      expect(canAcceptScores({ ...cycle, status }, new Date('2026-04-05T10:00:00+08:00'))).toBe(false);
    }
  });

  it('refuses an invalid clock', () => {
    expect(canAcceptScores(cycle, new Date('nonsense'))).toBe(false);
  });
});
