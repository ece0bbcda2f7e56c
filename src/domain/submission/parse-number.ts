// Turns what a person typed into a number, or says exactly what is wrong with it.
// Slack's number_input already filters keys in the client, but a payload can carry anything.

import { formatMetricNumber } from '../number-format.js';

export type ParsedNumber = { ok: true; value: number } | { ok: false; message: string };

/**
 * Values are stored as PostgreSQL `double precision` (Prisma `Float`), which keeps 15 significant
 * decimal digits exactly. A metric with `decimals` places therefore holds magnitudes below
 * 10^(15 − decimals): 999,999,999,999,999 for whole numbers, 9,999,999,999,999.99 with two places.
 * Anything larger would come back as a different number (and in exponent notation).
 */
export const MAX_SIGNIFICANT_DIGITS = 15;

/** The smallest magnitude a metric with `decimals` places can no longer keep exactly. */
export function valueLimit(decimals: number): number {
  return 10 ** (MAX_SIGNIFICANT_DIGITS - Math.max(0, Math.min(decimals, MAX_SIGNIFICANT_DIGITS)));
}

/** Said by the program file's checks when a number in it is out of that range. */
export const STORABLE_VALUE_MESSAGE =
  'must be between -999,999,999,999,999 and 999,999,999,999,999 (larger numbers cannot be stored exactly)';

/** True when `value` survives a round trip through the database and Slack unchanged. */
export function isStorableValue(value: number, decimals = 0): boolean {
  return Number.isFinite(value) && Math.abs(value) < valueLimit(decimals);
}

export function parseMetricNumber(
  raw: string,
  rule: { decimals: number; min: number | null; max: number | null },
): ParsedNumber {
  const text = raw.trim().replace(/(\d),(?=\d{3}(\D|$))/g, '$1'); // "1,250.5" → "1250.5"
  if (!/^[-+]?(\d+(\.\d*)?|\.\d+)$/.test(text))
    return { ok: false, message: `"${raw.trim().slice(0, 20)}" is not a number` };
  const value = Number(text);
  const decimals = text.includes('.') ? text.split('.')[1]!.length : 0;
  if (decimals > rule.decimals) {
    return {
      ok: false,
      message:
        rule.decimals === 0
          ? 'Enter a whole number'
          : `Use at most ${rule.decimals} decimal place${rule.decimals === 1 ? '' : 's'}`,
    };
  }
  if (!isStorableValue(value, rule.decimals)) {
    const limit = formatMetricNumber(valueLimit(rule.decimals), 0);
    return { ok: false, message: `That number is too large: keep it between −${limit} and ${limit}` };
  }
  if (rule.min !== null && value < rule.min) {
    return { ok: false, message: rule.min === 0 ? 'This value cannot be negative' : `Must be at least ${rule.min}` };
  }
  if (rule.max !== null && value > rule.max) return { ok: false, message: `Must be at most ${rule.max}` };
  return { ok: true, value };
}
