import { DialogTurnResult, WaterfallDialog, WaterfallStepContext } from 'botbuilder-dialogs';
import type { Choice } from '../../services/replies/choice';
import { extractMoney } from '../../services/nlu/extractMoney';
import { CancelAndHelpDialog } from '../CancelAndHelpDialog';
import type { FlowDependencies } from '../FlowDependencies';
import { ChannelChoicePrompt } from '../prompts/ChannelChoicePrompt';
import {
  CLAIM_FIELDS,
  ClaimDraft,
  ClaimField,
  claimStatement,
  missingParts,
  REQUIRED_FIELDS,
} from '../../services/disputes/claimDraft';
import { AmountPrompt } from '../prompts/AmountPrompt';
import { NonEmptyTextPrompt } from '../prompts/NonEmptyTextPrompt';
import { slotTag } from '../policy/SlotName';
import { say } from '../../services/content/responses';
import { sendReply } from '../sendReply';

export const CLAIM_DIALOG = 'claimDialog';
const COLLECT_WATERFALL = 'claimCollect';
const REVIEW_WATERFALL = 'claimReview';
const TEXT_PROMPT = 'claimTextPrompt';
const AMOUNT_PROMPT = 'claimAmountPrompt';
const REVIEW_PROMPT = 'claimReviewPrompt';

const NOTHING = /^(none|no|nothing|n\/a|na|-|skip|no evidence|i don'?t have any)\.?$/i;

/** Collects the claim part by part, then shows it for review; the user can edit any part before filing. */
export class ClaimDialog extends CancelAndHelpDialog {
  constructor(deps: FlowDependencies) {
    super(CLAIM_DIALOG, deps);
    this.addDialog(new NonEmptyTextPrompt(TEXT_PROMPT));
    this.addDialog(new AmountPrompt(AMOUNT_PROMPT));
    this.addDialog(new ChannelChoicePrompt(REVIEW_PROMPT, deps.renderer));
    this.addDialog(
      new WaterfallDialog(
        COLLECT_WATERFALL,
        CLAIM_FIELDS.flatMap(({ field }) => [this.askStep(field), this.keepStep(field)]).concat(
          this.toReviewStep.bind(this),
        ),
      ),
    );
    this.addDialog(
      new WaterfallDialog(REVIEW_WATERFALL, [
        this.showStep.bind(this),
        this.reviewChoiceStep.bind(this),
        this.editedStep.bind(this),
      ]),
    );
    this.initialDialogId = COLLECT_WATERFALL;
  }

  protected helpText(): string {
    return say('claim.help', this.deps.content.values);
  }

  private askStep(field: ClaimField) {
    return async (step: WaterfallStepContext): Promise<DialogTurnResult> => {
      // An amount given in any earlier message ("we agreed $300") is not asked again.
      if (field === 'amount' && (await this.deps.slots.get(step.context)).amount) return step.next(undefined);
      return step.prompt(field === 'amount' ? AMOUNT_PROMPT : TEXT_PROMPT, {
        prompt: say(`claim.ask.${field}`, this.deps.content.values),
        ...slotTag(field === 'amount' ? 'amount' : 'claim_text'),
      });
    };
  }

  private keepStep(field: ClaimField) {
    return async (step: WaterfallStepContext): Promise<DialogTurnResult> => {
      if (typeof step.result === 'string') await this.keep(step, draftOf(step), field, step.result);
      return step.next();
    };
  }

  /** The amount lives in the known slots, so a later correction reaches the claim too. */
  private async keep(step: WaterfallStepContext, draft: ClaimDraft, field: ClaimField, answer: string) {
    if (field !== 'amount') return setField(draft, field, answer);
    const money = extractMoney(answer.trim());
    if (money)
      await this.deps.slots.update(step.context, {
        amount: { value: money.amount, currency: money.currency },
      });
  }

  private async toReviewStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    return step.replaceDialog(REVIEW_WATERFALL, draftOf(step));
  }

  private async showStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { amount } = await this.deps.slots.get(step.context);
    const draft = { ...(step.options as ClaimDraft), amount };
    const { content } = this.deps;
    const missing = missingParts(draft);
    const lines = [claimStatement(draft)];
    if (missing.length > 0) {
      const names = CLAIM_FIELDS.filter(({ field }) => missing.includes(field)).map(({ label }) =>
        label.toLowerCase(),
      );
      lines.push(
        say('claim.stillMissing', content.values, { missing: names.join(', '), pointer: content.fact('S2') }),
      );
    } else {
      lines.push(content.fact('P6'));
    }
    await sendReply(step.context, this.deps.renderer, {
      kind: 'info',
      title: say('claim.title', content.values),
      lines,
    });
    const canFile = REQUIRED_FIELDS.every((field) => !missing.includes(field));
    const choices: Choice[] = [
      ...(canFile
        ? [
            {
              value: 'file',
              title: say('claim.choice.file', content.values),
              synonyms: ['looks good', 'confirm', 'file it'],
            },
          ]
        : []),
      ...CLAIM_FIELDS.map(({ field, label }) => ({
        value: `edit:${field}`,
        title: say('claim.choice.change', content.values, { label }),
      })),
    ];
    return step.prompt(REVIEW_PROMPT, {
      ...slotTag('claim_review'),
      prompt: say(canFile ? 'claim.review.prompt' : 'claim.review.incomplete', content.values),
      retryPrompt: say('claim.review.retry', content.values),
      choices,
    });
  }

  private async reviewChoiceStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const picked = (step.result as Choice).value;
    const { amount } = await this.deps.slots.get(step.context);
    const draft = { ...(step.options as ClaimDraft), amount };
    if (picked === 'file') return step.endDialog({ ...draft, statement: claimStatement(draft) });
    const field = picked.slice('edit:'.length) as ClaimField;
    (step.values as { editing?: ClaimField }).editing = field;
    return step.prompt(field === 'amount' ? AMOUNT_PROMPT : TEXT_PROMPT, {
      prompt: say(`claim.ask.${field}`, this.deps.content.values),
      ...slotTag(field === 'amount' ? 'amount' : 'claim_text'),
    });
  }

  private async editedStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const draft = { ...(step.options as ClaimDraft) };
    const field = (step.values as { editing?: ClaimField }).editing;
    if (field) await this.keep(step, draft, field, step.result as string);
    return step.replaceDialog(REVIEW_WATERFALL, draft);
  }
}

function draftOf(step: WaterfallStepContext): ClaimDraft {
  const values = step.values as { draft?: ClaimDraft };
  values.draft ??= {};
  return values.draft;
}

/** The text parts of the claim; the amount is kept in the known slots (see keep). */
function setField(draft: ClaimDraft, field: Exclude<ClaimField, 'amount'>, answer: string): void {
  const text = answer.trim();
  switch (field) {
    case 'evidence':
      draft.evidence = NOTHING.test(text)
        ? []
        : text
            .split(/[,;\n]+/)
            .map((item) => item.trim())
            .filter(Boolean);
      return;
    case 'clientLastMessage':
      draft.clientLastMessage = NOTHING.test(text) ? undefined : text;
      return;
    default:
      draft[field] = text;
  }
}
