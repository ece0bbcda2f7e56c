import { describe, expect, it } from 'vitest';
import { parseRowId } from '../../src/domain/row-id.js';

describe('parseRowId', () => {
  it('accepts positive 32-bit integers, with or without #', () => {
    expect(parseRowId('12')).toBe(12);
    expect(parseRowId('#7')).toBe(7);
    expect(parseRowId(2147483647)).toBe(2147483647);
  });
  it.each(['', '0', '-3', '1.5', '1e20', 'NaN', '2147483648', '99999999999999999999', ' 12abc', null, undefined, {}])(
    'rejects %j',
    (v) => {
      expect(parseRowId(v)).toBeNull();
    },
  );
});
