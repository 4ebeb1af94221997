import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import {
  conversationFileSchema,
  ConversationCase,
  DEFAULT_CLOCK,
  EvalCase,
  singleFileSchema,
  SingleCase,
} from './caseSchema';

/** eval/cases, whether this runs from the sources (jest) or from dist/eval/harness (npm run eval). */
export function casesDirectory(): string {
  const candidates = [path.resolve(__dirname, '../cases'), path.resolve(__dirname, '../../../eval/cases')];
  const found = candidates.find((candidate) => existsSync(candidate));
  if (!found) throw new Error(`eval/cases not found from ${__dirname}`);
  return found;
}

export interface CaseSet {
  singles: SingleCase[];
  conversations: ConversationCase[];
}

/** Reads every `single*.json` and `conversations*.json` file; a malformed case stops the run. */
export function loadCaseSet(directory = casesDirectory()): CaseSet {
  const files = readdirSync(directory)
    .filter((name) => name.endsWith('.json'))
    .sort();
  const singles: SingleCase[] = [];
  const conversations: ConversationCase[] = [];
  for (const name of files) {
    const raw: unknown = JSON.parse(readFileSync(path.join(directory, name), 'utf8'));
    if (name.startsWith('single')) singles.push(...singleFileSchema.parse(raw).cases);
    else if (name.startsWith('conversations')) conversations.push(...conversationFileSchema.parse(raw).cases);
    else throw new Error(`eval/cases/${name}: name a case file single*.json or conversations*.json`);
  }
  const ids = [...singles, ...conversations].map((c) => c.id);
  const duplicate = ids.find((id, index) => ids.indexOf(id) !== index);
  if (duplicate) throw new Error(`duplicate case id ${duplicate}`);
  return { singles, conversations };
}

/** Both kinds of case as turn lists, with the default clock filled in. */
export function asEvalCases(set: CaseSet): EvalCase[] {
  return [
    ...set.singles.map((single) => ({
      id: single.id,
      kind: single.kind,
      fromIssue: single.fromIssue ?? false,
      clock: single.clock ?? DEFAULT_CLOCK,
      turns: [{ user: single.text, expect: single.expect }],
    })),
    ...set.conversations.map((conversation) => ({
      id: conversation.id,
      kind: conversation.kind,
      fromIssue: conversation.fromIssue ?? false,
      clock: conversation.clock ?? DEFAULT_CLOCK,
      turns: conversation.turns,
    })),
  ];
}

/** Every message a user sends in the set, for the disjointness check against the training data. */
export function allUserMessages(set: CaseSet): Array<{ id: string; text: string }> {
  return [
    ...set.singles.map((single) => ({ id: single.id, text: single.text })),
    ...set.conversations.flatMap((conversation) =>
      conversation.turns.map((turn, index) => ({ id: `${conversation.id}#${index + 1}`, text: turn.user })),
    ),
  ];
}
