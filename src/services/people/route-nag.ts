// A follow-up nag to an owner who is away: it goes to their delegate (not away themselves), or
// it waits until the owner is back (the first working hour of the business day after the absence).
import { addBusinessDays, localDateOf, workingWindowOn } from '../../domain/calendar/index.js';
import { absenceOn, routeRecipient } from '../../domain/people/away.js';
import type { ProgramCalendar } from '../../domain/types.js';
import type { Db } from '../../infra/db-types.js';
import { loadAbsences } from './absences.js';

export type NagRoute = { kind: 'send'; to: string } | { kind: 'wait'; until: Date };

export async function routeNag(db: Db, owner: string, now: Date, calendar: ProgramCalendar): Promise<NagRoute> {
  const absences = await loadAbsences(db);
  const day = localDateOf(now, calendar.timezone);
  const route = routeRecipient({ recipient: owner, others: [], day, absences });
  if (route.kind === 'send') return { kind: 'send', to: route.to };
  const away = absenceOn(absences, owner, day)!;
  return { kind: 'wait', until: workingWindowOn(addBusinessDays(away.endDate, 1, calendar.holidays), calendar).start };
}
