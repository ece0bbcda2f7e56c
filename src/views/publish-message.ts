// What Slack shows about publishing: the note in the packet's thread when a period's results go
// public, and the answers to `/stat publish`.
import { md } from './mrkdwn.js';
import type { SlackMessage } from './slack-message.js';

const text = (t: string): SlackMessage => ({ text: t, blocks: [{ type: 'section', text: md(t) }] });
const link = (url: string | null) => (url ? ` <${url}|See the public site>` : '');

/** "Published: 6 metrics for October 2026", in the packet's thread. */
export function buildPublishedNotice(o: {
  metrics: number;
  periodLabel: string;
  siteUrl: string | null;
}): SlackMessage {
  return text(
    `:globe_with_meridians: Published: ${o.metrics} metric${o.metrics === 1 ? '' : 's'} for ${o.periodLabel}.${link(o.siteUrl)}`,
  );
}

export const PUBLISH_USAGE = 'Usage: `/stat publish [period]`, e.g. `/stat publish` or `/stat publish October`.';

export type PublishReply =
  | {
      kind: 'published';
      records: number;
      revised: number;
      newPeriods: { label: string; metrics: number }[];
      siteUrl: string | null;
    }
  | { kind: 'nothing_public' }
  | { kind: 'not_publishable'; periodLabel: string }
  | { kind: 'not_configured' }
  | { kind: 'not_allowed' };

export function buildPublishReply(r: PublishReply): SlackMessage {
  if (r.kind === 'nothing_public')
    return text(
      'Nothing to publish yet: no metric is marked `public: true` in the program file, or no period with public metrics has been locked by its packet.',
    );
  if (r.kind === 'not_publishable')
    return text(
      `${r.periodLabel} is not published yet: it goes out when its packet locks it (or after its meeting, if the program says so).`,
    );
  if (r.kind === 'not_allowed') return text('Sorry, only admins can republish the public results.');
  if (r.kind === 'not_configured')
    return text(
      'Publishing is not set up on this server: an admin sets `PUBLISH_DIR` (and `PUBLIC_BASE_URL`) and restarts the bot.',
    );
  const fresh = r.newPeriods.map((p) => `${p.metrics} new for ${p.label}`).join(', ');
  return text(
    `Republished ${r.records} record${r.records === 1 ? '' : 's'}${fresh ? ` (${fresh})` : ''}${r.revised ? `, ${r.revised} revised` : ''}.${link(r.siteUrl)}`,
  );
}
