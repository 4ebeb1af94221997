import type { Activity } from 'botbuilder';

/**
 * Who owns a dispute: the channel's user id, scoped by channel. On Teams the Azure AD object id
 * is stable across the user's chats, so it is preferred there when present.
 */
export function ownerIdOf(activity: Pick<Activity, 'channelId' | 'from'>): string {
  const from = activity.from as { id: string; aadObjectId?: string };
  const id = activity.channelId === 'msteams' && from.aadObjectId ? `aad:${from.aadObjectId}` : from.id;
  return `${activity.channelId}:${id}`;
}
