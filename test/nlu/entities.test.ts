import { extractMilestone } from '../../src/services/nlu/entities/milestoneName';
import { extractAnswerPolarity, unsureOf } from '../../src/services/nlu/entities/answerPolarity';
import { extractContractState } from '../../src/services/nlu/entities/contractState';
import { extractContractType } from '../../src/services/nlu/entities/contractType';
import { asksAfterFiling } from '../../src/services/nlu/entities/afterFiling';
import { extractInaction } from '../../src/services/nlu/entities/consequenceQuestion';
import { hasCorrectionMarker } from '../../src/services/nlu/entities/correctionMarker';
import { withDomainSpelling } from '../../src/services/nlu/entities/domainSpelling';
import { extractEscrowFunded } from '../../src/services/nlu/entities/escrowEmpty';
import { extractDelivery } from '../../src/services/nlu/entities/deliveryMention';
import { extractNearScopeTopic } from '../../src/services/nlu/entities/nearScopeTopic';
import { extractRefundRequest } from '../../src/services/nlu/entities/refundRequest';
import { asksHowToCheck } from '../../src/services/nlu/entities/slotHelpQuestion';
import { extractSpeakerRole } from '../../src/services/nlu/entities/speakerRole';

describe('entities read from what a freelancer writes', () => {
  it.each([
    ['how do I open a dispute for my ongoing contract', 'active'],
    ["hold on, it hasn't ended yet", 'active'],
    ['my clinet closed the contarct', 'ended'],
    ['the client ended the job', 'ended'],
    ['the call ended badly', undefined],
  ])('contract state of "%s"', (text, expected) => {
    expect(extractContractState(text)).toBe(expected);
  });

  it.each([
    ['he asked for the escrow back 5 days ago', true],
    ['client wants his money back', true],
    ['he wants his $450 back', true],
    ['job is closed. request arrived today', true],
    ['no refund request yet', false],
    ['I delivered the logo', undefined],
  ])('refund request in "%s"', (text, expected) => {
    expect(extractRefundRequest(text)).toBe(expected);
  });

  it.each([
    ["I'm the client, how do I get my escrow money back?", 'client'],
    ['my client will not pay', 'freelancer'],
    ['what is arbitration', undefined],
  ])('speaker of "%s"', (text, expected) => {
    expect(extractSpeakerRole(text)).toBe(expected);
  });

  it.each([
    ["I'm on an hourly contract", 'hourly'],
    ['it is a fixed price job', 'fixed'],
    ['am I covered by fixed price protection?', undefined],
    ['no idea whether it is hourly or fixed price', undefined],
    ['fixed or hourly, I forget', undefined],
    ["it's hourly, not fixed price", 'hourly'],
  ])('contract type of "%s"', (text, expected) => {
    expect(extractContractType(text)).toBe(expected);
  });

  it.each([
    ['no idea', 'dont_know'],
    ['still no idea', 'dont_know'],
    ['unsure', 'dont_know'],
    ['none so far', 'no'],
    ['yep', 'yes'],
    ['no wait, that was 6 days ago', 'no'],
  ])('answer in "%s"', (text, expected) => {
    expect(extractAnswerPolarity(text)).toBe(expected);
  });

  it.each([
    ['no wait, that was 6 days ago', true],
    ['correction: 350 dollars', true],
    ['actually it was Monday', true],
    ['I meant the second milestone', true],
    ['ugh sorry, it was the 4th', true],
    ['no hold on, it is still open', true],
    ['ok wait, 5 days', true],
    ['the date I gave, I misread it: Tuesday', true],
    // A correction said in the middle or at the end of the message (blind5).
    ['it came on the 17th actually', true],
    ['the email actually said friday', true],
    ['friday the 20th, not monday', true],
    ["it wasn't yesterday as i said, it was the day before", true],
    ['what actually happens in mediation', false],
    ['3 days ago not 2', true],
    ['is it not mediation first', false],
    ['no idea', false],
    ['no', false],
    ['3 days ago', false],
  ])('correction marker in "%s"', (text, expected) => {
    expect(hasCorrectionMarker(text)).toBe(expected);
  });

  it.each([
    ['I delivered it last week', true],
    ["I haven't delivered yet", false],
    ['i delivred the logo last week', true],
    ['i deliver already, client not pay', true],
    ['we submit all files already', true],
    ['how do I submit my work', undefined],
    ['havent delivred it yet', false],
    ['I will deliver on Friday', undefined],
    ['what is mediation', undefined],
  ])('delivery in "%s"', (text, expected) => {
    expect(extractDelivery(text)).toBe(expected);
  });

  it.each([
    ['where would I see that?', true],
    ["I can't locate the refund request", true],
    ['how do I check?', true],
    ['wher do i find it', true],
    ['yesterday', false],
  ])('how-to-check question in "%s"', (text, expected) => {
    expect(asksHowToCheck(text)).toBe(expected);
  });

  it.each([
    ['the client approved it but the payment is still pending', 'pending_payment'],
    ['what are the service fees', 'service_fees'],
    ['why does the site take 20% of every payment', 'service_fees'],
    ['a 10 percent cut on each milestone is too much', 'service_fees'],
    ['the client paid 50% of the milestone', undefined],
    ['who pays the arbitration fee', undefined],
    ['he left me a bad review', 'reviews'],
  ])('near-scope subject of "%s"', (text, expected) => {
    expect(extractNearScopeTopic(text)).toBe(expected);
  });
});

