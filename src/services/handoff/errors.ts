/** No hand-off case for this conversation. */
export class HandoffCaseNotFoundError extends Error {
  override readonly name = 'HandoffCaseNotFoundError';
  constructor(readonly caseId: string) {
    super('No hand-off case for this conversation');
  }
}

/** The case is not in a state that allows the action (closed, waiting, or held by another agent). */
export class HandoffConflictError extends Error {
  override readonly name = 'HandoffConflictError';
  constructor(reason: string) {
    super(reason);
  }
}

/** The user's channel did not take the message (it may be down); the agent should try again. */
export class DeliveryFailedError extends Error {
  override readonly name = 'DeliveryFailedError';
  constructor(cause: unknown) {
    super('The message could not be delivered to the user', { cause });
  }
}
