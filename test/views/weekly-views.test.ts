// Weekly metrics in messages: the one weekly DM, and a weekly metric in the monthly packet as its month's weeks.
import { describe, expect, it } from 'vitest';
import { analyseMetric } from '../../src/domain/metric-analysis.js';
import { metricDetailText } from '../../src/views/metric-line.js';
import { buildWeeklyReminder } from '../../src/views/weekly-reminder.js';
import { expectValidMessage } from '../helpers/block-kit.js';

describe('weekly metrics in messages', () => {
  it('one DM lists every department’s weekly metrics, each with its own button', () => {
    const m = buildWeeklyReminder({
      week: '2026-W53',
      dueDate: '2027-01-05',
      step: 'due',
      departments: [
        { id: 1, name: 'Public Works', metrics: ['Open pothole requests', 'Graffiti removed'] },
        { id: 2, name: 'Watershed Management', metrics: ['Hydrants flushed'] },
      ],
    });
    expectValidMessage(m);
    expect(m.text).toContain('week 53 of 2026 (28 Dec–3 Jan) are due today (Tue 5 Jan): 3 still to enter');
    expect(JSON.stringify(m.blocks).match(/stat_open_submission/g)).toHaveLength(2);
  });

  it('shows a weekly metric in the monthly packet with its month’s weeks', () => {
    const rule = { polarity: 'lower_is_better', tolerance: 25, decimals: 0, min: 0, max: null } as const;
    const weeks = ['2026-W40', '2026-W41', '2026-W42', '2026-W43', '2026-W44'];
    const history = weeks.map((period, i) => ({ period, actual: i === 2 ? null : 140 + i, target: 150, note: null }));
    const analysis = analyseMetric({ rule, unit: 'requests', points: history, ytdAggregation: 'mean' });
    const text = metricDetailText({
      metricId: 1,
      key: 'k',
      name: 'Open potholes',
      unit: 'requests',
      rule,
      history,
      analysis,
      note: null,
      origin: null,
    });
    expect(text).toContain(
      'Weeks of October 2026: W40 140 requests · W41 141 requests · W42 — · W43 143 requests · W44 144 requests',
    );
  });
});