describe('more of what a message can hold', () => {
  it.each([
    ['there was $350 in escrow', true],
    ['nothing was in escrow', false],
    ['the escrow was empty', false],
    ['what is escrow', undefined],
  ])('escrow funded in "%s"', (text, expected) => {
    expect(extractEscrowFunded(text)).toBe(expected);
  });

  it.each([
    ['my account got suspended', 'account'],
    ['how do I withdraw to my bank account', 'withdrawals'],
    ['can I get my connects back', 'connects'],
    ['a client sent me a scam link', 'conduct'],
    ['he wants extra work that was not in the contract', 'extra_work'],
    ['the client never paid and I am still waiting', undefined],
  ])('near-scope subject of "%s"', (text, expected) => {
    expect(extractNearScopeTopic(text)).toBe(expected);
  });

  it.each([
    ["I honestly don't know if it ended", 'dont_know'],
    ['i dont even know', 'dont_know'],
  ])('answer in "%s"', (text, expected) => {
    expect(extractAnswerPolarity(text)).toBe(expected);
  });

  it.each([
    ['oh wait, he ended the contract', true],
    ['hmm no, the 22nd', true],
  ])('correction marker in "%s"', (text, expected) => {
    expect(hasCorrectionMarker(text)).toBe(expected);
  });
});

describe('refund requests in other words', () => {
  it.each([
    'now asks for the escrow to be returned to him',
    'asked Upwork to give him back the funded milestone',
    'the request arrived on monday',
  ])('"%s" is a refund request', (text) => {
    expect(extractRefundRequest(text)).toBe(true);
  });
});

describe('who does not act, in a question about what follows', () => {
  it.each([
    ["so what if I simply don't reply to it?", 'own'],
    ['if we let the window pass, then what', 'own'],
    ['and if I forget about it', 'own'],
    ['what happens when the buyer goes quiet on the mediator', 'client'],
    ['suppose they never answer the specialist?', 'client'],
    ['no reply from the client to mediation, what happens', 'client'],
    ['and what if it expires?', 'own'],
    ['suppose I leave his refund request pending, what then?', 'own'],
    ['what if I never click anything on it?', 'own'],
    // Not a consequence question: another question, or no one failing to act.
    ['does the protection cover me if the client goes quiet?', undefined],
    ['if the client stops answering can I still file?', undefined],
    ['what if the client rejects the recommendation?', undefined],
    ['the client ignored my messages and ended the contract', undefined],
  ])('"%s" -> %s', (text, expected) => {
    expect(extractInaction(text)).toBe(expected);
  });
});

describe('a question about what follows the filing', () => {
  it.each([
    ['who contacts me once the dispute has been submitted?', true],
    ['after hitting Continue to Dispute, what then', true],
    ['what happens after customer support opens a case', true],
    ['when the case is opened, how long does it take', true],
    ['after the see request step, what do I click', false],
    ['after opening the refund request what do I pick', false],
    ['how do I file a dispute', false],
  ])('"%s" -> %s', (text, expected) => {
    expect(asksAfterFiling(text)).toBe(expected);
  });
});

describe('domain words typed in a hurry', () => {
  it.each([
    ['refnd reqest came 4 dys ago', 'refund request came 4 days ago'],
    ['my clint closd the contrct', 'my client closed the contract'],
    ['the escrw for the milstone', 'the escrow for the milestone'],
    // Other words with the same consonants stay as typed: longer ones, and those left out on purpose.
    ['I refined it, contact me', 'I refined it, contact me'],
    ['despite that he does nothing', 'despite that he does nothing'],
  ])('"%s" is read as "%s"', (typed, read) => {
    expect(withDomainSpelling(typed)).toBe(read);
  });
});

describe('values written around other words (after the blind3 batch)', () => {
  it.each([
    ['he asked for it back 2 days ago', true],
    ['the request came in on monday', true],
    ['he never asked for it back', false],
    ['nothing requested so far', false],
  ])('refund request in "%s"', (text, expected) => {
    expect(extractRefundRequest(text)).toBe(expected);
  });

  it.each([
    ['no idea if it is hourly or fixed, but the milestone was delivered', 'fixed'],
    ['fixed price or hourly?', undefined],
    ['the client rejected my timesheet', 'hourly'],
  ])('contract type of "%s"', (text, expected) => {
    expect(extractContractType(text)).toBe(expected);
  });

  it.each([
    ['the milestone on the running contract is unpaid', 'active'],
    ['I mixed up my contracts, that one is still active', 'active'],
  ])('contract state of "%s"', (text, expected) => {
    expect(extractContractState(text)).toBe(expected);
  });

  it.each([
    ["I'm actually the client, I want the escrow back", 'client'],
    ['I would like the funds back from my freelancer', 'client'],
  ])('speaker of "%s"', (text, expected) => {
    expect(extractSpeakerRole(text)).toBe(expected);
  });
});

describe('what the user says they do not know', () => {
  it.each([
    ["no idea whether it's hourly or fixed", 'contract_type'],
    ["I can't remember if the contract was fixed price", 'contract_type'],
    ['not sure if the contract ended', 'contract_state'],
    ["I don't know when he asked", undefined],
  ])('"%s" is unsure of %s', (text, expected) => {
    expect(unsureOf(text)).toBe(expected);
  });
});

describe('the milestone the user names', () => {
  it.each([
    ['client wont release milestone 2, contract still going', 'milestone 2'],
    ['he is sitting on milestone #3', 'milestone 3'],
    ['the milestone for the logo pack was delivered', 'logo pack'],
    ['the "landing page" milestone is still unpaid', 'landing page'],
    ['the second milestone never got released', 'second milestone'],
    ['my client will not release the milestone', undefined],
    ['there is money in escrow for a milestone', undefined],
  ])('"%s" -> %s', (text, expected) => {
    expect(extractMilestone(text)).toBe(expected);
  });
});
