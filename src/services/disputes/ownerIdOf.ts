/** The parts of an incoming activity that say who sent it (botbuilder's Activity has this shape). */
export interface ActivitySender {
  channelId: string;
  from: { id: string; aadObjectId?: string };
}

/**
 * Who owns a dispute: the channel's user id, scoped by channel. On Teams the Azure AD object id
 * is stable across the user's chats, so it is preferred there when present.
 */
export function ownerIdOf(activity: ActivitySender): string {
  const { from } = activity;
  const id = activity.channelId === 'msteams' && from.aadObjectId ? `aad:${from.aadObjectId}` : from.id;
  return `${activity.channelId}:${id}`;
}
