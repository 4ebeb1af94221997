import { BotState, ConversationState, StoreItem, TurnContext } from 'botbuilder';
import { leaveJsonToWrite, takeJsonToWrite, takeReadJson } from './serializedState';

/** What botbuilder's BotState caches for a turn: the state and what it looked like when loaded or saved. */
interface CachedState {
  state: StoreItem;
  hash: string;
}

/**
 * The state as JSON, without its eTag: two equal snapshots mean nothing to save. botbuilder compares
 * a SHA-256 of its own stringify (a JSON.stringify with a replacer function called for every key),
 * computed on every load and every save: about 4 % of a turn's CPU. The plain JSON.stringify and a
 * string comparison give the same answer for state that can be stored at all (the stores write JSON).
 */
export function stateSnapshot(state: StoreItem): string {
  const { eTag: _eTag, ...document } = state;
  return JSON.stringify(document);
}

/** botbuilder keeps the turn's cached state under a symbol its typings mark private; clear() and get() use it too. */
function cacheKeyOf(botState: BotState): symbol {
  return (botState as unknown as { stateKey: symbol }).stateKey;
}

/** BotState.load with the snapshot as change hash: same caching, same `force`. */
async function loadWithSnapshot(
  botState: BotState,
  storageKeyOf: () => Promise<string> | string,
  readItems: (key: string) => Promise<StoreItem | undefined>,
  context: TurnContext,
  force: boolean,
): Promise<StoreItem> {
  const cacheKey = cacheKeyOf(botState);
  const cached = context.turnState.get(cacheKey) as CachedState | undefined;
  if (!force && cached?.state) return cached.state;
  const state = (await readItems(await storageKeyOf())) ?? {};
  // The JSON the store read is the snapshot (a state written by this code reads back the same).
  const hash = takeReadJson(state) ?? stateSnapshot(state);
  context.turnState.set(cacheKey, { state, hash } satisfies CachedState);
  return state;
}

/** BotState.saveChanges with the snapshot as change hash: writes only a changed state (or when forced). */
async function saveWithSnapshot(
  botState: BotState,
  storageKeyOf: () => Promise<string> | string,
  write: (key: string, state: StoreItem) => Promise<void>,
  context: TurnContext,
  force: boolean,
): Promise<void> {
  const cacheKey = cacheKeyOf(botState);
  let cached = context.turnState.get(cacheKey) as CachedState | undefined;
  if (!force && !cached) return;
  const key = await storageKeyOf();
  const snapshot = cached ? stateSnapshot(cached.state) : '';
  if (!force && cached?.hash === snapshot) return;
  cached ??= { state: {}, hash: '' };
  cached.state.eTag = '*';
  // The store writes this very JSON instead of stringifying the state again (same tick: unchanged).
  if (snapshot) leaveJsonToWrite(cached.state, snapshot);
  try {
    await write(key, cached.state);
  } finally {
    // A write refused before reaching the store (open circuit) leaves nothing behind.
    takeJsonToWrite(cached.state);
  }
  // The stores change only the eTag on the item they write: the snapshot taken before still holds.
  cached.hash = snapshot || stateSnapshot(cached.state);
  context.turnState.set(cacheKey, cached);
}

/** ConversationState whose change detection is a JSON snapshot (stateSnapshot) instead of a hash. */
export class SnapshotConversationState extends ConversationState {
  override load(context: TurnContext, force = false): Promise<StoreItem> {
    return loadWithSnapshot(
      this,
      () => this.storageKey(context),
      async (key) => (await this.storage.read([key]))[key] as StoreItem | undefined,
      context,
      force,
    );
  }

  override saveChanges(context: TurnContext, force = false): Promise<void> {
    return saveWithSnapshot(
      this,
      () => this.storageKey(context),
      (key, state) => this.storage.write({ [key]: state }),
      context,
      force,
    );
  }
}
