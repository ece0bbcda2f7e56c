// Slack retries an event (X-Slack-Retry-Num, up to three times) when our answer was slow or lost,
// and with several replicas behind a load balancer the retry may reach a different process. The
// event_id is recorded once in ProcessedInteraction (an atomic insert, so two replicas cannot both
// win); a delivery whose id is already there is acknowledged and dropped. Interactions (buttons,
// forms, commands) are not retried by Slack; form saves are idempotent on their own keys.
import type { AnyMiddlewareArgs, Middleware } from '@slack/bolt';
import type { Deps } from '../../app/deps.js';
import { recordFirstDelivery } from '../../services/deliveries.js';

export function ignoreSlackRetries(deps: Deps): Middleware<AnyMiddlewareArgs> {
  return async ({ body, context, next }) => {
    const key = deliveryKey(body);
    if (key && !(await isFirstDelivery(deps, key))) {
      deps.logger.info('Slack delivered an event again; it was handled already, so it is ignored', {
        key,
        slackRetry: context.retryNum ?? null,
      });
      return;
    }
    await next();
  };
}

function deliveryKey(body: unknown): string | null {
  const b = body as { type?: unknown; event_id?: unknown };
  return b.type === 'event_callback' && typeof b.event_id === 'string' && b.event_id.length <= 200
    ? `event:${b.event_id}`
    : null;
}

async function isFirstDelivery(deps: Deps, key: string): Promise<boolean> {
  try {
    return await recordFirstDelivery(deps.prisma, key, deps.clock.now());
  } catch (err) {
    // Without the database we cannot tell; handling an event twice beats dropping it (the only
    // event we listen to, app_home_opened, is idempotent), and the listener reports the outage.
    deps.logger.warn('could not record a Slack event id; handling it anyway', { key, err });
    return true;
  }
}
