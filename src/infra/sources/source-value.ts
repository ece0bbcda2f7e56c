// The one cell a source returns, turned into a number: a JSON number, or the text of one (PostgreSQL
// sends numeric and bigint as text). Anything else is refused with the source's own words.
import { SourceError } from './source-error.js';

export interface PulledValue {
  value: number;
  /** The cell as the source gave it. */
  raw: string;
  note: string | null;
}

const NUMERIC_TEXT = /^\s*[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?\s*$/;

export function toSourceNumber(raw: unknown): { value: number; raw: string } {
  if (typeof raw === 'number' && Number.isFinite(raw)) return { value: raw, raw: String(raw) };
  if (typeof raw === 'bigint') return { value: Number(raw), raw: raw.toString() };
  if (typeof raw === 'string' && NUMERIC_TEXT.test(raw)) {
    const value = Number(raw);
    if (Number.isFinite(value)) return { value, raw };
  }
  const shown = raw === null ? 'null' : typeof raw === 'string' ? `"${raw.slice(0, 40)}"` : typeof raw;
  throw new SourceError('not_a_number', `the source returned ${shown}, not a number`);
}
