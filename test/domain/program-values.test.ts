// The sibling of the absurd form value: numbers that arrive through the program file (targets,
// bounds, history CSV) must fit the same exact range, or the form would show them as 1e+23.
import { describe, expect, it } from 'vitest';
import { historyRowSchema } from '../../src/domain/program/csv-rows.js';
import { metricSchema } from '../../src/domain/program/program-schema.js';

const metric = { key: 'x', name: 'X', polarity: 'higher_is_better' };

describe('numbers in the program file', () => {
  it('refuses a target, tolerance or bound beyond what the database keeps exactly', () => {
    for (const field of ['target', 'max', 'min']) {
      const r = metricSchema.safeParse({ ...metric, [field]: 1e23 });
      expect(r.success, field).toBe(false);
      expect(JSON.stringify(r.error?.issues)).toContain('cannot be stored exactly');
    }
    expect(metricSchema.safeParse({ ...metric, target: 999_999_999_999_999 }).success).toBe(true);
  });
  it('refuses such a value in the history CSV', () => {
    const row = { department: 'DPW', metric: 'x', period: '2026-01' };
    expect(historyRowSchema.safeParse({ ...row, value: '99999999999999999999999' }).success).toBe(false);
    expect(historyRowSchema.safeParse({ ...row, value: '-1000000000000000' }).success).toBe(false);
    expect(historyRowSchema.safeParse({ ...row, value: '123456.5' }).success).toBe(true);
  });
});
