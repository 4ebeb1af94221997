import {
  assertTransition,
  canTransition,
  IllegalTransitionError,
  isOpen,
  nextStages,
  Stage,
  stageSchema,
} from '../../src/services/disputes';

// Written out by hand from the brief, not derived from the implementation's table.
const LEGAL_MOVES: ReadonlyArray<readonly [Stage, Stage]> = [
  ['draft', 'filed'],
  ['filed', 'in_mediation'],
  ['in_mediation', 'resolved'],
  ['in_mediation', 'recommendation_issued'],
  ['recommendation_issued', 'recommendation_accepted'],
  ['recommendation_issued', 'recommendation_rejected'],
  ['recommendation_accepted', 'resolved'],
  ['recommendation_rejected', 'arbitration'],
  ['arbitration', 'decided'],
  ['draft', 'withdrawn'],
  ['filed', 'withdrawn'],
  ['in_mediation', 'withdrawn'],
  ['recommendation_issued', 'withdrawn'],
  ['recommendation_accepted', 'withdrawn'],
  ['recommendation_rejected', 'withdrawn'],
  ['arbitration', 'withdrawn'],
];
const isLegal = (from: Stage, to: Stage): boolean => LEGAL_MOVES.some(([f, t]) => f === from && t === to);

const ALL_STAGES = stageSchema.options;
const ALL_PAIRS = ALL_STAGES.flatMap((from) => ALL_STAGES.map((to) => [from, to] as const));
const LEGAL_PAIRS = ALL_PAIRS.filter(([from, to]) => isLegal(from, to));
const ILLEGAL_PAIRS = ALL_PAIRS.filter(([from, to]) => !isLegal(from, to));

describe('dispute state machine', () => {
  it('covers all 10 stages, 16 legal moves and 84 illegal ones', () => {
    expect(ALL_STAGES).toHaveLength(10);
    expect(LEGAL_PAIRS).toHaveLength(16);
    expect(ILLEGAL_PAIRS).toHaveLength(84);
  });

  it.each(LEGAL_PAIRS)('allows %s -> %s', (from, to) => {
    expect(canTransition(from, to)).toBe(true);
    expect(nextStages(from)).toContain(to);
    expect(() => assertTransition(from, to)).not.toThrow();
  });

  it.each(ILLEGAL_PAIRS)('refuses %s -> %s with an IllegalTransitionError naming both stages', (from, to) => {
    expect(canTransition(from, to)).toBe(false);
    expect(nextStages(from)).not.toContain(to);
    let thrown: unknown;
    try {
      assertTransition(from, to);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(IllegalTransitionError);
    expect(thrown).toMatchObject({ from, to });
  });

  it.each([
    ['resolved', false],
    ['decided', false],
    ['withdrawn', false],
    ['draft', true],
    ['filed', true],
    ['in_mediation', true],
    ['recommendation_issued', true],
    ['recommendation_accepted', true],
    ['recommendation_rejected', true],
    ['arbitration', true],
  ] as const)('says whether %s is open (%s)', (stage, open) => {
    expect(isOpen(stage)).toBe(open);
    // A closed stage is a dead end; an open one can always be withdrawn.
    expect(nextStages(stage).length === 0).toBe(!open);
  });
});
