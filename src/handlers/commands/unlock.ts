// `/stat unlock <department> <period>` (chairs, admins): reopens a locked period for a correction.

import { formatPeriodLabel, localDateOf, parsePeriodInput } from '../../domain/calendar/index.js';
import { unlockPeriod } from '../../services/collection/lock-periods.js';
import { loadProgramSettings } from '../../services/program-settings.js';
import { MESSAGES } from '../../views/messages.js';
import { refusalFor } from '../shared/authorize.js';
import { userFacingMessage } from '../shared/user-facing-error.js';
import type { SubcommandHandler } from './stat-command.js';

export const handleUnlockCommand: SubcommandHandler = async ({ ack, command, respond }, rest, deps) => {
  await ack();
  const reply = (text: string) => respond({ response_type: 'ephemeral', text });
  try {
    const refusal = await refusalFor(deps.prisma, command.user_id, 'unlock_period');
    if (refusal) return void (await reply(refusal));
    const [key, ...periodWords] = rest.split(/\s+/).filter(Boolean);
    if (!key || periodWords.length === 0)
      return void (await reply('Say which department and period: `/stat unlock DPW 2026-10`'));
    const now = deps.clock.now();
    const period = parsePeriodInput(
      periodWords.join(' '),
      localDateOf(now, (await loadProgramSettings(deps.prisma)).calendar.timezone),
    );
    if (!period.ok) return void (await reply(period.message));
    const dept = await deps.prisma.department.findFirst({ where: { key: { equals: key, mode: 'insensitive' } } });
    if (!dept) return void (await reply(MESSAGES.unknownDepartment(key)));
    const done = await unlockPeriod(deps.prisma, dept.id, period.value, command.user_id, now);
    await reply(
      done
        ? `${dept.name} — ${formatPeriodLabel(period.value)} is unlocked. Corrections will be noted in the packet's thread.`
        : `${dept.name} — ${formatPeriodLabel(period.value)} was not locked.`,
    );
  } catch (err) {
    deps.logger.error('/stat unlock failed', { err });
    await reply(userFacingMessage(err));
  }
};
