// A follow-up nag to someone who is away: it goes to their delegate (not away themselves), unless
// the program says `away_followups: pause`; otherwise it waits until they are back (the first
// working hour of the business day after the absence).
import { addBusinessDays, localDateOf, workingWindowOn } from '../../domain/calendar/index.js';
import { absenceOn, routeRecipient } from '../../domain/people/away.js';
import type { ProgramCalendar } from '../../domain/types.js';
import type { Db } from '../../infra/db-types.js';
import type { StoredSettings } from '../program-settings.js';
import { loadAbsences } from './absences.js';

export type NagRoute =
  | { kind: 'send'; to: string }
  /** `away`: the absence it waits out (its first and last day), for telling the chair once. */
  | { kind: 'wait'; until: Date; away: { startDate: string; endDate: string } };

export async function routeNag(
  db: Db,
  owner: string,
  now: Date,
  calendar: ProgramCalendar,
  mode: StoredSettings['awayFollowUps'] = 'delegate',
): Promise<NagRoute> {
  const absences = await loadAbsences(db);
  const day = localDateOf(now, calendar.timezone);
  const away = absenceOn(absences, owner, day);
  if (!away) return { kind: 'send', to: owner };
  if (mode === 'delegate') {
    const route = routeRecipient({ recipient: owner, others: [], day, absences });
    if (route.kind === 'send') return { kind: 'send', to: route.to };
  }
  return {
    kind: 'wait',
    until: workingWindowOn(addBusinessDays(away.endDate, 1, calendar.holidays), calendar).start,
    away: { startDate: away.startDate, endDate: away.endDate },
  };
}
