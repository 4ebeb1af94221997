import type { Activity } from 'botbuilder';

/** Who a local Direct Line conversation belongs to, fixed when its token is issued. */
export interface ConversationUser {
  id: string;
  name?: string;
}

/** What the channel keeps about a conversation besides its activities. */
export interface ConversationRecord {
  id: string;
  user: ConversationUser;
  /** sha256 of the conversation's Direct Line token, hex; the token itself is never stored. */
  tokenHash: string;
}

/** A page of activities after a watermark, and the watermark to ask with next time. */
export interface ActivityPage {
  activities: Partial<Activity>[];
  watermark: number;
}

/**
 * The activity log of every local Direct Line conversation: bounded (the oldest activities drop off)
 * and expiring once a conversation has been idle for the TTL. Watermark = how many activities the
 * conversation has had; an activity's id is derived from its position, so ids never need rewriting.
 */
export interface ConversationLog {
  create(record: ConversationRecord): Promise<void>;
  find(conversationId: string): Promise<ConversationRecord | undefined>;
  /** True only for the first caller, so a conversation is greeted once even when started twice. */
  markStarted(conversationId: string): Promise<boolean>;
  /** Appends and returns the activity's id, or undefined when the conversation is unknown or expired. */
  append(conversationId: string, activity: Partial<Activity>): Promise<string | undefined>;
  /** Activities after the watermark (all that are kept when it is older), or undefined when unknown. */
  readAfter(conversationId: string, watermark: number): Promise<ActivityPage | undefined>;
}

/** Direct Line style ids: the conversation id, a bar, then the activity's position. */
export function activityIdAt(conversationId: string, position: number): string {
  return `${conversationId}|${String(position).padStart(7, '0')}`;
}

export const DEFAULT_MAX_ACTIVITIES = 500;
