import type { TurnContext } from 'botbuilder';
import { DialogStateManager, type DialogStateManagerConfiguration } from 'botbuilder-dialogs';
import * as registrationModule from 'botbuilder-dialogs/lib/dialogsComponentRegistration';

/** Where botbuilder's DialogStateManager looks for (and caches) its memory scopes for the turn. */
const CONFIGURATION_KEY = 'DialogStateManagerConfiguration';

let shared: DialogStateManagerConfiguration | undefined;

/**
 * botbuilder-dialogs builds its memory scopes and path resolvers afresh on every turn (a service
 * collection, a dependency graph and a dozen objects: about 1 % of a turn's CPU), although they hold
 * no state of their own: what they read lives on the turn and the dialog context. The first turn's
 * set is kept and handed to every later turn. This bot adds no scopes or resolvers of its own per
 * turn (turnState 'memoryScopes' / 'pathResolvers'), so every turn would build the same set.
 */
export function useSharedDialogMemory(context: TurnContext): void {
  reuseDialogsRegistration();
  reuseParsedPaths();
  if (shared && !context.turnState.has(CONFIGURATION_KEY)) context.turnState.set(CONFIGURATION_KEY, shared);
}

/** After the turn's first dialog context: keeps what botbuilder built, for the next turns. */
export function keepDialogMemory(context: TurnContext): void {
  shared ??= context.turnState.get(CONFIGURATION_KEY) as DialogStateManagerConfiguration | undefined;
}

let registrationReused = false;

/**
 * Every DialogContext (several a turn: one per component dialog level and waterfall step) builds a
 * new DialogsComponentRegistration, with its service collection and dependency graph, only to put it
 * in botbuilder's registry, where it replaces the identical one from before: about 1.5 % of a turn's
 * CPU and 5 % of its allocations. The module's export is swapped for a constructor that hands out
 * one instance (same class, so the registry and `instanceof` see no difference). Left alone if
 * botbuilder's module ever looks different.
 */
function reuseDialogsRegistration(): void {
  if (registrationReused) return;
  registrationReused = true;
  const Original = registrationModule.DialogsComponentRegistration;
  const descriptor = Object.getOwnPropertyDescriptor(registrationModule, 'DialogsComponentRegistration');
  if (typeof Original !== 'function' || !descriptor?.writable) return;
  let instance: InstanceType<typeof Original> | undefined;
  function SharedRegistration(): InstanceType<typeof Original> {
    instance ??= new Original();
    return instance;
  }
  SharedRegistration.prototype = Original.prototype;
  Object.defineProperty(registrationModule, 'DialogsComponentRegistration', {
    ...descriptor,
    value: SharedRegistration,
  });
}

type PathSegments = (string | number)[];
/** Memory paths are a handful of constants ("turn.activity", "dialog", "this.options"...). */
const MAX_REMEMBERED_PATHS = 1000;
let pathsReused = false;

/**
 * DialogStateManager parses a memory path character by character, building each segment a character
 * at a time, on every read and write of dialog memory (dozens a turn: each dialog context records the
 * turn's activity, its options and its state): about 4 % of a turn's allocations. A path without
 * brackets parses to the same segments every time (only a bracket can name another memory value),
 * so those are parsed once; callers get their own copy.
 */
function reuseParsedPaths(): void {
  if (pathsReused) return;
  pathsReused = true;
  const prototype = DialogStateManager.prototype as unknown as {
    parsePath?: (path: string, allowNestedPaths?: boolean) => PathSegments;
  };
  const parse = prototype.parsePath;
  if (typeof parse !== 'function') return;
  const parsed = new Map<string, PathSegments>();
  prototype.parsePath = function parsePath(this: DialogStateManager, path, allowNestedPaths = true) {
    if (typeof path !== 'string' || path.includes('[')) return parse.call(this, path, allowNestedPaths);
    let segments = parsed.get(path);
    if (!segments) {
      segments = parse.call(this, path, allowNestedPaths);
      if (parsed.size < MAX_REMEMBERED_PATHS) parsed.set(path, segments);
    }
    return segments.slice();
  };
}
