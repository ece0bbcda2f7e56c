// Shared vocabulary of the stat program. Pure types: nothing here touches Slack, Prisma or the clock.

/** Which direction is good. `within_band`: on target while |actual − target| ≤ tolerance. */
export type Polarity = 'higher_is_better' | 'lower_is_better' | 'within_band';

export type Frequency = 'monthly' | 'quarterly' | 'weekly';

/** Traffic-light status. Colour is never the only carrier: views always print the label too. */
export type Status = 'on_target' | 'near' | 'off_target' | 'no_data' | 'no_target';

/**
 * A period key: `YYYY-MM` for monthly metrics, `YYYY-Qn` for quarterly ones.
 * Keys sort chronologically as strings within one frequency.
 */
export type PeriodKey = string;

export interface MetricRule {
  polarity: Polarity;
  /**
   * Tolerance in the metric's own unit (absolute, not a percentage).
   * higher_is_better: on target when actual ≥ target, near when actual ≥ target − tolerance.
   * lower_is_better: mirror image. within_band: on target when |actual − target| ≤ tolerance,
   * near when ≤ 2 × tolerance.
   */
  tolerance: number;
  decimals: number;
  min: number | null;
  max: number | null;
}

/** The program's calendar settings (IANA timezone, working hours, holidays as local ISO dates). */
export interface ProgramCalendar {
  timezone: string;
  workdayStart: string; // "09:00"
  workdayEnd: string; // "17:00"
  holidays: readonly string[]; // "2026-12-25"
}
