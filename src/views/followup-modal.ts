// The one modal that records a decision as a follow-up, opened three ways (agenda button,
// message shortcut, /stat followup) with whatever each already knows pre-filled.
import type { KnownBlock, PlainTextOption, StaticSelect } from '@slack/types';
import { z } from 'zod';
import { MAX_FOLLOWUP_TEXT } from '../domain/followups/limits.js';
import { LIMITS } from './limits.js';
import { escapeMrkdwn, fitText, md, plain } from './mrkdwn.js';
import type { ModalView } from './slack-message.js';

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

const SELECT_OPTIONS = LIMITS.selectOptions;
const option = (text: string, value: string): PlainTextOption => ({
  text: plain(fitText(text, LIMITS.optionText)),
  value,
});

/** Options in groups of at most 100, each group labelled; nothing is left out. */
function groupOptions(groups: { label: string; options: PlainTextOption[] }[]) {
  return groups.flatMap((g) => {
    const parts = Math.ceil(g.options.length / SELECT_OPTIONS);
    return Array.from({ length: parts }, (_, n) => ({
      label: plain(fitText(parts > 1 ? `${g.label} (${n + 1}/${parts})` : g.label, LIMITS.optionText)),
      options: g.options.slice(n * SELECT_OPTIONS, (n + 1) * SELECT_OPTIONS),
    }));
  });
}

/** A static select of every option: flat when it fits, in labelled groups when it does not. */
function staticSelect(
  actionId: string,
  groups: { label: string; options: PlainTextOption[] }[],
  initialValue: string | null,
): StaticSelect {
  const all = groups.flatMap((g) => g.options);
  const initial = all.find((o) => o.value === initialValue);
  const choices =
    all.length <= SELECT_OPTIONS ? { options: all } : { option_groups: groupOptions(groups).slice(0, SELECT_OPTIONS) };
  return { type: 'static_select', action_id: actionId, ...choices, ...(initial ? { initial_option: initial } : {}) };
}

export function buildFollowUpModal(i: FollowUpModalInput): ModalView {
  const firstLetter = (name: string) => name.trim().charAt(0).toUpperCase() || '#';
  const deptGroups = new Map<string, PlainTextOption[]>();
  for (const d of i.departments)
    deptGroups.set(firstLetter(d.name), [...(deptGroups.get(firstLetter(d.name)) ?? []), option(d.name, String(d.id))]);
  // Over 100 departments with metrics would be over 100 groups: then only the chosen department's.
  const deptName = i.departments.find((d) => d.id === i.departmentId)?.name;
  const manyDepartments = new Set(i.metrics.map((m) => m.departmentName)).size > SELECT_OPTIONS;
  const metrics = manyDepartments && deptName ? i.metrics.filter((m) => m.departmentName === deptName) : i.metrics;
  const metricGroups = new Map<string, PlainTextOption[]>();
  for (const m of metrics)
    metricGroups.set(m.departmentName, [...(metricGroups.get(m.departmentName) ?? []), option(m.name, String(m.id))]);
  const toGroups = (map: Map<string, PlainTextOption[]>) =>
    [...map.entries()].map(([label, options]) => ({ label, options }));
  const blocks: KnownBlock[] = [
    ...(i.note ? [context(escapeMrkdwn(fitText(i.note, LIMITS.sectionText)))] : []),
    ...(i.sourceLink && /^https:\/\/[^\s|<>]+$/.test(i.sourceLink)
      ? [context(`From <${i.sourceLink}|the original message>`)]
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
      element: staticSelect(
        FOLLOWUP_ACTIONS.department,
        toGroups(deptGroups),
        i.departmentId != null ? String(i.departmentId) : null,
      ),
    },
    ...(metrics.length
      ? [
          {
            type: 'input' as const,
            block_id: FOLLOWUP_BLOCKS.metric,
            optional: true,
            label: plain('Linked metric'),
            element: staticSelect(
              FOLLOWUP_ACTIONS.metric,
              toGroups(metricGroups),
              i.metricId != null ? String(i.metricId) : null,
            ),
          },
        ]
      : []),
  ];
  return {
    type: 'modal',
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

function context(text: string): KnownBlock {
  return { type: 'context', elements: [md(text)] };
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
