// `/stat submit [department] [period]` → the numbers form.

import { localDateOf, parsePeriodInput } from '../../domain/calendar/index.js';
import { loadProgramSettings } from '../../services/program-settings.js';
import { openSubmissionModal } from '../shared/open-submission-modal.js';
import type { SubcommandHandler } from './subcommand.js';

export const handleSubmitCommand: SubcommandHandler = async ({ ack, command, client, respond }, rest, deps) => {
  await ack();
  const words = rest.split(/\s+/).filter(Boolean);
  // The last word may be a period ("2026-10", "Oct 2026" is two words: try the last two first).
  let period: string | undefined;
  const settings = await loadProgramSettings(deps.prisma).catch(() => null);
  const today = localDateOf(deps.clock.now(), settings?.calendar.timezone ?? 'UTC');
  for (const n of [2, 1]) {
    if (words.length < n) continue;
    const parsed = parsePeriodInput(words.slice(-n).join(' '), today);
    if (parsed.ok) {
      period = parsed.value;
      words.splice(-n);
      break;
    }
  }
  await openSubmissionModal({
    client,
    respond,
    deps,
    userId: command.user_id,
    triggerId: command.trigger_id,
    departmentKey: words.join(' ') || undefined,
    period,
  });
};
