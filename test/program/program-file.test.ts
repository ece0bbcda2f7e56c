import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadProgramFile } from '../../src/infra/program-file/load-program-file.js';
import { readYamlProgram } from '../../src/infra/program-file/read-yaml-program.js';

const minimal = (extra = '') => `program:
  name: Test Stat
  timezone: America/New_York
departments:
  - key: DPW
    name: Public Works
    metrics:
      - { key: on_time, name: On time, unit: "%", polarity: higher_is_better, target: 95, tolerance: 2 }
${extra}`;

function errorsOf(text: string): string[] {
  const r = readYamlProgram(text, 'p.yaml');
  return r.ok ? [] : r.errors;
}

describe('YAML program file', () => {
  it('accepts a minimal program and fills defaults', () => {
    const r = readYamlProgram(minimal(), 'p.yaml');
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.value.program.working_hours).toEqual({ start: '09:00', end: '17:00' });
      expect(r.value.departments[0]!.metrics[0]!.frequency).toBe('monthly');
    }
  });

  it('reports a non-numeric target with its line and field', () => {
    const errors = errorsOf(minimal().replace('target: 95', 'target: ninety'));
    expect(errors).toEqual([expect.stringMatching(/^p\.yaml:8: departments\.0\.metrics\.0\.target: must be a number/)]);
  });

  it('reports every problem at once, each with its line', () => {
    const text = minimal()
      .replace('polarity: higher_is_better', 'polarity: upwards')
      .replace('timezone: America/New_York', 'timezone: 42');
    const errors = errorsOf(text);
    expect(errors).toHaveLength(2);
    expect(errors.some((e) => e.startsWith('p.yaml:3: program.timezone'))).toBe(true);
    expect(
      errors.some((e) => e.startsWith('p.yaml:8:') && e.includes('higher_is_better, lower_is_better or within_band')),
    ).toBe(true);
  });

  it('rejects duplicate metric names, unknown departments in roles and a bad timezone', () => {
    const text = minimal(`people:
  - { slack_id: U0LIAISON, name: Pat, roles: ["liaison:PARKS"] }`)
      .replace('timezone: America/New_York', 'timezone: Mars/Olympus')
      .replace(
        /( {6}- \{ key: on_time.*\n)/,
        '$1      - { key: on_time_2, name: On Time, polarity: higher_is_better }\n',
      );
    const errors = errorsOf(text);
    expect(errors.join('\n')).toContain('"Mars/Olympus" is not a timezone');
    expect(errors.join('\n')).toContain('duplicate metric name "On Time" in DPW');
    expect(errors.join('\n')).toMatch(/p\.yaml:1[0-9]: people\.0\.roles\.0: unknown department "PARKS"/);
  });

  it('reports YAML syntax errors with a line', () => {
    const errors = errorsOf('program:\n  name: [unclosed\n');
    expect(errors[0]).toMatch(/^p\.yaml:\d+: /);
  });

  it('rejects unknown fields (a typo must not be silently ignored)', () => {
    expect(errorsOf(minimal().replace('tolerance: 2', 'tolerence: 2')).join()).toContain('tolerence');
  });
});

describe('signal settings in the program file', () => {
  it('reads fiscal_year_start as a month name or number, seasonal and baseline_from', () => {
    const withFields = (fy: string) =>
      minimal()
        .replace('  timezone: America/New_York', `  timezone: America/New_York\n  fiscal_year_start: ${fy}`)
        .replace('tolerance: 2 }', 'tolerance: 2, seasonal: true, baseline_from: 2026-03 }');
    for (const [fy, month] of [
      ['July', 7],
      ['jul', 7],
      ['10', 10],
    ] as const) {
      const r = readYamlProgram(withFields(fy), 'p.yaml');
      expect(r.ok).toBe(true);
      if (!r.ok) continue;
      expect(r.value.program.fiscal_year_start).toBe(month);
      expect(r.value.departments[0]!.metrics[0]).toMatchObject({ seasonal: true, baseline_from: '2026-03' });
    }
    const r = readYamlProgram(minimal(), 'p.yaml');
    expect(r.ok && r.value.program.fiscal_year_start).toBe(1);
    expect(r.ok && r.value.departments[0]!.metrics[0]!.seasonal).toBe(false);
  });

  it('names the line of a bad fiscal month or a baseline_from of the wrong frequency', () => {
    expect(
      errorsOf(
        minimal().replace(
          '  timezone: America/New_York',
          '  timezone: America/New_York\n  fiscal_year_start: Julember',
        ),
      ),
    ).toEqual([expect.stringMatching(/^p\.yaml:4: program\.fiscal_year_start: must be a month such as July/)]);
    expect(errorsOf(minimal().replace('tolerance: 2 }', 'tolerance: 2, baseline_from: 2026-Q1 }'))).toEqual([
      expect.stringMatching(/^p\.yaml:8: departments\.0\.metrics\.0\.baseline_from: must be a month such as 2026-03/),
    ]);
  });
});

