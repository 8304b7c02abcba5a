import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clamp, formatNumber, isSameAt2Decimals, mean, roundTo2 } from './numbers';

describe('roundTo2', () => {
  it('rounds half away from zero like a spreadsheet, despite binary error', () => {
    expect(roundTo2(1.005)).toBe(1.01);
    expect(roundTo2(79.515)).toBe(79.52);
    expect(roundTo2(2.675)).toBe(2.68);
    expect(roundTo2(83.333333)).toBe(83.33);
    expect(roundTo2(-1.005)).toBe(-1.01);
    expect(roundTo2(0.004)).toBe(0);
    expect(Object.is(roundTo2(-0.001), 0)).toBe(true);
    expect(roundTo2(Number.NaN)).toBeNaN();
  });

  it('is idempotent and moves a value by at most half a cent', () => {
    fc.assert(
      fc.property(fc.double({ min: -1000, max: 1000, noNaN: true }), (value) => {
        const rounded = roundTo2(value);
        expect(roundTo2(rounded)).toBe(rounded);
        expect(Math.abs(rounded - value)).toBeLessThanOrEqual(0.005 + 1e-9);
      }),
    );
  });
});

describe('helpers', () => {
  it('clamp never returns NaN', () => {
    expect(clamp(Number.NaN, 0, 100)).toBe(0);
    expect(clamp(150, 0, 100)).toBe(100);
    expect(clamp(-5, 0, 100)).toBe(0);
  });

  it('mean, isSameAt2Decimals and formatNumber', () => {
    expect(mean([])).toBeNull();
    expect(mean([1, 2, 3, 4])).toBe(2.5);
    expect(isSameAt2Decimals(33.33 + 33.33 + 33.34, 100)).toBe(true);
    expect(isSameAt2Decimals(33.33 * 3, 100)).toBe(false);
    expect(formatNumber(20.000000001)).toBe('20');
    expect(formatNumber(12.5)).toBe('12.5');
  });
});
