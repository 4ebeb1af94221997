import { TextPrompt } from 'botbuilder-dialogs';
import { extractMoney } from '../../services/nlu/extractMoney';
import { say } from '../../services/content/responses';

/** Asks for a sum of money and accepts only an answer with an amount and a currency ("$500", "450 EUR"). */
export class AmountPrompt extends TextPrompt {
  constructor(dialogId: string) {
    super(dialogId, async (prompt) => {
      if (extractMoney(prompt.recognized.value ?? '')) return true;
      await prompt.context.sendActivity(say('amount.retry'));
      return false;
    });
  }
}
