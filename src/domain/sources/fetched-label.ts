// "Mon 2 Nov 06:00": when a value was fetched, in the program's time zone.
import { DateTime } from 'luxon';

export function formatFetchedAt(instant: Date, timezone: string): string {
  return DateTime.fromJSDate(instant, { zone: timezone }).setLocale('en-GB').toFormat('ccc d LLL HH:mm');
}
