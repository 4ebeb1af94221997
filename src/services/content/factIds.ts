/** The fact ids of ../shared/policy/FACTS.md: every policy sentence the assistant says is one of these. */
export const FACT_IDS = [
  'P1',
  'P2',
  'P3',
  'P4',
  'P5',
  'P6',
  'P7',
  'P8',
  'P9',
  'P10',
  'P11',
  'P12',
  'P13',
  'P14',
  'S1',
  'S2',
] as const;

export type FactId = (typeof FACT_IDS)[number];
