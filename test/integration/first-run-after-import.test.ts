// Issue 10, defect 3: import a program, run the scheduler on the next working morning. September
// closed before the import and nobody was ever asked for it, so nobody may hear about it — least
// of all an escalation saying "the liaisons have been reminded" with a business-day count frozen
// when the ladder was planned.
import { describe, expect, it } from 'vitest';
import { loadProgramFile } from '../../src/infra/program-file/load-program-file.js';
import { importProgram } from '../../src/services/program-import/import-program.js';
import { describeCollectionStart } from '../../src/views/program-import-report.js';
import { withoutStartsWith, withStartsWith, writeProgramVariant } from '../helpers/program-variant.js';
import { slashReply, useLocalStack } from '../helpers/use-local-stack.js';

// America/New_York. September 2026 was due Wed 7 Oct. Imported Tue 27 Oct; next morning Wed 28 Oct 10:30.
const TUE_27_OCT_1000 = '2026-10-27T14:00:00Z';
const WED_28_OCT_1030 = '2026-10-28T14:30:00Z';
const MON_2_NOV_1030 = '2026-11-02T15:30:00Z';
const HEADS_AND_CHAIR = ['U0CHAIR01', 'U0DPWHEAD', 'U0CODHEAD', 'U0FIRHEAD', 'U0WATHEAD'];

async function reimport(file: string, now: string) {
  const loaded = await loadProgramFile(file);
  if (!loaded.ok) throw new Error(loaded.errors.join('\n'));
  return importProgram(stackDefault().db.prisma, loaded.value, { actor: 'test', now: new Date(now) });
}

const defaultFile = writeProgramVariant(withoutStartsWith);
const stackDefault = useLocalStack({ now: TUE_27_OCT_1000, programFile: defaultFile });

describe('a program imported without starts_with', () => {
  it('starts with the month in progress, and says so', async () => {
    const summary = await reimport(defaultFile, TUE_27_OCT_1000);
    expect(new Set(summary.startsWith.map((s) => s.period))).toEqual(new Set(['2026-10']));
    expect(describeCollectionStart(summary)).toBe(
      'Collection starts with October 2026: earlier periods are never collected, reminded or escalated.',
    );
  });

  it('sends nothing about September on the next working morning', async () => {
    const report = await stackDefault().runDue(WED_28_OCT_1030);
    expect(report).toMatchObject({ sent: 0, failed: 0 });
    expect(stackDefault().sandbox.messages).toEqual([]);
    const september = await stackDefault().db.prisma.scheduledNotice.count({
      where: { key: { contains: ':2026-09:' } },
    });
    expect(september).toBe(0);
  });

  it('the late list does not call anyone late for September', async () => {
    const reply = await slashReply(stackDefault(), 'status 2026-09', 'U0CHAIR01');
    expect(reply).toContain('*Public Works* — nothing due this period');
    expect(reply).toContain('0 late');
    expect(reply).not.toMatch(/late \d+ business day/);
  });

  it('a re-import months later keeps the recorded start', async () => {
    const summary = await reimport(defaultFile, '2027-03-09T15:00:00Z');
    expect(new Set(summary.startsWith.map((s) => s.period))).toEqual(new Set(['2026-10']));
  });

  it('opens October when it closes: the first period is collected as usual', async () => {
    await stackDefault().runDue(MON_2_NOV_1030);
    expect(
      stackDefault()
        .sandbox.dmsTo('U0DPWLIA1')
        .map((m) => m.text),
    ).toEqual([expect.stringContaining('October 2026 has closed')]);
  });
});

// September's numbers are missing here (no history for it): the import asks for September although
// it is long overdue.
describe('a program that explicitly starts with a month already overdue', () => {
  const stack = useLocalStack({
    now: TUE_27_OCT_1000,
    programFile: writeProgramVariant(withStartsWith('2026-09'), { dropHistoryOf: '2026-09' }),
  });

  it('escalates with the lateness of today and only what the bot has actually done', async () => {
    const report = await stack().runDue(WED_28_OCT_1030);
    expect(report.failed).toBe(0);
    for (const user of HEADS_AND_CHAIR) {
      const texts = stack()
        .sandbox.dmsTo(user)
        .filter((m) => !m.thread_ts && !m.text.startsWith('Citywide brief')) // the chair also gets September's brief
        .map((m) => m.text);
      expect(texts.length, user).toBeGreaterThan(0);
      for (const text of texts) {
        // Wed 7 Oct to Wed 28 Oct: 15 business days, not the 3 the ladder planned for 12 Oct.
        expect(text).toContain('September 2026 numbers are 15 business days late');
        expect(text).toContain('I have not messaged the liaisons about them yet');
        expect(text).not.toMatch(/have been reminded/);
      }
    }
  });
});
