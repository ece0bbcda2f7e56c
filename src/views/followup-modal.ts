// The one modal that records a decision as a follow-up, opened three ways (agenda button,
// message shortcut, /stat followup) with whatever each already knows pre-filled.
import { z } from 'zod';
import { MAX_FOLLOWUP_TEXT } from '../domain/followups/limits.js';
import { escapeMrkdwn, fitText, md, plain } from './mrkdwn.js';

export const FOLLOWUP_CALLBACK_ID = 'stat_followup_create';
export const FOLLOWUP_BLOCKS = {
  owner: 'followup_owner',
  due: 'followup_due',
  department: 'followup_department',
  metric: 'followup_metric',
  text: 'followup_text',
} as const;
export const FOLLOWUP_ACTIONS = {
  owner: 'owner',
  due: 'due',
  department: 'department',
  metric: 'metric',
  text: 'text',
} as const;

export interface FollowUpModalInput {
  departments: { id: number; name: string }[];
  metrics: { id: number; name: string; departmentName: string }[];
  ownerUserId?: string | null;
  dueDate?: string | null;
  departmentId?: number | null;
  metricId?: number | null;
  text?: string;
  meetingId?: number | null;
  sourceLink?: string | null;
  note?: string;
}

export const followUpMetadataSchema = z.object({
  m: z.number().int().nullable().default(null),
  s: z.string().max(500).nullable().default(null),
});

const option = (text: string, value: string) => ({ text: plain(fitText(text, 75)), value });

export function buildFollowUpModal(i: FollowUpModalInput) {
  // A static select holds 100 options. Large programs see the chosen department's metrics only.
  const deptOptions = i.departments.slice(0, 100).map((d) => option(d.name, String(d.id)));
  const deptName = i.departments.find((d) => d.id === i.departmentId)?.name;
  const metrics =
    i.metrics.length > 100 && deptName ? i.metrics.filter((m) => m.departmentName === deptName) : i.metrics;
  const metricOptions = metrics.slice(0, 100).map((m) => option(`${m.departmentName}: ${m.name}`, String(m.id)));
  const initialDept = deptOptions.find((o) => o.value === String(i.departmentId));
  const initialMetric = metricOptions.find((o) => o.value === String(i.metricId));
  const blocks: object[] = [
    ...(i.note ? [{ type: 'context', elements: [md(escapeMrkdwn(fitText(i.note, 3000)))] }] : []),
    ...(i.sourceLink && /^https:\/\/[^\s|<>]+$/.test(i.sourceLink)
      ? [{ type: 'context', elements: [md(`From <${i.sourceLink}|the original message>`)] }]
      : []),
    {
      type: 'input',
      block_id: FOLLOWUP_BLOCKS.text,
      label: plain('Decision / commitment'),
      element: {
        type: 'plain_text_input',
        action_id: FOLLOWUP_ACTIONS.text,
        multiline: true,
        max_length: MAX_FOLLOWUP_TEXT,
        ...(i.text ? { initial_value: fitText(i.text, MAX_FOLLOWUP_TEXT) } : {}),
      },
    },
    {
      type: 'input',
      block_id: FOLLOWUP_BLOCKS.owner,
      label: plain('Owner'),
      element: {
        type: 'users_select',
        action_id: FOLLOWUP_ACTIONS.owner,
        ...(i.ownerUserId ? { initial_user: i.ownerUserId } : {}),
      },
    },
    {
      type: 'input',
      block_id: FOLLOWUP_BLOCKS.due,
      label: plain('Due date'),
      element: {
        type: 'datepicker',
        action_id: FOLLOWUP_ACTIONS.due,
        ...(i.dueDate ? { initial_date: i.dueDate } : {}),
      },
    },
    {
      type: 'input',
      block_id: FOLLOWUP_BLOCKS.department,
      label: plain('Department'),
      element: {
        type: 'static_select',
        action_id: FOLLOWUP_ACTIONS.department,
        options: deptOptions,
        ...(initialDept ? { initial_option: initialDept } : {}),
      },
    },
    ...(metricOptions.length
      ? [
          {
            type: 'input',
            block_id: FOLLOWUP_BLOCKS.metric,
            optional: true,
            label: plain('Linked metric'),
            element: {
              type: 'static_select',
              action_id: FOLLOWUP_ACTIONS.metric,
              options: metricOptions,
              ...(initialMetric ? { initial_option: initialMetric } : {}),
            },
          },
        ]
      : []),
  ];
  return {
    type: 'modal' as const,
    callback_id: FOLLOWUP_CALLBACK_ID,
    // A permalink is ~80 characters; one that is not a plain https URL is dropped, never cut mid-JSON.
    private_metadata: JSON.stringify({
      m: i.meetingId ?? null,
      s: i.sourceLink && i.sourceLink.length <= 500 ? i.sourceLink : null,
    }),
    title: plain('Track a follow-up'),
    submit: plain('Save follow-up'),
    close: plain('Cancel'),
    blocks,
  };
}

const stateSchema = z.record(
  z.string(),
  z.record(
    z.string(),
    z
      .object({
        value: z.string().nullish(),
        selected_user: z.string().nullish(),
        selected_date: z.string().nullish(),
        selected_option: z.object({ value: z.string() }).nullish(),
      })
      .loose(),
  ),
);

export interface FollowUpFormValues {
  text: string;
  ownerUserId: string | null;
  dueDate: string | null;
  departmentId: number | null;
  metricId: number | null;
}

export function parseFollowUpState(values: unknown): FollowUpFormValues {
  const s = stateSchema.safeParse(values);
  const get = (block: string, action: string) => (s.success ? s.data[block]?.[action] : undefined);
  const num = (v: string | null | undefined) => (v && /^\d+$/.test(v) ? Number(v) : null);
  return {
    text: get(FOLLOWUP_BLOCKS.text, FOLLOWUP_ACTIONS.text)?.value ?? '',
    ownerUserId: get(FOLLOWUP_BLOCKS.owner, FOLLOWUP_ACTIONS.owner)?.selected_user ?? null,
    dueDate: get(FOLLOWUP_BLOCKS.due, FOLLOWUP_ACTIONS.due)?.selected_date ?? null,
    departmentId: num(get(FOLLOWUP_BLOCKS.department, FOLLOWUP_ACTIONS.department)?.selected_option?.value),
    metricId: num(get(FOLLOWUP_BLOCKS.metric, FOLLOWUP_ACTIONS.metric)?.selected_option?.value),
  };
}

/** The inline errors for missing fields, keyed by block (Slack's `response_action: errors`). */
export function followUpFormErrors(v: FollowUpFormValues): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!v.text.trim()) errors[FOLLOWUP_BLOCKS.text] = 'Write what was decided';
  if (!v.ownerUserId) errors[FOLLOWUP_BLOCKS.owner] = 'Pick the owner';
  if (!v.dueDate) errors[FOLLOWUP_BLOCKS.due] = 'Pick a due date';
  if (!v.departmentId) errors[FOLLOWUP_BLOCKS.department] = 'Pick the department';
  return errors;
}
