// `/stat publish [period]` (admins): republish the open data and the public site now.
import { formatPeriodLabel, localDateOf, parsePeriodInput } from '../../domain/calendar/index.js';
import { siteUrlOf } from '../../domain/publishing/site-url.js';
import { loadProgramSettings } from '../../services/program-settings.js';
import { republishResults } from '../../services/publishing/republish.js';
import { buildPublishReply, type PublishReply } from '../../views/publish-message.js';
import { answerFailures, privateReply } from '../shared/listener-kit.js';
import type { SubcommandHandler } from './subcommand.js';

export const handlePublishCommand: SubcommandHandler = async ({ ack, command, respond }, rest, deps) => {
  await ack();
  const reply = privateReply(respond);
  await answerFailures(deps, '/stat publish', reply, async () => {
    const now = deps.clock.now();
    let period: string | null = null;
    if (rest.trim()) {
      const { timezone } = (await loadProgramSettings(deps.prisma)).calendar;
      const parsed = parsePeriodInput(rest.trim(), localDateOf(now, timezone));
      if (!parsed.ok) return reply(parsed.message);
      period = parsed.value;
    }
    const outcome = await republishResults(deps, { userId: command.user_id, period, now });
    await reply(buildPublishReply(toReply(outcome, deps.publishing?.baseUrl)));
  });
};

function toReply(o: Awaited<ReturnType<typeof republishResults>>, baseUrl: string | undefined): PublishReply {
  if (o.kind === 'not_publishable') return { kind: 'not_publishable', periodLabel: formatPeriodLabel(o.period) };
  if (o.kind === 'published' || o.kind === 'unchanged')
    return {
      kind: 'published',
      records: o.records,
      revised: o.kind === 'published' ? o.revised : 0,
      newPeriods:
        o.kind === 'published'
          ? o.newPeriods.map((p) => ({ label: formatPeriodLabel(p.period), metrics: p.metrics }))
          : [],
      siteUrl: baseUrl ? siteUrlOf(baseUrl) : null,
    };
  return o;
}
