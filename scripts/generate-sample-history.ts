// Writes examples/riverton-history.csv: 24 months of plausible values for the sample program,
// deterministic (seeded) so the demo and tests see the same numbers on every machine.
// Run: npx tsx scripts/generate-sample-history.ts
import { writeFileSync } from 'node:fs';
import { stringify } from 'csv-stringify/sync';

let seed = 20261123;
function random(): number {
  // mulberry32: tiny, seeded, good enough for sample data.
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const noise = (scale: number) => (random() + random() + random() - 1.5) * scale;

const months: string[] = [];
for (let i = 0; i < 24; i++) {
  const m = 9 + i; // 2024-10 … 2026-09
  months.push(`${2024 + Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`);
}
type Series = (i: number) => number;
const monthly: Record<string, Record<string, [Series, number]>> = {
  DPW: {
    sr_on_time: [(i) => Math.min(99, 57 + i * 1.7 + noise(3)), 1], // Atlanta's 57% → mid-90s
    potholes_48h: [(i) => 86 + noise(6) - (i > 20 ? 8 : 0), 1], // recent slump
    streetlights_7d: [() => 24 + noise(8), 0],
    missed_pickups: [() => 7.5 + noise(2), 1],
  },
  CODE: {
    days_to_inspect: [(i) => 160 - i * 3.2 + noise(8), 0], // BlightStat: 160 → ~85
    units_remediated: [() => 115 + noise(30), 0],
    liens_collected: [() => 240000 + noise(60000), 0],
    cases_closed_90d: [() => 66 + noise(5), 1],
  },
  FIRE: {
    turnout_p90: [() => 79 + noise(5), 0],
    calls_10s: [() => 91 + noise(3), 1],
    ems_response_p90: [(i) => 8.8 + noise(0.5) + (i > 15 ? 0.6 : 0), 1], // 8 months above the centre line
  },
  WATER: {
    sr_on_time: [(i) => Math.min(99, 50 + i * 2 + noise(3)), 1], // Atlanta's 50% → 91%
    main_breaks: [(i) => 2.3 + noise(0.6) + (i === 23 ? 2.2 : 0), 1], // a real signal last month
    days_to_repair: [() => 3.2 + noise(1), 1],
    chlorine_residual: [() => 1.0 + noise(0.25), 2],
  },
};

const rows: string[][] = [['department', 'metric', 'period', 'value']];
for (const [dept, metrics] of Object.entries(monthly)) {
  for (const [metric, [series, decimals]] of Object.entries(metrics)) {
    for (const [i, period] of months.entries())
      rows.push([dept, metric, period, Math.max(0, series(i)).toFixed(decimals)]);
  }
}
for (const [q, i] of [
  ['2024-Q4', 0],
  ['2025-Q1', 1],
  ['2025-Q2', 2],
  ['2025-Q3', 3],
  ['2025-Q4', 4],
  ['2026-Q1', 5],
  ['2026-Q2', 6],
  ['2026-Q3', 7],
] as const) {
  rows.push(['FIRE', 'fire_inspections', q, String(Math.round(1150 + i * 15 + noise(120)))]);
}
writeFileSync(new URL('../examples/riverton-history.csv', import.meta.url), stringify(rows));
console.log(`wrote ${rows.length - 1} values`);
