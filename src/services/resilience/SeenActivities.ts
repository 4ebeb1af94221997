/** Remembers which activities were already taken in, so a redelivered one is processed once. */
export interface SeenActivities {
  /** Records the activity; true the first time, false when it was seen before (within the TTL). */
  markSeen(key: string): Promise<boolean>;
  /** Forgets it again, so a redelivery of a turn that failed is processed after all. */
  forget(key: string): Promise<void>;
}

/** How long an activity id is remembered: channel retries come within seconds or minutes. */
export const SEEN_ACTIVITY_TTL_SECONDS = 60 * 60;
