// Runs a few harmless requests through the app's own entry point at start, before it listens:
// Bolt's middleware, the request wrapper, the routes and an ack, each compiled by V8 before the
// first people's requests need them (issue 11: a fresh process's first burst of `/stat agenda`
// acked at up to ~1.5× a bare Bolt app's first burst, later bursts at its level).
//
// Harmless by construction: `/stat help` is answered in its ack; the button and the form are ids
// no route knows, which the request wrapper acks empty. Nothing reads the database or calls Slack,
// and the acks go nowhere. Bounded: if the app cannot answer (Bolt waits for its auth.test, and
// Slack is slow), start-up goes on after MAX_MS and the requests finish on their own.
import type { ReceiverEvent } from '@slack/bolt';
import type { BoltApp } from './create-app.js';
import type { Deps } from './deps.js';

const ROUNDS = 20;
const MAX_MS = 2000;

const IDS = { team: { id: 'T0WARMUP' }, user: { id: 'U0WARMUP' }, api_app_id: 'A0WARMUP', token: 'warm-up' };
/** What Slack would send for each kind of request the bot acks first, minus anything a listener acts on. */
const REQUESTS: ReceiverEvent['body'][] = [
  {
    token: IDS.token,
    team_id: IDS.team.id,
    user_id: IDS.user.id,
    api_app_id: IDS.api_app_id,
    command: '/stat',
    text: 'help',
    channel_id: 'D0WARMUP',
    // Never used (help is answered in the ack); were it ever, nothing would leave the machine.
    response_url: 'http://127.0.0.1:9/warm-up',
    trigger_id: 'warm-up',
  },
  {
    ...IDS,
    type: 'block_actions',
    trigger_id: 'warm-up',
    container: { type: 'message', channel_id: 'D0WARMUP', message_ts: '1.000001' },
    channel: { id: 'D0WARMUP' },
    actions: [{ type: 'button', action_id: 'warm-up', block_id: 'warm-up', value: 'warm-up', action_ts: '1.000002' }],
  },
  {
    ...IDS,
    type: 'view_submission',
    trigger_id: 'warm-up',
    view: { id: 'V0WARMUP', callback_id: 'warm-up', private_metadata: '', state: { values: {} }, hash: 'warm-up' },
  },
];

export interface RequestPathReport {
  sent: number;
  acked: number;
  ms: number;
}

export async function warmRequestPath(app: BoltApp, deps: Pick<Deps, 'logger'>): Promise<RequestPathReport> {
  const started = performance.now();
  const report: RequestPathReport = { sent: 0, acked: 0, ms: 0 };
  const all = (async () => {
    for (let round = 0; round < ROUNDS; round++) {
      let helped = false;
      for (const body of REQUESTS) {
        report.sent++;
        await app.processEvent({
          body,
          ack: async (response) => {
            report.acked++;
            if (body === REQUESTS[0] && response) helped = true;
          },
        });
      }
      // No help text: no listener ran (Bolt refused the request, e.g. its auth.test failed), and
      // each further round would only repeat its warning in the log.
      if (!helped) throw new Error('the app did not answer /stat help itself');
    }
  })();
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), MAX_MS)));
  const finished = all.then(
    () => 'done' as const,
    (err: unknown) => (err instanceof Error ? err.message : String(err)),
  );
  const outcome = await Promise.race([finished, late]);
  clearTimeout(timer);
  report.ms = Math.round(performance.now() - started);
  if (outcome === 'done') deps.logger.info(`warm-up: request path run ${report.sent} times in ${report.ms} ms`);
  else
    deps.logger.warn('warm-up: the request path did not finish (the first requests will be slower)', {
      ...report,
      reason: outcome === 'late' ? `still running after ${MAX_MS} ms` : outcome,
    });
  return report;
}
