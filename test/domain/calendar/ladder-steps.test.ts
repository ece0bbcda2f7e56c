// The ladder's steps are defined once (LADDER_STEPS) and the stored payloads are read back through
// schemas built from that list, so a step the ladder can produce is always one the reader accepts.
import { describe, expect, it } from 'vitest';
import { buildReminderLadder, LADDER_STEPS } from '../../../src/domain/calendar/index.js';
import type { ProgramCalendar } from '../../../src/domain/types.js';
import { followUpNagPayloadSchema } from '../../../src/services/followups/plan-followup-nags.js';
import { collectionPayloadSchema } from '../../../src/services/notices/plan-collection.js';

const NY: ProgramCalendar = { timezone: 'America/New_York', workdayStart: '09:00', workdayEnd: '17:00', holidays: [] };

describe('LADDER_STEPS', () => {
  it('lists every step a ladder produces, in the order a subject meets them', () => {
    const steps = buildReminderLadder({
      subjectKey: 'collect:DPW:2026-10',
      openAt: '2026-11-02',
      dueDate: '2026-11-06',
      calendar: NY,
    });
    const seen = [...new Set(steps.map((s) => s.step))];
    expect(seen).toEqual([...LADDER_STEPS]);
  });

  it('is what the stored payloads are read back with, and nothing else', () => {
    for (const schema of [collectionPayloadSchema, followUpNagPayloadSchema]) {
      const step = schema.shape.step;
      expect(step.options).toEqual([...LADDER_STEPS]);
      expect(step.safeParse('bogus').success).toBe(false);
    }
  });
});
