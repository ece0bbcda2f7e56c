// Pulls every sourced metric of a period: per-system concurrency limit, retries with backoff for
// passing failures, each result kept as the metric's SourcePull (the value offered to the liaison,
// or why there is none). A value a person already confirmed is only revised when it came from the
// source unchanged and the source now says otherwise; the same value pulled twice changes nothing.
import { createHash } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { frequencyOfPeriod } from '../../domain/calendar/index.js';
import { periodParameters } from '../../domain/sources/period-parameters.js';
import type { PeriodParameters } from '../../domain/sources/placeholders.js';
import {
  type SourceSpec,
  sourceDefinitionText,
  sourceSchema,
  sourceSystemKey,
} from '../../domain/sources/source-spec.js';
import type { Db, PrismaClient } from '../../infra/db-types.js';
import { type PulledValue, pullSource } from '../../infra/sources/pull-source.js';
import type { SourceRuntime } from '../../infra/sources/runtime.js';
import {
  redactSecrets,
  SourceError,
  type SourceFailureCode,
  TRANSIENT_FAILURES,
} from '../../infra/sources/source-error.js';
import { limitPerKey } from './limit-per-key.js';

export interface SourcedMetric {
  id: number;
  key: string;
  name: string;
  departmentKey: string;
  minValue: number | null;
  maxValue: number | null;
  spec: SourceSpec;
}

export type PullResult =
  | { metric: SourcedMetric; ok: true; pulled: PulledValue; attempts: number }
  | { metric: SourcedMetric; ok: false; code: SourceFailureCode; detail: string; attempts: number };

export interface PullFailure {
  systemKey: string;
  departmentKey: string;
  metricName: string;
  code: SourceFailureCode;
  detail: string;
}

export interface PullReport {
  period: string;
  pulled: number;
  failed: PullFailure[];
  /** Values already confirmed that the source revised. */
  revised: number;
}

export const sourceHash = (spec: SourceSpec) =>
  createHash('sha256').update(sourceDefinitionText(spec)).digest('hex').slice(0, 16);

export async function loadSourcedMetrics(
  db: Db,
  where: { period: string; departmentKey?: string; metricKey?: string },
): Promise<SourcedMetric[]> {
  const rows = await db.metric.findMany({
    where: {
      active: true,
      frequency: frequencyOfPeriod(where.period),
      department: { active: true, ...(where.departmentKey ? { key: where.departmentKey } : {}) },
      ...(where.metricKey ? { key: where.metricKey } : {}),
      NOT: { source: { equals: null as never } },
    },
    include: { department: { select: { key: true } } },
    orderBy: [{ departmentId: 'asc' }, { sortOrder: 'asc' }],
  });
  return rows.flatMap((m) => {
    const parsed = sourceSchema.safeParse(m.source);
    if (!parsed.success) return [];
    return [
      {
        id: m.id,
        key: m.key,
        name: m.name,
        departmentKey: m.department.key,
        minValue: m.minValue,
        maxValue: m.maxValue,
        spec: parsed.data,
      },
    ];
  });
}

/** Pulls without storing: the CLI's `source test` and the bench use it too. */
export async function pullMetrics(
  metrics: readonly SourcedMetric[],
  period: string,
  rt: SourceRuntime,
): Promise<PullResult[]> {
  const limited = limitPerKey(rt.concurrencyPerSource);
  const params = periodParameters(period);
  return Promise.all(
    metrics.map((m) => limited(sourceSystemKey(m.spec), () => pullWithRetries(m, period, params, rt))),
  );
}

async function pullWithRetries(
  metric: SourcedMetric,
  period: string,
  params: PeriodParameters,
  rt: SourceRuntime,
): Promise<PullResult> {
  const secrets = secretsOf(metric.spec, rt);
  for (let attempt = 1; ; attempt++) {
    try {
      const pulled = await pullSource(
        metric.spec,
        { departmentKey: metric.departmentKey, metricKey: metric.key, period, params },
        rt,
      );
      checkRange(metric, pulled.value);
      return { metric, ok: true, pulled, attempts: attempt };
    } catch (err) {
      const failure =
        err instanceof SourceError
          ? err
          : new SourceError('query_error', err instanceof Error ? err.message : String(err));
      const delay = rt.retryDelaysMs[attempt - 1];
      if (TRANSIENT_FAILURES.has(failure.code) && delay !== undefined) {
        await sleep(delay);
        continue;
      }
      return {
        metric,
        ok: false,
        code: failure.code,
        detail: redactSecrets(failure.message, secrets),
        attempts: attempt,
      };
    }
  }
}

function checkRange(metric: SourcedMetric, value: number) {
  if ((metric.minValue !== null && value < metric.minValue) || (metric.maxValue !== null && value > metric.maxValue))
    throw new SourceError(
      'out_of_range',
      `${value} is outside the metric's allowed range (${metric.minValue ?? '−∞'} to ${metric.maxValue ?? '∞'})`,
    );
}

