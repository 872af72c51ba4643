/** Who was moved or waits: one list for evacuation and remaining-population reports. */
export type PopulationCategory =
  'civilians' | 'women_children' | 'women_children_elderly' | 'children' | 'wounded' | 'fighters' | 'other';
export const POPULATION_CATEGORIES: readonly PopulationCategory[] = [
  'civilians',
  'women_children',
  'women_children_elderly',
  'children',
  'wounded',
  'fighters',
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
