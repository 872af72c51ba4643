/** Who was moved or waits: one list for evacuation and remaining-population reports. */
export type PopulationCategory = 'civilians' | 'wounded' | 'children' | 'other';
export const POPULATION_CATEGORIES: readonly PopulationCategory[] = [
  'civilians',
  'wounded',
  'children',
  'other',
];

export type IncidentKind = 'shelling' | 'blocked' | 'closed_early' | 'violation' | 'other';
export const INCIDENT_KINDS: readonly IncidentKind[] = [
  'shelling',
  'blocked',
  'closed_early',
  'violation',
  'other',
];