function secretsOf(spec: SourceSpec, rt: SourceRuntime): string[] {
  const names =
    spec.kind === 'sql'
      ? [spec.connection_env]
      : spec.kind === 'socrata'
        ? [spec.app_token_env ?? '']
        : spec.kind === 'http_json'
          ? Object.values(spec.headers_env)
          : [];
  const values = names.map((n) => (n ? rt.env(n) : undefined)).filter((v): v is string => !!v);
  // A connection string's password alone may be quoted too.
  for (const v of [...values]) {
    try {
      const password = decodeURIComponent(new URL(v).password);
      if (password) values.push(password);
    } catch {
      // not a URL
    }
  }
  return values;
}

/** Pulls and stores. `force` re-pulls metrics already pulled for the period (the CLI's `source pull`). */
export async function pullAndStore(
  prisma: PrismaClient,
  rt: SourceRuntime,
  opts: { period: string; now: Date; departmentKey?: string; force: boolean },
): Promise<PullReport> {
  let metrics = await loadSourcedMetrics(prisma, opts);
  if (!opts.force) {
    const done = await prisma.sourcePull.findMany({
      where: { period: opts.period, metricId: { in: metrics.map((m) => m.id) } },
      select: { metricId: true },
    });
    const skip = new Set(done.map((d) => d.metricId));
    metrics = metrics.filter((m) => !skip.has(m.id));
  }
  const report: PullReport = { period: opts.period, pulled: 0, failed: [], revised: 0 };
  for (const r of await pullMetrics(metrics, opts.period, rt)) {
    if (r.ok) report.pulled++;
    else
      report.failed.push({
        systemKey: sourceSystemKey(r.metric.spec),
        departmentKey: r.metric.departmentKey,
        metricName: r.metric.name,
        code: r.code,
        detail: r.detail,
      });
    if (await storePull(prisma, r, opts.period, opts.now)) report.revised++;
  }
  return report;
}

async function storePull(prisma: PrismaClient, r: PullResult, period: string, now: Date): Promise<boolean> {
  const { metric } = r;
  const data = {
    status: r.ok ? 'ok' : 'failed',
    value: r.ok ? r.pulled.value : null,
    note: r.ok ? r.pulled.note : null,
    raw: r.ok ? r.pulled.raw : null,
    reason: r.ok ? null : r.code,
    kind: metric.spec.kind,
    sourceHash: sourceHash(metric.spec),
    systemKey: sourceSystemKey(metric.spec),
    fetchedAt: now,
    attempts: r.attempts,
  };
  return prisma.$transaction(async (db) => {
    await db.sourcePull.upsert({
      where: { metricId_period: { metricId: metric.id, period } },
      create: { metricId: metric.id, period, ...data },
      update: data,
    });
    if (!r.ok) return false;
    return revisePulledValue(db, metric, period, r.pulled, data, now);
  });
}

/** A confirmed value that came from the source unchanged follows the source; a person's value does not. */
async function revisePulledValue(
  db: Db,
  metric: SourcedMetric,
  period: string,
  pulled: PulledValue,
  data: { kind: string; sourceHash: string; fetchedAt: Date; raw: string | null },
  now: Date,
): Promise<boolean> {
  const current = await db.metricValue.findUnique({ where: { metricId_period: { metricId: metric.id, period } } });
  const prov = current?.provenance as { changedByPerson?: boolean } | null | undefined;
  if (!current || !prov || prov.changedByPerson || current.value === pulled.value) return false;
  const lock = await db.departmentPeriod.findFirst({ where: { period, department: { key: metric.departmentKey } } });
  if (lock?.lockedAt) return false;
  const provenance = provenanceOf(metric.spec, data, pulled.value, false);
  const row = await db.metricValue.update({
    where: { id: current.id },
    data: { value: pulled.value, revision: current.revision + 1, provenance, submittedAt: now },
  });
  await db.metricValueRevision.create({
    data: {
      valueId: row.id,
      revision: row.revision,
      oldValue: current.value,
      newValue: pulled.value,
      oldNote: current.note,
      newNote: current.note,
      changedBy: `source:${metric.spec.kind}`,
      changedAt: now,
      source: 'pull',
      provenance,
    },
  });
  return true;
}

// A type alias, not an interface: Prisma's JSON input wants an index-signature-compatible object.
export type Provenance = {
  kind: string;
  label: string | null;
  hash: string;
  fetchedAt: string;
  raw: string | null;
  pulledValue: number;
  changedByPerson: boolean;
};

export function provenanceOf(
  spec: SourceSpec,
  pull: { sourceHash: string; fetchedAt: Date; raw: string | null },
  pulledValue: number,
  changedByPerson: boolean,
): Provenance {
  return {
    kind: spec.kind,
    label: spec.label ?? null,
    hash: pull.sourceHash,
    fetchedAt: pull.fetchedAt.toISOString(),
    raw: pull.raw,
    pulledValue,
    changedByPerson,
  };
}
