// Helpers to fill the numbers form the way a person would, by metric key.
import type { StateValues } from '../../local-stack/slack-sandbox/index.js';
import type { PrismaClient } from '../../src/infra/db-types.js';
import {
  metricBlockId,
  NOT_AVAILABLE_ACTION_ID,
  NOTE_ACTION_ID,
  VALUE_ACTION_ID,
} from '../../src/views/submission-modal.js';

export interface Typed {
  value?: string;
  note?: string;
  notAvailable?: boolean;
}

export async function metricIds(prisma: PrismaClient, departmentKey: string): Promise<Record<string, number>> {
  const rows = await prisma.metric.findMany({ where: { department: { key: departmentKey } } });
  return Object.fromEntries(rows.map((m) => [m.key, m.id]));
}

export async function formValues(
  prisma: PrismaClient,
  departmentKey: string,
  typed: Record<string, Typed>,
): Promise<StateValues> {
  const ids = await metricIds(prisma, departmentKey);
  const values: StateValues = {};
  for (const [key, t] of Object.entries(typed)) {
    const id = ids[key];
    if (id === undefined) throw new Error(`no metric ${departmentKey}/${key}`);
    values[metricBlockId(id, 'value')] = { [VALUE_ACTION_ID]: { type: 'number_input', value: t.value ?? null } };
    values[metricBlockId(id, 'note')] = { [NOTE_ACTION_ID]: { type: 'plain_text_input', value: t.note ?? null } };
    values[metricBlockId(id, 'not_available')] = {
      [NOT_AVAILABLE_ACTION_ID]: {
        type: 'checkboxes',
        selected_options: t.notAvailable
          ? [{ text: { type: 'plain_text', text: 'Not available this period' }, value: 'na' }]
          : [],
      },
    };
  }
  return values;
}
