// `/stat unlock <department> <period>` (chairs, admins): reopens a locked period for a correction.

import { formatPeriodLabel, localDateOf, parsePeriodInput } from '../../domain/calendar/index.js';
import { unlockDepartmentPeriod } from '../../services/collection/unlock-department.js';
import { loadProgramSettings } from '../../services/program-settings.js';
import { MESSAGES } from '../../views/messages.js';
import { answerAfterAck, privateReply } from '../shared/listener-kit.js';
import type { SubcommandHandler } from './subcommand.js';

export const handleUnlockCommand: SubcommandHandler = async ({ ack, command, respond }, rest, deps) => {
  await ack();
  const reply = privateReply(respond);
  await answerAfterAck(deps, '/stat unlock', reply, async () => {
    const [key, ...periodWords] = rest.split(/\s+/).filter(Boolean);
    if (!key || periodWords.length === 0) return reply(MESSAGES.unlockUsage);
    const now = deps.clock.now();
    const { timezone } = (await loadProgramSettings(deps.prisma)).calendar;
    const period = parsePeriodInput(periodWords.join(' '), localDateOf(now, timezone));
    if (!period.ok) return reply(period.message);
    const outcome = await unlockDepartmentPeriod(deps.prisma, {
      userId: command.user_id,
      departmentKey: key,
      period: period.value,
      now,
    });
    const label = formatPeriodLabel(period.value);
    if (outcome.kind === 'not_allowed') return reply(MESSAGES.notAllowedTo('unlock_period'));
    if (outcome.kind === 'unknown_department') return reply(MESSAGES.unknownDepartment(outcome.key));
    await reply(
      outcome.kind === 'unlocked'
        ? MESSAGES.unlocked(outcome.departmentName, label)
        : MESSAGES.wasNotLocked(outcome.departmentName, label),
    );
  });
};
