import type { Activity, ChannelAccount, TurnContext } from 'botbuilder';
import { IN_PROCESS_SERVICE_URL } from '../../services/network/serviceUrlPolicy';
import type { Logger } from '../../services/logging/logger';
import type { SharedRateLimiter } from '../../services/resilience/SharedRateLimiter';
import { pseudonym } from '../../services/logging/pseudonym';
import type { ActivityPage, ConversationLog, ConversationRecord, ConversationUser } from './ConversationLog';
import {
  conversationIdOfToken,
  CONVERSATION_ID,
  hashToken,
  newConversationId,
  newConversationToken,
  tokenMatches,
} from './conversationToken';
import { DirectLineError } from './DirectLineError';
import { LocalConversationGoneError, LocalDirectLineAdapter } from './LocalDirectLineAdapter';
import type { PostedActivity } from './postedActivity';

/** The bot as this channel names it in activities (there is no app id in local mode). */
const LOCAL_BOT = { id: 'dispute-assistant', name: 'Dispute assistant', role: 'bot' } as const;

/** Web Chat renders 'webchat' activities as it does on Azure's Direct Line, cards included. */
const LOCAL_CHANNEL_ID = 'webchat';

export interface ConversationTicket {
  conversationId: string;
  token: string;
  expires_in: number;
}

export interface LocalDirectLineDependencies {
  log: ConversationLog;
  /** Runs one turn of the bot. */
  runTurn: (context: TurnContext) => Promise<void>;
  idleTtlSeconds: number;
  logger: Logger;
  /** Wraps each turn, so shutdown waits for turns under way. */
  track: <T>(work: () => Promise<T>) => Promise<T>;
  /** Caps what one conversation may post per window, so a flood cannot fill its log. */
  activityLimit?: SharedRateLimiter;
}

/**
 * The Direct Line 3.0 subset Web Chat and botframework-directlinejs use in polling mode, served by
 * the bot itself: tokens bound to a user, conversations, posting (with the echo Web Chat matches by
 * clientActivityID) and reading after a watermark. Turns run in-process on the channel's own
 * adapter, which writes the bot's replies and proactive messages straight into the log. Who speaks is
 * the user the token was issued to, whatever the posted activity says.
 */
export class LocalDirectLine {
  /** Give it the same middleware and turn-error handler as the HTTP adapter. */
  readonly adapter: LocalDirectLineAdapter;

  constructor(private readonly deps: LocalDirectLineDependencies) {
    if (!deps.log) throw new Error('LocalDirectLine needs a conversation log');
    this.adapter = new LocalDirectLineAdapter((conversationId, activity) =>
      this.deliverFromBot(conversationId, activity),
    );
  }

  /** A new conversation for this user, and the token that opens it (as /tokens/generate does). */
  async issueToken(user: ConversationUser): Promise<ConversationTicket & { userId: string }> {
    const conversationId = newConversationId();
    const token = newConversationToken(conversationId);
    await this.deps.log.create({ id: conversationId, user, tokenHash: hashToken(token) });
    return { ...this.ticket(conversationId, token), userId: user.id };
  }

  /** Starts the token's conversation; the bot greets the user the first time only. */
  async start(token: string | undefined): Promise<ConversationTicket> {
    const record = await this.authorize(token, undefined);
    if (await this.deps.log.markStarted(record.id)) await this.greet(record);
    return this.ticket(record.id, token as string);
  }

  /** Reconnecting to a conversation (GET /conversations/:id) answers as start does, without a greeting. */
  async reconnect(token: string | undefined, conversationId: string): Promise<ConversationTicket> {
    const record = await this.authorize(token, conversationId);
    return this.ticket(record.id, token as string);
  }

