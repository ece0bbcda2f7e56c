// Turns what a person typed into a number, or says exactly what is wrong with it.
// Slack's number_input already filters keys in the client, but a payload can carry anything.

export type ParsedNumber = { ok: true; value: number } | { ok: false; message: string };

export function parseMetricNumber(
  raw: string,
  rule: { decimals: number; min: number | null; max: number | null },
): ParsedNumber {
  const text = raw.trim().replace(/(\d),(?=\d{3}(\D|$))/g, '$1'); // "1,250.5" → "1250.5"
  if (!/^[-+]?(\d+(\.\d*)?|\.\d+)$/.test(text))
    return { ok: false, message: `"${raw.trim().slice(0, 20)}" is not a number` };
  const value = Number(text);
  if (!Number.isFinite(value)) return { ok: false, message: 'That number is too large' };
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
  if (rule.min !== null && value < rule.min) {
    return { ok: false, message: rule.min === 0 ? 'This value cannot be negative' : `Must be at least ${rule.min}` };
  }
  if (rule.max !== null && value > rule.max) return { ok: false, message: `Must be at most ${rule.max}` };
  return { ok: true, value };
}
