// `/stat followups …`: a list filter, or one of the chairs' verbs. Pure: returns the typed
// command or the problem with it (the sentence for each problem lives with the messages).
//   /stat followups [mine|overdue|all|<department>]
//   /stat followups cancel <id> <reason>
//   /stat followups reassign <id> @owner [reason]
//   /stat followups due <id> <date> [reason]
import type { LocalDate } from '../calendar/index.js';
import { parseRowId } from '../row-id.js';
import { readCertainDate } from './parse-followup-command.js';

export type FollowUpFilter =
  | { kind: 'mine' }
  | { kind: 'overdue' }
  | { kind: 'department'; key: string }
  | { kind: 'all' };

export type FollowUpChange =
  | { kind: 'reassign'; ownerUserId: string; reason: string }
  | { kind: 'change_due'; dueDate: LocalDate; reason: string }
  | { kind: 'cancel'; reason: string };

export type FollowUpsProblem = 'unknown_id' | 'missing_owner' | 'bad_due_date' | 'missing_reason';

export type FollowUpsCommand =
  | { kind: 'list'; filter: FollowUpFilter }
  | { kind: 'change'; followUpId: number; change: FollowUpChange }
  | { kind: 'invalid'; problem: FollowUpsProblem; idText: string };

const VERB = /^(cancel|reassign|due)\s+#?(\S+)\s*(.*)$/is;
const MENTION = /<@([UW][A-Z0-9]+)(?:\|[^>]*)?>/;

export function parseFollowUpFilter(text: string): FollowUpFilter {
  const word = text.trim().toLowerCase();
  if (word === '' || word === 'mine') return { kind: 'mine' };
  if (word === 'overdue') return { kind: 'overdue' };
  if (word === 'all') return { kind: 'all' };
  return { kind: 'department', key: text.trim() };
}

export function parseFollowUpsCommand(text: string, today: LocalDate): FollowUpsCommand {
  const verb = VERB.exec(text.trim());
  if (!verb) return { kind: 'list', filter: parseFollowUpFilter(text) };
  const idText = verb[2]!.slice(0, 20);
  const tail = (verb[3] ?? '').trim();
  const invalid = (problem: FollowUpsProblem) => ({ kind: 'invalid', problem, idText }) as const;
  const followUpId = parseRowId(verb[2]);
  if (followUpId === null) return invalid('unknown_id');
  const change = (c: FollowUpChange) => ({ kind: 'change', followUpId, change: c }) as const;
  switch (verb[1]!.toLowerCase()) {
    case 'cancel':
      return tail ? change({ kind: 'cancel', reason: tail }) : invalid('missing_reason');
    case 'reassign': {
      const owner = MENTION.exec(tail);
      if (!owner) return invalid('missing_owner');
      return change({ kind: 'reassign', ownerUserId: owner[1]!, reason: tail.replace(owner[0], '').trim() });
    }
    default: {
      const [first = '', ...why] = tail.split(/\s+/);
      const date = readCertainDate(first, today);
      if (!date || date < today) return invalid('bad_due_date');
      return change({ kind: 'change_due', dueDate: date, reason: why.join(' ') });
    }
  }
}
