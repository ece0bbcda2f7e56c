// A synthetic stat program of any size, written as a real program file (YAML) into a temp folder,
// so benchmarks load it through the same import path as a city would.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { stringify } from 'yaml';

export interface ProgramShape {
  departments: number;
  metricsPerDepartment: number;
  liaisonsPerDepartment: number;
  /** How many departments (the first ones) meet together at the roundtable (1–3). Default 3. */
  meetingDepartments?: number;
}

export interface GeneratedDepartment {
  key: string;
  name: string;
  liaisons: string[];
  head: string;
}

export interface GeneratedProgram {
  file: string;
  chair: string;
  meetingChannel: string;
  departments: GeneratedDepartment[];
  remove(): Promise<void>;
}

export const BENCH_CHAIR = 'U0BENCHAIR';
export const BENCH_MEETING_CHANNEL = 'C0BENCHRT';
const pad = (n: number, width: number) => String(n).padStart(width, '0');

export async function writeProgramFile(shape: ProgramShape): Promise<GeneratedProgram> {
  const departments: GeneratedDepartment[] = Array.from({ length: shape.departments }, (_, d) => ({
    key: `D${pad(d + 1, 3)}`,
    name: `Department ${d + 1}`,
    liaisons: Array.from({ length: shape.liaisonsPerDepartment }, (_, i) => `UL${pad(d + 1, 3)}${pad(i + 1, 2)}`),
    head: `UH${pad(d + 1, 3)}`,
  }));
  const program = {
    program: {
      name: 'Bench City Stat',
      timezone: 'America/New_York',
      holidays: [],
      due_rule: '5 business days after period end',
      starts_with: '2026-10', // the benches collect October 2026, whatever day they import on
    },
    people: [
      { slack_id: BENCH_CHAIR, name: 'Bench Chair', roles: ['chair'] },
      ...departments.flatMap((d) => [
        { slack_id: d.head, name: `Head ${d.key}`, roles: [`head:${d.key}`] },
        ...d.liaisons.map((id, i) => ({
          slack_id: id,
          name: `Liaison ${i + 1} ${d.key}`,
          roles: [`liaison:${d.key}`],
        })),
      ]),
    ],
    departments: departments.map((d) => ({
      key: d.key,
      name: d.name,
      metrics: metricsFor(shape.metricsPerDepartment),
    })),
    meetings: [
      {
        key: 'roundtable',
        name: 'Bench Roundtable',
        channel: BENCH_MEETING_CHANNEL,
        chair: BENCH_CHAIR,
        recurrence: 'third Tuesday 10:00',
        rotation: [departments.slice(0, shape.meetingDepartments ?? 3).map((d) => d.key)],
        packet_lead_hours: 48,
      },
    ],
  };
  const dir = await mkdtemp(path.join(tmpdir(), 'stat-bench-'));
  const file = path.join(dir, 'program.yaml');
  await writeFile(file, stringify(program));
  return {
    file,
    chair: BENCH_CHAIR,
    meetingChannel: BENCH_MEETING_CHANNEL,
    departments,
    remove: () => rm(dir, { recursive: true, force: true }),
  };
}

function metricsFor(count: number) {
  return Array.from({ length: count }, (_, i) => ({
    key: `m${pad(i + 1, 2)}`,
    name: `Metric ${i + 1}`,
    unit: 'cases',
    polarity: i % 3 === 1 ? 'lower_is_better' : 'higher_is_better',
    target: 60,
    tolerance: 3,
    decimals: 1,
    min: 0,
    max: 1000,
  }));
}
