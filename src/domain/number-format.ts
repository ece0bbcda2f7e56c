// How a metric's numbers read, everywhere they are shown: messages, modals, chart images. One
// place, so a value reads the same in a DM, in the packet and on its chart, and no path can print
// exponent notation ("1e+23") or a negative zero ("-0.0").

/** Values that round to zero at `decimals` lose their sign: "-0.0" would read as a decline. */
function unsignedZero(value: number, decimals: number): number {
  return Math.abs(value) < 0.5 * 10 ** -decimals ? 0 : value;
}

/** 1250.5 → "1,250.5" with the metric's own decimals (en-US grouping, as Slack users read it). */
export function formatMetricNumber(value: number, decimals: number): string {
  return cachedFormat('metric', decimals).format(unsignedZero(value, decimals));
}

// toLocaleString with options builds a new Intl.NumberFormat on every call (~15 µs): an agenda
// words thousands of numbers, and that was a quarter of its CPU time; a numbers form puts dozens
// into its inputs. Same output, one format per kind and decimals.
const numberFormats = new Map<string, Intl.NumberFormat>();

function cachedFormat(kind: 'metric' | 'input', decimals: number): Intl.NumberFormat {
  const key = `${kind}:${decimals}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(
      'en-US',
      kind === 'metric'
        ? { minimumFractionDigits: decimals, maximumFractionDigits: decimals }
        : { useGrouping: false, maximumFractionDigits: decimals },
    );
    numberFormats.set(key, format);
  }
  return format;
}

/** "95%", "$250,000", "12 days", or the bare number when the metric has no unit. */
export function formatWithUnit(value: number, unit: string, decimals: number): string {
  const n = formatMetricNumber(value, decimals);
  if (unit === '%') return `${n}%`;
  if (unit === '$') return `$${n}`;
  return unit ? `${n} ${unit}` : n;
}

/**
 * A value as Slack's number_input accepts it (`^-?[0-9]+(\.[0-9]+)?$`): plain digits, no grouping,
 * never exponent notation, at most `decimals` places (all it has, for a bound), trailing zeros
 * dropped. The one formatter for numbers put into inputs (initial_value, min_value, max_value).
 */
export function formatNumberInput(value: number, decimals = 20): string {
  return cachedFormat('input', decimals).format(unsignedZero(value, decimals));
}
