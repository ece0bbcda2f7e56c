// A packet or agenda that reviews a department on an earlier period says which and why; the import
// report names where collection starts and each packet that goes out before a due date.
import { describe, expect, it } from 'vitest';
import type { PacketBeforeDue } from '../../src/domain/meetings/packet-before-due.js';
import { type PeriodCoverageView, periodCoverageBlocks, periodCoverageLines } from '../../src/views/period-coverage.js';
import {
  describeCollectionStart,
  describePacketsBeforeDue,
  type ImportTimingView,
} from '../../src/views/program-import-report.js';

type DepartmentCoverage = PeriodCoverageView['coverage'][number];

import { expectValidMessage } from '../helpers/block-kit.js';

const onTime: DepartmentCoverage = {
  departmentName: 'Water & Sewer',
  monthly: '2026-10',
  quarterly: '2026-Q3',
  notDue: [],
};
const heldBack: DepartmentCoverage = {
  departmentName: 'Public Works',
  monthly: '2026-09',
  quarterly: '2026-Q3',
  notDue: [{ period: '2026-10', periodLabel: 'October 2026', dueDate: '2026-11-06' }],
};

describe('period coverage lines', () => {
  it('say nothing when every department is on its usual period', () => {
    expect(periodCoverageBlocks({ coverage: [onTime] })).toEqual([]);
  });

  it('name the period shown, the one held back and its due date, in a valid block', () => {
    expect(periodCoverageLines({ coverage: [heldBack, onTime] })).toEqual([
      ':information_source: *Public Works* is shown for September 2026: its October 2026 numbers are not due until Fri 6 Nov, after this packet, and stay open until then.',
    ]);
    expectValidMessage({ text: 'Packet', blocks: periodCoverageBlocks({ coverage: [heldBack] }) });
    const hostile = periodCoverageLines({ coverage: [{ ...heldBack, departmentName: 'Parks & <!channel>' }] });
    expect(hostile[0]).not.toContain('<!channel>');
  });
});

describe('import report', () => {
  const summary = (over: Partial<ImportTimingView>): ImportTimingView => ({
    startsWith: [],
    packetsBeforeDue: [],
    ...over,
  });

  it('says where collection starts, per department when they differ', () => {
    expect(describeCollectionStart(summary({ startsWith: [{ department: 'DPW', period: '2026-10' }] }))).toBe(
      'Collection starts with October 2026: earlier periods are never collected, reminded or escalated.',
    );
    expect(
      describeCollectionStart(
        summary({
          startsWith: [
            { department: 'DPW', period: '2026-10' },
            { department: 'PARKS', period: '2027-01' },
          ],
        }),
      ),
    ).toBe(
      'Collection starts with: DPW October 2026, PARKS January 2027. Earlier periods are never collected, reminded or escalated.',
    );
  });

  it('warns once per series and department, with how often it recurs', () => {
    const w: PacketBeforeDue = {
      series: 'Parks Roundtable',
      department: 'Parks and Recreation',
      meetingAt: new Date('2026-11-05T15:00:00Z'),
      packetAt: new Date('2026-11-03T15:00:00Z'),
      meetingDay: '2026-11-05',
      packetDay: '2026-11-03',
      period: '2026-10',
      dueDate: '2026-11-06',
      occurrences: 1,
      checked: 12,
    };
    expect(describePacketsBeforeDue(summary({ packetsBeforeDue: [w] }))).toEqual([
      "Warning: Parks Roundtable on Thu 5 Nov posts its packet on Tue 3 Nov, before Parks and Recreation's October 2026 numbers are due (Fri 6 Nov). That packet will show Parks and Recreation for September 2026 instead and leave October 2026 open. To review October 2026, hold the meeting later in the month, shorten packet_lead_hours or move the due date earlier.",
    ]);
  });
});
