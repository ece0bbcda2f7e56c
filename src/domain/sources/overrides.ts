// A liaison may keep a pulled value (a confirmation) or change it (an override). An override needs
// a note saying why, like an off-target value; it is kept as a revision with the pulled value.
import type { EntryProblem, ValidEntry } from '../submission/validate-entries.js';

export interface PulledOffer {
  value: number;
  sourceLabel: string;
}

export function isOverride(entry: ValidEntry, offer: PulledOffer): boolean {
  return entry.notAvailable || entry.value !== offer.value;
}

export function checkOverrides(
  entries: readonly ValidEntry[],
  offers: ReadonlyMap<number, PulledOffer>,
  format: (metricId: number, value: number) => string,
): EntryProblem[] {
  const problems: EntryProblem[] = [];
  for (const e of entries) {
    const offer = offers.get(e.metricId);
    if (!offer || !isOverride(e, offer) || e.note) continue;
    problems.push({
      metricId: e.metricId,
      field: 'note',
      message: `You changed the value pulled from ${offer.sourceLabel} (${format(e.metricId, offer.value)}): say why in the explanation`,
    });
  }
  return problems;
}
