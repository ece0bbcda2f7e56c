// Issue 10, defect 4: a roundtable on the first Thursday with a 48-hour lead posts its packet on
// Tue 3 Nov, but October is not due until Fri 6 Nov. The packet must review the period that is
// due (September), say why, and leave October open: reminders continue and "Enter numbers" works.
import { describe, expect, it } from 'vitest';
import { loadProgramFile } from '../../src/infra/program-file/load-program-file.js';
import { importProgram } from '../../src/services/program-import/import-program.js';
import { OPEN_SUBMISSION_ACTION_ID } from '../../src/views/collection-reminder.js';
import { describePacketsBeforeDue } from '../../src/views/program-import-report.js';
import { SUBMISSION_CALLBACK_ID } from '../../src/views/submission-modal.js';
import { formValues } from '../helpers/forms.js';
import { writeProgramVariant } from '../helpers/program-variant.js';
import { useLocalStack } from '../helpers/use-local-stack.js';

// America/New_York. Thu 5 Nov 10:00 meeting; packet Tue 3 Nov 10:00; October due Fri 6 Nov.
const MON_2_NOV_1030 = '2026-11-02T15:30:00Z';
const TUE_3_NOV_1000 = '2026-11-03T15:00:00Z';
const FRI_6_NOV_1030 = '2026-11-06T15:30:00Z';
const ROOM = 'C0STATROOM';
const DPW_LIAISON = 'U0DPWLIA1';

const file = writeProgramVariant((yaml) =>
  yaml.replace('recurrence: third Tuesday 10:00', 'recurrence: first Thursday 10:00'),
);
const stack = useLocalStack({ now: MON_2_NOV_1030, programFile: file });

describe('a roundtable whose packet goes out before the due date', () => {
  it('import warns, naming the series, the meeting, the packet day and the due date', async () => {
    const loaded = await loadProgramFile(file);
    if (!loaded.ok) throw new Error(loaded.errors.join('\n'));
    const summary = await importProgram(stack().db.prisma, loaded.value, {
      actor: 'test',
      now: new Date(MON_2_NOV_1030),
    });
    const warnings = describePacketsBeforeDue(summary);
    expect(warnings).toContain(
      "Warning: Monthly Performance Roundtable on Thu 5 Nov posts its packet on Tue 3 Nov, before Public Works' October 2026 numbers are due (Fri 6 Nov). That packet will show Public Works for September 2026 instead and leave October 2026 open. The same happens at 6 of the next 12 meetings of this series. To review October 2026, hold the meeting later in the month, shorten packet_lead_hours or move the due date earlier.",
    );
  });

  it('the packet reviews September, says why, and leaves October open', async () => {
    await stack().runDue(MON_2_NOV_1030); // October opens
    const report = await stack().runDue(TUE_3_NOV_1000);
    expect(report.failed).toBe(0);
    const packet = stack()
      .sandbox.messagesIn(ROOM)
      .find((m) => !m.thread_ts)!;
    expect(packet.text).toContain('(September 2026)');
    const body = JSON.stringify(packet.blocks);
    expect(body).toContain(
      '*Public Works* is shown for September 2026: its October 2026 numbers are not due until Fri 6 Nov, after this packet, and stay open until then.',
    );
    expect(body).not.toContain('no data');
    const periods = await stack().db.prisma.departmentPeriod.findMany({
      where: { department: { key: { in: ['DPW', 'WATER'] } }, period: { in: ['2026-09', '2026-10'] } },
      include: { department: true },
    });
    const locked = (period: string) =>
      periods.filter((p) => p.period === period).map((p) => [p.department.key, p.lockedAt !== null]);
    expect(locked('2026-10').sort()).toEqual([
      ['DPW', false],
      ['WATER', false],
    ]);
    expect(locked('2026-09').sort()).toEqual([
      ['DPW', true],
      ['WATER', true],
    ]);
  });

  it("October's reminders continue and the Enter numbers button still opens the form", async () => {
    await stack().runDue(FRI_6_NOV_1030);
    const dms = stack().sandbox.dmsTo(DPW_LIAISON);
    expect(dms.at(-1)?.text).toContain('October 2026 numbers are due today');
    await stack().driver.blockAction({
      userId: DPW_LIAISON,
      actionId: OPEN_SUBMISSION_ACTION_ID,
      channelId: dms.at(-1)!.channel,
      messageTs: dms.at(-1)!.ts,
    });
    const form = stack()
      .sandbox.openViews(DPW_LIAISON)
      .find((v) => v.callback_id === SUBMISSION_CALLBACK_ID);
    expect(JSON.stringify(form?.blocks)).toContain('October 2026');
  });

  it('a correction to September after an unlock is noted on the packet that showed September', async () => {
    const unlock = await stack().driver.slashCommand({
      command: '/stat',
      text: 'unlock DPW 2026-09',
      userId: 'U0CHAIR01',
    });
    expect(JSON.stringify(stack().sandbox.responses(unlock.responseUrl!))).toContain('is unlocked');
    await stack().driver.slashCommand({ command: '/stat', text: 'submit DPW 2026-09', userId: DPW_LIAISON });
    const view = stack()
      .sandbox.openViews(DPW_LIAISON)
      .filter((v) => v.callback_id === SUBMISSION_CALLBACK_ID)
      .at(-1)!;
    await stack().driver.viewSubmission({
      userId: DPW_LIAISON,
      view,
      values: await formValues(stack().db.prisma, 'DPW', {
        sr_on_time: { value: '97.0' },
        potholes_48h: { value: '80.7', note: 'Two crews on storm duty' },
        streetlights_7d: { value: '24' },
        missed_pickups: { value: '7.4' },
      }),
    });
    const packet = stack()
      .sandbox.messagesIn(ROOM)
      .find((m) => !m.thread_ts)!;
    const note = stack()
      .sandbox.messagesIn(ROOM)
      .find((m) => m.thread_ts === packet.ts && m.text.includes('Correction'));
    expect(note?.text).toContain("Correction to Public Works' September 2026 numbers");
    expect(note?.text).toContain('97.5% → *97.0%*');
  });
});
