/**
 * A turn's place among the turns processed at once (the server's TurnAdmission). The adapter gives it
 * up while the turn waits on the channel: a reply posted to Teams or Slack takes 50–150 ms, and a
 * turn that is only waiting should not keep a new message from being processed.
 */
export interface TurnSlot {
  /** Runs `wait` without the slot, and takes the slot back (ahead of new turns) before returning. */
  releasedWhile<T>(wait: () => Promise<T>): Promise<T>;
}

/** Where the turn's slot is kept in `context.turnState`. */
export const TURN_SLOT_KEY = Symbol('turnSlot');
