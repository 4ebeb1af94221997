import { BotConversation, textOf } from '../../support/botConversation';

/** The turns from hello to "step 1 of 7" of the ended-contract checklist. */
export async function reachChecklist(conversation: BotConversation): Promise<string> {
  await conversation.send('my client ended the job and requested the escrow back');
  return textOf(await conversation.send('yesterday'));
}

/** From the checklist to the claim review, where "Looks good, record it" files the dispute. */
export async function reachClaimReview(conversation: BotConversation): Promise<string> {
  await reachChecklist(conversation);
  await conversation.send('write my claim');
  await conversation.send('A logo and brand guide, milestone 2 of the contract');
  await conversation.send('Final files on 12 November via the messages');
  await conversation.send('$500');
  await conversation.send('https://drive.example/final.zip, brand-guide.pdf');
  return textOf(await conversation.send('She said thanks on 14 November, then asked for a refund'));
}

export const RECORD_IT = 'Looks good, record it';

/** The dispute reference in a confirmation, if there is one. */
export function referenceIn(text: string): string | undefined {
  return /reference is (FPD-[0-9A-Z]+)/.exec(text)?.[1];
}

/** The checklist step a reply shows ("Step 3 of 7" gives 3). */
export function stepIn(text: string): number | undefined {
  const match = /Step (\d+) of 7/.exec(text);
  return match ? Number(match[1]) : undefined;
}
