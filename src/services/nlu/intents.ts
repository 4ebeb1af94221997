/** Every intent the local model is trained on; the dialogs route on these names. */
export const INTENT_NAMES = [
  'eligibility',
  'file_ended',
  'file_active',
  'my_disputes',
  'guide_mediation',
  'guide_recommendation',
  'guide_arbitration',
  'guide_fees',
  'guide_unresponsive',
  'guide_deadline',
  'guide_stages',
  'talk_to_person',
  'help',
  'cancel',
  'start_over',
  'greeting',
  'thanks',
  'goodbye',
  'out_of_scope',
] as const;

export type IntentName = (typeof INTENT_NAMES)[number];

/** What the recognizer answers when nothing it knows matches (NLP.js "None", or empty text). */
export const NO_INTENT = 'none' as const;

export type RecognizedIntentName = IntentName | typeof NO_INTENT;

const intentNameSet: ReadonlySet<string> = new Set(INTENT_NAMES);

export function isIntentName(value: string): value is IntentName {
  return intentNameSet.has(value);
}
