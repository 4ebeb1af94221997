import type { MoneyAmount } from '../../services/nlu/extractMoney';
import type { AnswerPolarity, UnsureSubject } from '../../services/nlu/entities/answerPolarity';
import type { ContractState } from '../../services/nlu/entities/contractState';
import type { ContractType } from '../../services/nlu/entities/contractType';
import type { Inaction } from '../../services/nlu/entities/consequenceQuestion';
import type { NearScopeTopic } from '../../services/nlu/entities/nearScopeTopic';
import type { SpeakerRole } from '../../services/nlu/entities/speakerRole';
import type { ArrivalResolution } from '../../services/time';

/** What one message says about the user's situation; absent means "not said in this message". */
export interface TurnEntities {
  contractState?: ContractState;
  /** True: the client asked for the escrow back; false: the user says no request came (yet). */
  refundRequested?: boolean;
  /** "he just sent it", "it came today": an awaited request arrived (read against what is known). */
  itArrived: boolean;
  /** A date in the message, read as a past day against the user's clock (only when one can be there). */
  date?: ArrivalResolution;
  /** A sum with its currency (only read when a digit or a currency word is present). */
  money?: MoneyAmount;
  /** A number without a currency ("sorry, it's 1100"): an amount only where one is known already. */
  bareNumber?: number;
  /** The milestone the user names ("milestone 2", "the milestone for the logo"), in their words. */
  milestone?: string;
  /** True: the work was delivered; false: the user says it was not. */
  delivered?: boolean;
  role?: SpeakerRole;
  contractType?: ContractType;
  emptyEscrow: boolean;
  /** True: money was held in escrow; false: none was. */
  escrowFunded?: boolean;
  answer?: AnswerPolarity;
  /** "don't know", "no idea" anywhere in the message, not only as the whole answer. */
  unsure: boolean;
  /** What the user says they don't know, when they name it ("whether it's hourly or fixed"). */
  unsureAbout?: UnsureSubject;
  /** "not yet", "none so far". */
  notYet: boolean;
  /** "how do I check?", "where would I see that?". */
  asksHowToCheck: boolean;
  /** "no wait", "actually", "correction:", "I meant". */
  correction: boolean;
  nearScope?: NearScopeTopic;
  /** "what if I ignore it?" (own), "what if the client never answers?" (client): who does not act. */
  inaction?: Inaction;
  /** "what happens after I file?": the question is about what follows the filing, not the steps. */
  afterFiling: boolean;
}
