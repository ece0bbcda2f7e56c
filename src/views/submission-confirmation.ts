// The DM a liaison gets after saving: each value with its variance and status, so they see what
// the chair will see. Their own notes are echoed escaped (no accidental @channel).

import { formatWithUnit } from '../domain/number-format.js';
import type { MetricRule, Status } from '../domain/types.js';
import { encodeOpenSubmission, OPEN_SUBMISSION_ACTION_ID } from './collection-reminder.js';
import { describeTarget, formatVariance, statusText } from './format.js';
import { LIMITS } from './limits.js';
import { escapeMrkdwn, fitText, md, plain } from './mrkdwn.js';
import { type MessagePage, paginateBlocks } from './paginate.js';
import type { KnownBlock } from './slack-message.js';

export interface ConfirmationRow {
  name: string;
  unit: string;
  rule: MetricRule;
  target: number | null;
  value: number | null;
  notAvailable: boolean;
  note: string | null;
  status: Status;
}

export interface Confirmation {
  departmentId: number;
  departmentName: string;
  period: string;
  periodLabel: string;
  rows: ConfirmationRow[];
  missing: string[];
  revised: boolean;
}

function rowText(r: ConfirmationRow): string {
  const head = `*${escapeMrkdwn(r.name)}*`;
  if (r.notAvailable) return `${head}\n:white_circle: Not available — ${escapeMrkdwn(r.note ?? '')}`;
  const value = r.value === null ? '—' : formatWithUnit(r.value, r.unit, r.rule.decimals);
  const variance = r.value === null ? '' : ` · variance ${formatVariance(r.value, r.target, r.unit, r.rule.decimals)}`;
  const note = r.note ? `\n> ${escapeMrkdwn(r.note).replace(/\n/g, '\n> ')}` : '';
  return `${head}\n${value} (${describeTarget(r.rule, r.target, r.unit)})${variance} · ${statusText(r.status)}${note}`;
}

/** One message normally; a department with very many metrics gets its confirmation in parts. */
export function buildSubmissionConfirmation(c: Confirmation): MessagePage[] {
  const verb = c.revised ? 'Revision saved' : 'Thank you — saved';
  const summary = `${verb}: ${c.departmentName}, ${c.periodLabel}`;
  const rows: KnownBlock[] = c.rows.map((r) => ({
    type: 'section',
    text: md(fitText(rowText(r), LIMITS.sectionText)),
  }));
  const missing: KnownBlock[] = c.missing.length
    ? [
        {
          type: 'section',
          text: md(
            fitText(
              `:hourglass_flowing_sand: Still to enter: ${c.missing.map(escapeMrkdwn).join(', ')}`,
              LIMITS.sectionText,
            ),
          ),
        },
        {
          type: 'actions',
          elements: [
            {
              type: 'button',
              action_id: OPEN_SUBMISSION_ACTION_ID,
              text: plain('Enter numbers'),
              value: encodeOpenSubmission(c.departmentId, c.period),
              style: 'primary',
            },
          ],
        },
      ]
    : [];
  const footer: KnownBlock = {
    type: 'context',
    elements: [
      md('You can revise these until the roundtable packet is posted; every change is kept with who and when.'),
    ],
  };
  return paginateBlocks(summary, [{ type: 'header', text: plain(fitText(summary, LIMITS.headerText)) }], rows, [
    ...missing,
    footer,
  ]);
}
