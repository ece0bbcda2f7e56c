// `/stat followup @owner <text> by <date>`. Dates are read by chrono-node ("by 15 Dec", "by next
// Friday", "by end of month"); anything unclear returns no date, and the caller opens the modal
// instead of guessing. Pure: "today" (local, in the program timezone) is passed in.
// The English locale only: the package's main entry loads all twelve of its locales (~11 MB of
// memory held for the process's life, measured), and only English is read here.
import * as chrono from 'chrono-node/en';
import type { LocalDate } from '../calendar/index.js';

export interface FollowUpDraft {
  ownerUserId: string | null;
  text: string;
  dueDate: LocalDate | null;
  /** The words that were read as the date, to echo back ("by next Friday" → Fri 4 Dec). */
  dateText: string | null;
}

// With should_escape, Slack sends mentions as <@U123|name> (or <@U123>).
const MENTION = /<@([UW][A-Z0-9]+)(?:\|[^>]*)?>/;

export function parseFollowUpCommand(text: string, today: LocalDate): FollowUpDraft {
  const owner = MENTION.exec(text);
  let rest = owner ? (text.slice(0, owner.index) + text.slice(owner.index + owner[0].length)).trim() : text.trim();
  // Greedy prefix: the last " by " is the deadline ("cut time spent by crews … by 18 Dec").
  const by = /^(.*)\s+by\s+(.+)$/is.exec(rest);
  let dueDate: LocalDate | null = null;
  let dateText: string | null = null;
  if (by) {
    const date = readCertainDate(by[2]!, today);
    if (date) {
      dueDate = date;
      dateText = by[2]!.trim();
      rest = by[1]!.trim();
    }
  }
  return { ownerUserId: owner ? owner[1]! : null, text: rest, dueDate, dateText };
}

/** A date only when the whole phrase is a date chrono is sure of (day-level); never a guess. */
export function readCertainDate(phrase: string, today: LocalDate): LocalDate | null {
  const [y, m, d] = today.split('-').map(Number) as [number, number, number];
  // Reference at local noon expressed as UTC with offset 0: chrono then computes on calendar days only.
  const ref = { instant: new Date(Date.UTC(y, m - 1, d, 12)), timezone: 0 };
  const results = chrono.GB.parse(phrase.trim(), ref, { forwardDate: true });
  const r = results[0];
  if (!r || results.length > 1 || r.index !== 0 || r.text.length < phrase.trim().replace(/[.!]+$/, '').length)
    return null;
  const iso = [r.start.get('year')!, r.start.get('month')!, r.start.get('day')!]
    .map((n, i) => String(n).padStart(i === 0 ? 4 : 2, '0'))
    .join('-');
  return iso;
}
