// Where a stored value came from, as the packet and agenda say it: typed by the department, pulled
// from a city system and confirmed, or pulled and then changed by a person (who had to say why).
import { z } from 'zod';
import { SOURCE_KIND_WORDS } from './source-spec.js';

export type ValueOrigin =
  | { kind: 'typed' }
  | { kind: 'pulled'; source: string }
  | { kind: 'overridden'; source: string; pulledValue: number };

/** The part of a value's provenance (see services/sources/pull-sources.ts) the origin needs. */
const provenanceSchema = z.object({
  kind: z.string(),
  label: z.string().nullable(),
  pulledValue: z.number(),
  changedByPerson: z.boolean(),
});

/** A value with no provenance was typed; a provenance that does not parse is treated as typed too. */
export function valueOrigin(provenance: unknown): ValueOrigin {
  const p = provenanceSchema.safeParse(provenance);
  if (!p.success) return { kind: 'typed' };
  const source = p.data.label ?? SOURCE_KIND_WORDS[p.data.kind as keyof typeof SOURCE_KIND_WORDS] ?? 'a city system';
  return p.data.changedByPerson
    ? { kind: 'overridden', source, pulledValue: p.data.pulledValue }
    : { kind: 'pulled', source };
}
