// Fixture for test/architecture/layers.test.ts: a domain service (the hand-off) importing the Bot Framework SDK.
import type { TurnContext } from 'botbuilder';

export type CaseOpenedIn = TurnContext;
