// Writes examples/riverton-history.csv: three years of plausible values (Oct 2023 – Sep 2026) for
// the sample program, deterministic (seeded) so the demo and tests see the same numbers on every
// machine. Most metrics are noise around a level, as real ones mostly are; the demo's departments
// (Public Works and Watershed) show each harder case exactly once:
// - a real step change: Public Works' on-time rate after a new work-order system (Feb 2026);
// - an honest trend: Watershed's on-time rate, climbing about half a point a month;
// - a seasonal metric: main breaks, which peak every winter (`seasonal: true`).
// Fire & EMS's response time has an admin-pinned change (`baseline_from: 2025-07`, a new CAD system).
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
/** Normal noise with standard deviation `sd` (Box–Muller). */
function noise(sd: number): number {
  const u = 1 - random();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random()) * sd;
}

const START = { year: 2023, month: 10 };
const MONTHS = 36;
const months = Array.from({ length: MONTHS }, (_, i) => {
  const m = START.month - 1 + i;
  return `${START.year + Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`;
});
/** Month of the year, 1–12, of position i. */
const monthOf = (i: number) => ((START.month - 1 + i) % 12) + 1;
const FEB_2026 = months.indexOf('2026-02');
const JUL_2025 = months.indexOf('2025-07');

type Series = (i: number) => number;
const clamp = (lo: number, hi: number) => (v: number) => Math.min(hi, Math.max(lo, v));
const pct = clamp(0, 100);

const monthly: Record<string, Record<string, [Series, number]>> = {
  DPW: {
    // Step change: ~84% until a new work-order system went live in February 2026, ~96.5% since.
    sr_on_time: [(i) => pct(i < FEB_2026 ? 84 + noise(1.4) : 96.5 + noise(0.7)), 1],
    potholes_48h: [() => pct(88 + noise(2.5)), 1],
    streetlights_7d: [() => 23 + noise(3), 0],
    missed_pickups: [() => 7.4 + noise(0.6), 1],
  },
  CODE: {
    days_to_inspect: [() => 86 + noise(5), 0],
    units_remediated: [() => 118 + noise(14), 0],
    liens_collected: [() => 245000 + noise(22000), 0],
    cases_closed_90d: [() => pct(68 + noise(2.5)), 1],
  },
  FIRE: {
    turnout_p90: [() => 79 + noise(2.5), 0],
    calls_10s: [() => pct(91 + noise(1.2)), 1],
    // Pinned change: a new CAD system from July 2025 cut response times by about half a minute.
    ems_response_p90: [(i) => (i < JUL_2025 ? 9.4 : 8.9) + noise(0.2), 1],
  },
  WATER: {
    // Honest trend: about +0.5 points a month from 76%, with month-to-month noise.
    sr_on_time: [(i) => pct(76 + 0.5 * i + noise(1.0)), 1],
    // Seasonal: peaks in January, lowest in July, the same shape every year.
    main_breaks: [(i) => 2.4 + 1.5 * Math.cos(((monthOf(i) - 1) / 12) * 2 * Math.PI) + noise(0.3), 1],
    days_to_repair: [() => 3.1 + noise(0.4), 1],
    chlorine_residual: [() => 1.0 + noise(0.08), 2],
  },
};

const rows: string[][] = [['department', 'metric', 'period', 'value']];
for (const [dept, metrics] of Object.entries(monthly)) {
  for (const [metric, [series, decimals]] of Object.entries(metrics)) {
    for (const [i, period] of months.entries())
      rows.push([dept, metric, period, Math.max(0, series(i)).toFixed(decimals)]);
  }
}
const quarters = Array.from({ length: MONTHS / 3 }, (_, i) => {
  const q = 3 + i; // 2023-Q4 …
  return `${2023 + Math.floor(q / 4)}-Q${(q % 4) + 1}`;
});
for (const q of quarters) rows.push(['FIRE', 'fire_inspections', q, String(Math.round(1180 + noise(60)))]);
writeFileSync(new URL('../examples/riverton-history.csv', import.meta.url), stringify(rows));
console.log(`wrote ${rows.length - 1} values`);
