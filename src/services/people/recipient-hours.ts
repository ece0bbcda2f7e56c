// A DM lands inside its recipient's own working hours: the program's hours and business days, in
// the person's Slack time zone (users.info `tz`, kept on Person). Without a known zone, the program's.
import { IANAZone } from 'luxon';
import { isWithinWorkingHours, nextWorkingInstant } from '../../domain/calendar/index.js';
import type { ProgramCalendar } from '../../domain/types.js';
import type { Db } from '../../infra/db-types.js';

const isUserId = (recipient: string) => /^[UW][A-Z0-9]+$/.test(recipient);

export async function recipientCalendar(db: Db, recipient: string, program: ProgramCalendar): Promise<ProgramCalendar> {
  if (!isUserId(recipient)) return program;
  const person = await db.person.findUnique({ where: { slackUserId: recipient }, select: { tz: true } });
  const tz = person?.tz;
  return tz && IANAZone.isValidZone(tz) ? { ...program, timezone: tz } : program;
}

/** Null when `now` is inside the recipient's working hours; otherwise when they next begin. */
export async function outsideRecipientHours(
  db: Db,
  recipient: string,
  now: Date,
  program: ProgramCalendar,
): Promise<Date | null> {
  const cal = await recipientCalendar(db, recipient, program);
  return isWithinWorkingHours(now, cal) ? null : nextWorkingInstant(now, cal);
}
