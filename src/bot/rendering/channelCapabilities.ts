import { Channels } from 'botbuilder';

/** What a channel can show beyond plain text. */
export interface ChannelCapabilities {
  adaptiveCards: boolean;
  suggestedActions: boolean;
}

const CARD_CHANNELS: ReadonlySet<string> = new Set([
  Channels.Webchat,
  Channels.Directline,
  Channels.Emulator,
  Channels.Msteams,
]);

// Teams ignores suggested actions in most conversation types, so choices there live on the card only.
const SUGGESTED_ACTION_CHANNELS: ReadonlySet<string> = new Set([
  Channels.Webchat,
  Channels.Directline,
  Channels.Emulator,
]);

/** Unknown channels get plain text only: a reply that renders nowhere is worse than a plain one. */
export function capabilitiesOf(channelId: string): ChannelCapabilities {
  const id = (channelId ?? '').toLowerCase();
  return {
    adaptiveCards: CARD_CHANNELS.has(id),
    suggestedActions: SUGGESTED_ACTION_CHANNELS.has(id),
  };
}
