import { IllegalTransitionError } from './errors';
import { Stage, stageSchema } from './schemas';

/** Stages with no way forward: a dispute here is over (fact P12: an arbitration decision is final). */
const CLOSED_STAGES: ReadonlySet<Stage> = new Set<Stage>(['resolved', 'decided', 'withdrawn']);

/** The forward moves (facts P9, P11, P12); withdrawing is added below for every open stage. */
const FORWARD_MOVES: Readonly<Record<Stage, readonly Stage[]>> = {
  draft: ['filed'],
  filed: ['in_mediation'],
  in_mediation: ['resolved', 'recommendation_issued'],
  recommendation_issued: ['recommendation_accepted', 'recommendation_rejected'],
  recommendation_accepted: ['resolved'],
  recommendation_rejected: ['arbitration'],
  arbitration: ['decided'],
  decided: [],
  resolved: [],
  withdrawn: [],
};

export function isOpen(stage: Stage): boolean {
  return !CLOSED_STAGES.has(stage);
}

const TRANSITIONS: ReadonlyMap<Stage, ReadonlySet<Stage>> = new Map(
  stageSchema.options.map((stage) => {
    const targets = [...FORWARD_MOVES[stage]];
    if (isOpen(stage)) targets.push('withdrawn');
    return [stage, new Set(targets)] as const;
  }),
);

/** The stages a dispute in `stage` may move to next, in table order. */
export function nextStages(stage: Stage): Stage[] {
  return [...(TRANSITIONS.get(stage) ?? [])];
}

export function canTransition(from: Stage, to: Stage): boolean {
  return TRANSITIONS.get(from)?.has(to) ?? false;
}

/** Throws IllegalTransitionError unless `from` -> `to` is in the table. */
export function assertTransition(from: Stage, to: Stage): void {
  if (!canTransition(from, to)) throw new IllegalTransitionError(from, to);
}
