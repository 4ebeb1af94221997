/** One user turn and what a right answer to it contains (checked on the raw response body). */
export interface ScriptedTurn {
  /** A conversationUpdate adding the user (what Web Chat sends on open), or a typed message. */
  kind: 'join' | 'message';
  text?: string;
  expect: RegExp;
}

export interface Scenario {
  name: string;
  turns: ScriptedTurn[];
}

const WELCOME = /I'm the dispute assistant/;

/**
 * Mirrors test/dialogs/endedContractFiling.test.ts end to end (an interruption that resumes, an edit in
 * review), then lists the user's disputes.
 */
const FILING: Scenario = {
  name: 'ended_contract_filing',
  turns: [
    { kind: 'join', expect: WELCOME },
    {
      kind: 'message',
      text: 'my client ended the job and requested the escrow back',
      expect: /refund request arrive/,
    },
    { kind: 'message', text: '3 days ago', expect: /Step 1 of 7/ },
    { kind: 'message', text: 'write my claim', expect: /What did you and the client agree on/ },
    {
      kind: 'message',
      text: 'A logo and brand guide, milestone 2 of the contract',
      expect: /What did you deliver/,
    },
    {
      kind: 'message',
      text: 'who pays for arbitration?',
      expect: /split between you, the client[\s\S]*What did you deliver/,
    },
    { kind: 'message', text: 'Final files on 12 November via the messages', expect: /How much is in escrow/ },
    { kind: 'message', text: 'about five hundred', expect: /amount with its currency/ },
    { kind: 'message', text: '$500', expect: /What evidence can you attach/ },
    { kind: 'message', text: 'none', expect: /What did the client last say/ },
    {
      kind: 'message',
      text: 'She said thanks on 14 November, then asked for a refund',
      expect: /Amount in escrow: \$500\.00/,
    },
    { kind: 'message', text: 'Change: Evidence', expect: /What evidence can you attach/ },
    { kind: 'message', text: 'https://drive.example/final.zip, brand-guide.pdf', expect: /brand-guide\.pdf/ },
    { kind: 'message', text: 'Looks good, record it', expect: /reference is FPD-/ },
    // The dispute just recorded is listed (read back from the dispute store).
    {
      kind: 'message',
      text: 'where are my disputes?',
      expect: /FPD-[0-9A-Z]+[\s\S]*Which one would you like to open/,
    },
    { kind: 'message', text: 'done', expect: /"activities"/ },
  ],
};

const ARBITRATION: Scenario = {
  name: 'arbitration_questions',
  turns: [
    { kind: 'join', expect: WELCOME },
    { kind: 'message', text: 'what happens if mediation fails?', expect: /recommendation/ },
    { kind: 'message', text: 'how does arbitration work?', expect: /binding arbitration/ },
    { kind: 'message', text: 'who pays for arbitration?', expect: /split between you, the client/ },
    { kind: 'message', text: 'thanks', expect: /welcome/ },
  ],
};

const MY_DISPUTES: Scenario = {
  name: 'where_are_my_disputes',
  turns: [
    { kind: 'join', expect: WELCOME },
    { kind: 'message', text: 'where are my disputes?', expect: /Your disputes/ },
    { kind: 'message', text: 'bye', expect: /Goodbye/ },
  ],
};

export const SCENARIOS: readonly Scenario[] = [FILING, ARBITRATION, MY_DISPUTES];

export function scenarioNamed(name: string): Scenario {
  const scenario = SCENARIOS.find((each) => each.name === name);
  if (!scenario) throw new Error(`no scenario ${name}`);
  return scenario;
}
