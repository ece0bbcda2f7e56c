// A weekly cycle: when an ISO week closes, each liaison gets ONE DM for the week listing every weekly
// metric due, opens the form for the week from it, and the due-day reminder then stays silent; the
// monthly packet shows the metric with its month's weeks.
import { describe, expect, it } from 'vitest';
import { OPEN_SUBMISSION_ACTION_ID } from '../../src/views/collection-reminder.js';
import { SUBMISSION_CALLBACK_ID } from '../../src/views/submission-modal.js';
import { formValues } from '../helpers/forms.js';
import { writeProgramVariant } from '../helpers/program-variant.js';
import { useLocalStack } from '../helpers/use-local-stack.js';

const LIAISON = 'U0DPWLIA1';
/** The sample program plus one weekly operational metric for Public Works. */
const WEEKLY_METRIC =
  '      - { key: potholes_open, name: Open pothole requests at week end, unit: requests, polarity: lower_is_better, target: 150, tolerance: 25, frequency: weekly, min: 0 }\n';
const withWeeklyMetric = (yaml: string) => yaml.replace(/( {6}- key: missed_pickups\n)/, `${WEEKLY_METRIC}$1`);
const stack = useLocalStack({ now: '2026-11-09T13:00:00Z', programFile: writeProgramVariant(withWeeklyMetric) });
const weeklyDms = () =>
  stack()
    .sandbox.dmsTo(LIAISON)
    .filter((m) => m.text.includes('Weekly numbers'));

describe('a weekly cycle', () => {
  it('sends one DM per person for the week just closed, listing every weekly metric due', async () => {
    // Mon 9 Nov 10:05 New York: week 45 (2–8 Nov) closed at midnight.
    await stack().runDue('2026-11-09T15:05:00Z');
    const dms = weeklyDms();
    expect(dms).toHaveLength(1);
    expect(dms[0]!.text).toContain('Weekly numbers for week 45 of 2026 (2–8 Nov) are open: 1 metric, due Tue 10 Nov.');
    expect(JSON.stringify(dms[0]!.blocks)).toContain('Open pothole requests at week end');
    // Nobody without weekly metrics hears about the week.
    expect(
      stack()
        .sandbox.dmsTo('U0WATLIA1')
        .filter((m) => m.text.includes('Weekly numbers')),
    ).toHaveLength(0);
    await stack().runDue('2026-11-09T16:00:00Z');
    expect(weeklyDms()).toHaveLength(1);
  });

  it('opens the form for the week and saves the value', async () => {
    const s = stack();
    const dm = weeklyDms()[0]!;
    await s.driver.blockAction({
      userId: LIAISON,
      actionId: OPEN_SUBMISSION_ACTION_ID,
      channelId: dm.channel,
      messageTs: dm.ts,
    });
    await s.sandbox.waitForCall('views.open');
    const form = s.sandbox.openViews(LIAISON).find((v) => v.callback_id === SUBMISSION_CALLBACK_ID)!;
    expect(JSON.stringify(form.blocks)).toContain('Open pothole requests at week end');
    expect(JSON.stringify(form.blocks)).not.toContain('Service requests closed on time');
    const res = await s.driver.viewSubmission({
      userId: LIAISON,
      view: form,
      values: await formValues(s.db.prisma, 'DPW', { potholes_open: { value: '140' } }),
    });
    expect(res.status).toBe(200);
    const value = await s.db.prisma.metricValue.findFirstOrThrow({ where: { metric: { key: 'potholes_open' } } });
    expect([value.period, value.value]).toEqual(['2026-W45', 140]);
  });

  it('stays silent on the due day once the week is in', async () => {
    // Due two business days after the week: Tue 10 Nov.
    await stack().runDue('2026-11-10T15:05:00Z');
    expect(weeklyDms()).toHaveLength(1);
    const skipped = await stack().db.prisma.scheduledNotice.findFirstOrThrow({
      where: { key: `weekly:2026-W45:due:${LIAISON}` },
    });
    expect(skipped.status).toBe('skipped');
  });
});
