// Simulations on a seeded PRNG (deterministic): the point rule's false-alarm rate on a stable
// process, and how a 2σ step is found and where the split lands. Figures are printed for the report.
import { describe, expect, it } from 'vitest';
import { findProcessSegments } from '../../src/domain/process-segments.js';
import { annotateXmr, computeXmrLimits, RUN_LENGTH } from '../../src/domain/xmr.js';

/** mulberry32 + Box–Muller: standard normal values from a fixed seed. */
function normalStream(seed: number): () => number {
  let s = seed;
  const uniform = () => {
    s = (s + 0x6d2b79f5) | 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return () => Math.sqrt(-2 * Math.log(1 - uniform())) * Math.cos(2 * Math.PI * uniform());
}

describe('on a stable process', () => {
  it('the point rule fires on about 0.3% of 10,000 points', () => {
    const z = normalStream(20261129);
    const values = Array.from({ length: 10_000 }, () => 50 + 2 * z());
    const points = annotateXmr(values, computeXmrLimits(values), 'higher_is_better');
    const rate = points.filter((p) => p.rules.includes('outside_limits')).length / values.length;
    console.log(`point-rule false-alarm rate on 10,000 stable points: ${(rate * 100).toFixed(2)}%`);
    // 2.66 mR̄ ≈ 3σ: 0.27% expected for normal data.
    expect(rate).toBeGreaterThan(0.0015);
    expect(rate).toBeLessThan(0.0045);
  });

  it('rarely re-baselines three years of noise', () => {
    const z = normalStream(7);
    const trials = 1000;
    let split = 0;
    let trend = 0;
    for (let t = 0; t < trials; t++) {
      const segs = findProcessSegments(Array.from({ length: 36 }, () => 50 + z()));
      if (segs.length > 1) split++;
      if (segs.some((s) => s.trend)) trend++;
    }
    console.log(
      `stable 36-month histories split: ${((split / trials) * 100).toFixed(1)}%, read as a trend: ${((trend / trials) * 100).toFixed(1)}%`,
    );
    expect(split / trials).toBeLessThan(0.05);
    expect(trend / trials).toBeLessThan(0.02);
  });
});

describe('a step of 2σ at a known period', () => {
  const STEP_AT = 20;
  const history = (z: () => number, length: number) =>
    Array.from({ length }, (_, i) => 50 + z() + (i >= STEP_AT ? 2 : 0));

  it('is detected and the split lands within the run length of it', () => {
    const z = normalStream(11);
    const trials = 1000;
    let detected = 0;
    let within = 0;
    for (let t = 0; t < trials; t++) {
      const starts = findProcessSegments(history(z, 36))
        .slice(1)
        .map((s) => s.start);
      if (starts.length === 0) continue;
      detected++;
      const nearest = starts.reduce((a, b) => (Math.abs(b - STEP_AT) < Math.abs(a - STEP_AT) ? b : a));
      if (Math.abs(nearest - STEP_AT) < RUN_LENGTH) within++;
    }
    console.log(
      `2σ step with 16 periods after it: detected ${((detected / trials) * 100).toFixed(1)}%, split within ${RUN_LENGTH} periods in ${((within / detected) * 100).toFixed(1)}% of those`,
    );
    expect(detected / trials).toBeGreaterThan(0.85);
    expect(within / detected).toBeGreaterThan(0.97);
  });

  it('is found a few periods after it happens (detection delay)', () => {
    const z = normalStream(23);
    const delays: number[] = [];
    for (let t = 0; t < 300; t++) {
      const full = history(z, 36);
      // Review month by month, as the program would: the first month the split shows up near the step.
      for (let n = STEP_AT + 1; n <= full.length; n++) {
        const starts = findProcessSegments(full.slice(0, n)).map((s) => s.start);
        if (starts.some((k) => k > 0 && Math.abs(k - STEP_AT) < RUN_LENGTH)) {
          delays.push(n - STEP_AT);
          break;
        }
      }
    }
    delays.sort((a, b) => a - b);
    const median = delays[Math.floor(delays.length / 2)] ?? Number.NaN;
    console.log(
      `detection delay for a 2σ step (periods after it, incl. the first): median ${median}, found within 16 in ${delays.length} of 300`,
    );
    expect(median).toBeLessThanOrEqual(RUN_LENGTH + 1);
    expect(delays.length / 300).toBeGreaterThan(0.85);
  });

  it('one fixed history: two segments, split within the run length of period 20', () => {
    const segs = findProcessSegments(history(normalStream(3), 36));
    expect(segs).toHaveLength(2);
    expect(segs[1]?.startedBy).toMatch(/^(run|step)$/);
    expect(Math.abs((segs[1]?.start ?? 0) - STEP_AT)).toBeLessThan(RUN_LENGTH);
  });
});
