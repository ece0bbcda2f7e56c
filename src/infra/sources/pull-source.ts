// One pull of one metric's source for one period: the adapter for its kind, nothing stored.
import type { PeriodParameters } from '../../domain/sources/placeholders.js';
import type { SourceSpec } from '../../domain/sources/source-spec.js';
import { pullCsv } from './csv-source.js';
import { pullHttpJson } from './http-json-source.js';
import type { SourceRuntime } from './runtime.js';
import type { PulledValue } from './source-value.js';

export type { PulledValue };

import { pullSocrata } from './socrata-source.js';
import { pullSql } from './sql-source.js';

export interface PullTarget {
  departmentKey: string;
  metricKey: string;
  period: string;
  /** The period's placeholder values, worked out once per pull run (it costs more than a small query's planning). */
  params: PeriodParameters;
}

export function pullSource(spec: SourceSpec, target: PullTarget, rt: SourceRuntime): Promise<PulledValue> {
  const { params } = target;
  switch (spec.kind) {
    case 'sql':
      return pullSql(spec, params, rt);
    case 'socrata':
      return pullSocrata(spec, params, rt);
    case 'csv':
      return pullCsv(spec, target, rt);
    case 'http_json':
      return pullHttpJson(spec, params, rt);
  }
}
