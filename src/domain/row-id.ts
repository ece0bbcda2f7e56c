// Ids that arrive from Slack (button values, command words) are text anyone can forge. A valid
// row id is a positive 32-bit integer; anything else is "no such thing", never a database error.
const MAX_ROW_ID = 2_147_483_647;

export function parseRowId(text: unknown): number | null {
  const s = typeof text === 'number' ? String(text) : typeof text === 'string' ? text.trim().replace(/^#/, '') : '';
  if (!/^\d{1,10}$/.test(s)) return null;
  const n = Number(s);
  return n >= 1 && n <= MAX_ROW_ID ? n : null;
}
