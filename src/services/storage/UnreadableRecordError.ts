/**
 * A stored record that no longer reads as what it should be. It says something about the data, not
 * about reaching the store, so the storage circuit breaker never counts it as an outage.
 * Stores that validate what they read throw a subclass of it.
 */
export class UnreadableRecordError extends Error {}