describe('loadProgramFile', () => {
  it('loads the sample program with its three years of history', async () => {
    const r = await loadProgramFile('examples/riverton.yaml');
    expect(r.ok).toBe(true);
    if (!r.ok || r.value.kind !== 'program') return;
    expect(r.value.program.departments).toHaveLength(4);
    expect(r.value.program.departments.flatMap((d) => d.metrics)).toHaveLength(17);
    expect(new Set(r.value.history.map((h) => h.period)).size).toBeGreaterThanOrEqual(36);
    expect(r.value.program.departments.flatMap((d) => d.metrics).some((m) => m.polarity === 'lower_is_better')).toBe(
      true,
    );
  });

  it('reports bad history rows with their CSV line', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'statbot-'));
    await writeFile(path.join(dir, 'p.yaml'), minimal('history: h.csv'));
    await writeFile(
      path.join(dir, 'h.csv'),
      'department,metric,period,value\nDPW,on_time,2026-01,93\nDPW,on_time,2026-13,abc\n',
    );
    const r = await loadProgramFile(path.join(dir, 'p.yaml'));
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.errors).toHaveLength(2);
      expect(r.errors.every((e) => e.includes('h.csv:3:'))).toBe(true);
    }
  });

  it('says clearly when the file does not exist or has the wrong type', async () => {
    expect(await loadProgramFile('nope.yaml')).toEqual({ ok: false, errors: ['nope.yaml: file not found'] });
    expect(await loadProgramFile('README.md')).toEqual({
      ok: false,
      errors: ['README.md: expected a .yaml, .yml or .csv file'],
    });
  });

  it('reads a CSV metric sheet, reporting a missing column', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'statbot-'));
    await writeFile(path.join(dir, 'm.csv'), 'department,department_name,metric,name\nDPW,Public Works,x,X\n');
    const r = await loadProgramFile(path.join(dir, 'm.csv'));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]).toContain('missing column(s): polarity');
  });
});

describe('due rules in the program file', () => {
  it('rejects a due rule it cannot read, naming the line', () => {
    const errors = errorsOf(
      minimal().replace('    name: Public Works\n', '    name: Public Works\n    due_rule: whenever you like\n'),
    );
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^p\.yaml:7: departments\.0\.due_rule: /);
  });
});

describe('publishing fields in the program file', () => {
  it('defaults to nothing public, publishing after the packet, explanations kept internal', () => {
    const r = readYamlProgram(minimal(), 'p.yaml');
    if (!r.ok) throw new Error(r.errors.join('\n'));
    expect(r.value.program).toMatchObject({ public: false, publish: 'after_packet', publish_explanations: false });
    expect(r.value.departments[0]!.metrics[0]).toMatchObject({ definition: '', methodology: '', data_source: '' });
    expect(r.value.departments[0]!.metrics[0]!.public).toBeUndefined();
  });

  it('reports a bad publish setting and a non-boolean public flag with their lines', () => {
    const text = minimal()
      .replace('timezone: America/New_York', 'timezone: America/New_York\n  publish: monthly')
      .replace('tolerance: 2 }', 'tolerance: 2, public: "yes" }');
    expect(errorsOf(text)).toEqual([
      expect.stringMatching(/^p\.yaml:4: program\.publish: must be after_packet or after_meeting/),
      expect.stringMatching(/^p\.yaml:9: departments\.0\.metrics\.0\.public: must be true or false/),
    ]);
  });
});
