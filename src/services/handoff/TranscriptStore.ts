/** Who said a transcript line: the user, the assistant, or a person from support. */
export type TranscriptRole = 'user' | 'bot' | 'agent';

export interface TranscriptEntry {
  role: TranscriptRole;
  text: string;
  at: string;
}

/**
 * The text of a conversation, for the person who takes it over. Bounded per conversation (oldest
 * lines dropped first) and expiring; shown to agents, never written to logs.
 */
export interface TranscriptStore {
  append(conversationId: string, entries: TranscriptEntry[]): Promise<void>;
  /** Oldest first. */
  read(conversationId: string): Promise<TranscriptEntry[]>;
}
