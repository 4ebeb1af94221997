import type { InfoContent } from '../replies/infoContent';
import type { PolicyContent } from '../content/PolicyContent';
import type { Stage } from '../disputes/schemas';
import type { DisputeNotice } from './DisputeNotice';

const STAGE_NAMES: Record<Stage, string> = {
  draft: 'draft',
  filed: 'filed',
  in_mediation: 'in mediation',
  recommendation_issued: 'recommendation issued',
  recommendation_accepted: 'recommendation accepted',
  recommendation_rejected: 'recommendation rejected',
  arbitration: 'in arbitration',
  decided: 'decided',
  resolved: 'resolved',
  withdrawn: 'withdrawn',
};

const I_WILL_TELL_YOU = 'I’ll message you here when anything changes.';

/**
 * What the owner is told about one change: what happened, then what it means and what to do next.
 * Policy statements are the configured fact wording (P9-P13); the rest is plain status.
 */
export function noticeMessage(notice: DisputeNotice, content: PolicyContent): InfoContent {
  return { title: `Update on your dispute ${notice.disputeId}`, lines: noticeLines(notice, content) };
}

function noticeLines(notice: DisputeNotice, content: PolicyContent): string[] {
  const id = notice.disputeId;
  const quote = notice.quoted ? [`“${notice.quoted}”`] : [];
  switch (notice.event) {
    case 'filed':
      return [`Your dispute ${id} is recorded.`, `What happens next: ${content.fact('P9')}`, I_WILL_TELL_YOU];
    case 'withdrawn':
      return [`Dispute ${id} has been withdrawn and is now closed.`];
    case 'recommendation_issued':
      return [
        `The mediation specialist has made a recommendation on dispute ${id}:`,
        ...quote,
        content.fact('P11'),
        'What to do next: you can accept the recommendation or reject it.',
        content.fact('P12'),
      ];
    case 'recommendation_response':
      return responseLines(notice, content);
    case 'client_unresponsive':
      return [
        `The mediation specialist could not reach your client about dispute ${id}.`,
        content.fact('P10'),
      ];
    case 'decision_recorded':
      return [`The arbitrator has decided dispute ${id}:`, ...quote, content.fact('P12')];
    case 'stage_changed':
      return stageLines(notice, content);
    case 'detail_added':
    case 'reminders_changed':
      return [`Dispute ${id} was updated.`];
  }
}

function stageLines(notice: DisputeNotice, content: PolicyContent): string[] {
  const id = notice.disputeId;
  switch (notice.to) {
    case 'in_mediation':
      return [`Dispute ${id} is now in mediation.`, content.fact('P9'), content.fact('P11'), I_WILL_TELL_YOU];
    case 'arbitration':
      return [`Dispute ${id} has moved to arbitration.`, content.fact('P12'), content.fact('P13')];
    case 'resolved':
      return [`Dispute ${id} is resolved and now closed.`];
    default:
      return notice.from && notice.to
        ? [`Dispute ${id} moved from “${STAGE_NAMES[notice.from]}” to “${STAGE_NAMES[notice.to]}”.`]
        : [`Dispute ${id} was updated.`];
  }
}

function responseLines(notice: DisputeNotice, content: PolicyContent): string[] {
  const id = notice.disputeId;
  const who = notice.response?.party === 'client' ? 'Your client' : 'You';
  const answered = notice.response
    ? `${who} ${notice.response.answer} the recommendation on dispute ${id}.`
    : `An answer to the recommendation on dispute ${id} was recorded.`;
  switch (notice.to) {
    case 'recommendation_rejected':
      return [answered, content.fact('P12'), content.fact('P13')];
    case 'recommendation_accepted':
      return [answered, `Both you and your client have accepted it. ${I_WILL_TELL_YOU}`];
    default:
      return notice.response?.party === 'client'
        ? [answered, 'What to do next: give your own answer. You can accept the recommendation or reject it.']
        : [answered, 'Your client has not answered yet.', I_WILL_TELL_YOU];
  }
}
