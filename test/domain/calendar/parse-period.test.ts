import { describe, expect, it } from 'vitest';
import { parsePeriodInput } from '../../../src/domain/calendar/index.js';

const TODAY = '2026-11-07';

describe('parsePeriodInput', () => {
  it.each([
    ['2026-10', '2026-10'],
    ['2026-1', '2026-01'],
    ['Oct 2026', '2026-10'],
    ['October 2026', '2026-10'],
    ['oct. 2026', '2026-10'],
    ['Sept 2026', '2026-09'],
    ['2026-Q3', '2026-Q3'],
    ['2026 q3', '2026-Q3'],
    ['Q1 2027', '2027-Q1'],
    ['  OCTOBER  ', '2026-10'],
  ])('reads %j as %s', (input, expected) => {
    expect(parsePeriodInput(input, TODAY)).toEqual({ ok: true, value: expected });
  });

  it('resolves a bare month or quarter to the latest one that has started by the reference date', () => {
    expect(parsePeriodInput('october', TODAY)).toEqual({ ok: true, value: '2026-10' });
    expect(parsePeriodInput('november', TODAY)).toEqual({ ok: true, value: '2026-11' });
    expect(parsePeriodInput('december', TODAY)).toEqual({ ok: true, value: '2025-12' });
    expect(parsePeriodInput('Q3', TODAY)).toEqual({ ok: true, value: '2026-Q3' });
    expect(parsePeriodInput('Q4', TODAY)).toEqual({ ok: true, value: '2026-Q4' });
    expect(parsePeriodInput('q2', '2026-03-31')).toEqual({ ok: true, value: '2025-Q2' });
  });

  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['banana', 'unrecognized'],
    ['ju', 'unrecognized'],
    ['last month', 'unrecognized'],
    ['2026-13', 'invalid_month'],
    ['2026-0', 'invalid_month'],
    ['Q5', 'invalid_quarter'],
    ['0999-01', 'invalid_year'],
  ])('rejects %j with code %s and a message', (input, code) => {
    const result = parsePeriodInput(input, TODAY);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.code).toBe(code);
    expect(result.message.length).toBeGreaterThan(10);
  });
});
