import type { DialogDependencies } from './DialogDependencies';
import type { DialoguePolicy } from './policy/DialoguePolicy';
import type { KnownSlots } from './slots/KnownSlots';

/** What the main dialog gives every flow: the app's dependencies, the one policy and the known slots. */
export interface FlowDependencies extends DialogDependencies {
  policy: DialoguePolicy;
  slots: KnownSlots;
}
