// Who should get a DM meant for someone: the person, their delegate while they are away, or
// nobody because the other recipients of the same step already cover it. Pure: absences and the
// day come in as data. Days are local dates in the program's time zone, both ends included.

export interface Absence {
  userId: string;
  startDate: string;
  endDate: string;
  delegate: string | null;
}

export type Route = { kind: 'send'; to: string; onBehalfOf: string | null } | { kind: 'skip'; reason: string };

export function absenceOn(absences: Absence[], userId: string, day: string): Absence | null {
  return absences.find((a) => a.userId === userId && a.startDate <= day && day <= a.endDate) ?? null;
}

/**
 * `others`: everyone else this same step goes to (the department's other liaisons, or the other
 * heads and chairs). Someone away never gets it; their delegate does unless the delegate is away
 * too or gets it anyway; otherwise the others cover it.
 */
export function routeRecipient(input: {
  recipient: string;
  others: string[];
  day: string;
  absences: Absence[];
}): Route {
  const { recipient, others, day, absences } = input;
  const away = absenceOn(absences, recipient, day);
  if (!away) return { kind: 'send', to: recipient, onBehalfOf: null };
  const present = (id: string) => !absenceOn(absences, id, day);
  const delegate = away.delegate;
  if (delegate && delegate !== recipient && present(delegate)) {
    if (others.includes(delegate)) return { kind: 'skip', reason: 'away; the delegate is reminded already' };
    return { kind: 'send', to: delegate, onBehalfOf: recipient };
  }
  if (others.some(present)) return { kind: 'skip', reason: 'away; the others are reminded' };
  return { kind: 'skip', reason: 'away, and nobody else to remind' };
}

export type AwayProblem = 'bad_dates' | 'in_the_past' | 'self_delegate' | 'unknown_delegate' | 'delegate_away';

/** Checks an "I'm away" request; null when it can be saved. */
export function checkAwayRequest(input: {
  userId: string;
  startDate: string;
  endDate: string;
  delegate: string | null;
  today: string;
  /** Slack ids of people the bot knows (the program's people). */
  known: string[];
  absences: Absence[];
}): AwayProblem | null {
  const { startDate, endDate, delegate } = input;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(startDate) || !/^\d{4}-\d{2}-\d{2}$/.test(endDate) || startDate > endDate)
    return 'bad_dates';
  if (endDate < input.today) return 'in_the_past';
  if (delegate === null) return null;
  if (delegate === input.userId) return 'self_delegate';
  if (!input.known.includes(delegate)) return 'unknown_delegate';
  const busy = input.absences.some((a) => a.userId === delegate && a.startDate <= endDate && startDate <= a.endDate);
  return busy ? 'delegate_away' : null;
}
