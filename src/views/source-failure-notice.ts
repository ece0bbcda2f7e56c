// What a person reads about a source: why a pull gave no value (in the form and to admins), and the
// one admin DM per failing source and period. Never quotes a secret: the detail was redacted.
import type { SourceFailureCode } from '../domain/sources/failure-codes.js';
import { LIMITS } from './limits.js';
import { escapeMrkdwn, fitText, md } from './mrkdwn.js';
import type { SlackMessage } from './slack-message.js';

const REASONS: Record<SourceFailureCode, string> = {
  missing_secret: 'a setting it needs (a connection string or key) is not set on the server',
  timeout: 'it did not answer in time',
  unreachable: 'it could not be reached',
  server_error: 'it reported an error',
  refused_write: 'its query tries to change data, which is not allowed',
  query_error: 'its query failed',
  no_row: 'it has no value for this period',
  several_rows: 'it returned several values instead of one',
  not_a_number: 'it returned something that is not a number',
  out_of_range: "its value is outside this metric's allowed range",
  bad_response: 'its answer could not be read',
  too_large: 'its answer was too large',
  no_match: 'its answer does not contain the value',
  bad_url: 'its address is not allowed',
  host_not_allowed: 'its host is not on the allowed list',
  file_missing: 'its export file is missing',
};

export function describeSourceFailure(code: string): string {
  return REASONS[code as SourceFailureCode] ?? 'it failed';
}

export interface SourceFailureNotice {
  systemKey: string;
  periodLabel: string;
  failures: { departmentKey: string; metricName: string; code: string; detail: string }[];
}

export function buildSourceFailureNotice(n: SourceFailureNotice): SlackMessage[] {
  const head = `:warning: A data source failed for ${n.periodLabel}: \`${escapeMrkdwn(n.systemKey)}\`. The liaisons will type these values by hand; I'll only tell you once about this source this period.`;
  const lines = n.failures.map(
    (f) =>
      `• *${escapeMrkdwn(f.departmentKey)}* ${escapeMrkdwn(f.metricName)}: ${describeSourceFailure(f.code)} (${escapeMrkdwn(fitText(f.detail, 200))})`,
  );
  const sections: string[] = [];
  let current = '';
  for (const line of lines) {
    if (current && current.length + line.length + 1 > LIMITS.sectionText) {
      sections.push(current);
      current = '';
    }
    current = current ? `${current}\n${line}` : line;
  }
  if (current) sections.push(current);
  // A long list continues in further messages rather than being cut.
  const pages: SlackMessage[] = [];
  const perMessage = LIMITS.messageBlocks - 1;
  for (let i = 0; i < Math.max(sections.length, 1); i += perMessage) {
    const chunk = sections.slice(i, i + perMessage);
    pages.push({
      text: i === 0 ? head.replace(/[*`]/g, '') : `Failing source ${n.systemKey} (continued)`,
      blocks: [
        ...(i === 0 ? [{ type: 'section' as const, text: md(head) }] : []),
        ...chunk.map((t) => ({ type: 'section' as const, text: md(t) })),
      ],
    });
  }
  return pages;
}