  /** Echoes the user's activity into the conversation, then hands it to the bot; answers its id. */
  async postFromUser(
    token: string | undefined,
    conversationId: string,
    posted: PostedActivity,
  ): Promise<string> {
    const record = await this.authorize(token, conversationId);
    const refused = await this.deps.activityLimit?.consume(record.id);
    if (refused)
      throw new DirectLineError(
        429,
        'TooManyRequests',
        `this conversation is posting too fast; wait ${refused.retryAfterSeconds} seconds`,
        refused.retryAfterSeconds,
      );
    const incoming: Partial<Activity> = {
      ...posted,
      channelId: LOCAL_CHANNEL_ID,
      conversation: { id: record.id } as Activity['conversation'],
      from: userAccount(record.user),
      recipient: { ...LOCAL_BOT },
      timestamp: new Date(),
    };
    const id = await this.deps.log.append(record.id, incoming);
    if (!id) throw conversationGone();
    await this.runTurn({ ...incoming, id, serviceUrl: IN_PROCESS_SERVICE_URL }, record.id);
    return id;
  }

  async read(token: string | undefined, conversationId: string, watermark: number): Promise<ActivityPage> {
    await this.authorize(token, conversationId);
    const page = await this.deps.log.readAfter(conversationId, watermark);
    if (!page) throw conversationGone();
    return page;
  }

  /** A proactive message the bot sends outside a turn; rejects when the conversation is gone. */
  async postFromBot(activity: Partial<Activity>): Promise<void> {
    if (!(await this.deliverFromBot(activity.conversation?.id ?? '', activity)))
      throw new LocalConversationGoneError();
  }

  /** An activity the bot sends (a reply or a proactive message); undefined for an unknown conversation. */
  private async deliverFromBot(
    conversationId: string,
    activity: Partial<Activity>,
  ): Promise<string | undefined> {
    if (!CONVERSATION_ID.test(conversationId)) return undefined;
    const { serviceUrl: _internal, id: _theirs, ...visible } = activity;
    return this.deps.log.append(conversationId, {
      ...visible,
      channelId: LOCAL_CHANNEL_ID,
      conversation: { id: conversationId } as Activity['conversation'],
      timestamp: activity.timestamp ?? new Date(),
    });
  }

  private async greet(record: ConversationRecord): Promise<void> {
    await this.runTurn(
      {
        type: 'conversationUpdate',
        id: `${record.id}|start`,
        channelId: LOCAL_CHANNEL_ID,
        serviceUrl: IN_PROCESS_SERVICE_URL,
        conversation: { id: record.id } as Activity['conversation'],
        from: userAccount(record.user),
        recipient: { ...LOCAL_BOT },
        membersAdded: [{ ...LOCAL_BOT }, userAccount(record.user)],
        timestamp: new Date(),
      },
      record.id,
    );
  }

  private async runTurn(activity: Partial<Activity>, conversationId: string): Promise<void> {
    try {
      await this.deps.track(() =>
        this.adapter.processActivity(activity, (context) => this.deps.runTurn(context)),
      );
    } catch (error) {
      this.deps.logger.error(
        {
          event: 'directline_turn_failed',
          conversation: pseudonym(conversationId),
          error: (error as Error).message,
        },
        'Local Direct Line turn failed',
      );
      throw new DirectLineError(502, 'BotError', 'the bot failed to handle the activity');
    }
  }

  private async authorize(
    token: string | undefined,
    conversationId: string | undefined,
  ): Promise<ConversationRecord> {
    const tokenConversation = token ? conversationIdOfToken(token) : undefined;
    if (!token || !tokenConversation)
      throw new DirectLineError(
        403,
        'TokenInvalid',
        'send "Authorization: Bearer <token>" with a Direct Line token',
      );
    if (conversationId !== undefined && conversationId !== tokenConversation)
      throw new DirectLineError(403, 'TokenInvalid', 'the token is not valid for this conversation');
    const record = await this.deps.log.find(tokenConversation);
    if (!record) throw conversationGone();
    if (!tokenMatches(token, record.tokenHash))
      throw new DirectLineError(403, 'TokenInvalid', 'the token is not valid for this conversation');
    return record;
  }

  private ticket(conversationId: string, token: string): ConversationTicket {
    return { conversationId, token, expires_in: this.deps.idleTtlSeconds };
  }
}

function userAccount(user: ConversationUser): ChannelAccount {
  return { id: user.id, name: user.name ?? '', role: 'user' };
}

function conversationGone(): DirectLineError {
  return new DirectLineError(404, 'BadConversation', 'the conversation does not exist or has expired');
}
