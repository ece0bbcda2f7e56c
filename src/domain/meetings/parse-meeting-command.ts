// `/stat meeting …` (chairs, admins): list, or move, cancel or add a roundtable. Pure: returns
// the typed command or the problem with it (the sentences live with the messages).
//   /stat meeting                                                  list (with ids)
//   /stat meeting move <id> <YYYY-MM-DD> <HH:MM>                   reschedule
//   /stat meeting cancel <id>                                      cancel
//   /stat meeting add <series> <YYYY-MM-DD> <HH:MM> <DEPT>[,<DEPT>…] an extra meeting
import { parseRowId } from '../row-id.js';

export type MeetingCommand =
  | { kind: 'list' }
  | { kind: 'move'; meetingId: number; date: string; time: string }
  | { kind: 'cancel'; meetingId: number }
  | { kind: 'add'; seriesKey: string; date: string; time: string; departmentKeys: string[] }
  | { kind: 'invalid'; problem: MeetingCommandProblem; text: string };

export type MeetingCommandProblem = 'unknown_verb' | 'unknown_id' | 'missing_date_time' | 'missing_departments';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const TIME = /^\d{1,2}:\d{2}$/;

export function parseMeetingCommand(text: string): MeetingCommand {
  const [verb = '', ...args] = text.split(/\s+/).filter(Boolean);
  const invalid = (problem: MeetingCommandProblem, about = '') =>
    ({ kind: 'invalid', problem, text: about.slice(0, 40) }) as const;
  const when = (date = '', time = '') => (DATE.test(date) && TIME.test(time) ? { date, time } : null);
  switch (verb.toLowerCase()) {
    case '':
      return { kind: 'list' };
    case 'move': {
      const meetingId = parseRowId(args[0]);
      if (meetingId === null) return invalid('unknown_id', args[0]);
      const at = when(args[1], args[2]);
      return at ? { kind: 'move', meetingId, ...at } : invalid('missing_date_time');
    }
    case 'cancel': {
      const meetingId = parseRowId(args[0]);
      return meetingId === null ? invalid('unknown_id', args[0]) : { kind: 'cancel', meetingId };
    }
    case 'add': {
      const seriesKey = args[0] ?? '';
      const at = when(args[1], args[2]);
      if (!seriesKey || !at) return invalid('missing_date_time');
      const departmentKeys = (args[3] ?? '').split(',').filter(Boolean);
      if (departmentKeys.length === 0) return invalid('missing_departments');
      return { kind: 'add', seriesKey, ...at, departmentKeys };
    }
    default:
      return invalid('unknown_verb', verb);
  }
}
