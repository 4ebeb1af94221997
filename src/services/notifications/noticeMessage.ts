import type { InfoContent } from '../replies/infoContent';
import type { PolicyContent } from '../content/PolicyContent';
import { say } from '../content/responses';
import type { Stage } from '../disputes/schemas';
import type { DisputeNotice } from './DisputeNotice';

/** The stage as named inside a sentence ("moved from “filed” to “in mediation”"). */
function stageName(stage: Stage): string {
  return say(`notice.stage.${stage}`);
}

/**
 * What the owner is told about one change: what happened, then what it means and what to do next.
 * Policy statements are the configured fact wording (P9-P13); the rest is plain status, worded in
 * content/responses.en.json.
 */
export function noticeMessage(notice: DisputeNotice, content: PolicyContent): InfoContent {
  return { title: say('notice.title', {}, { id: notice.disputeId }), lines: noticeLines(notice, content) };
}

function noticeLines(notice: DisputeNotice, content: PolicyContent): string[] {
  const ids = { id: notice.disputeId };
  const quote = notice.quoted ? [say('notice.quoted', {}, { quoted: notice.quoted })] : [];
  switch (notice.event) {
    case 'filed':
      return [
        say('notice.filed', {}, ids),
        say('notice.filed.next', {}, { next: content.fact('P9') }),
        say('notice.willTellYou'),
      ];
    case 'withdrawn':
      return [say('notice.withdrawn', {}, ids)];
    case 'recommendation_issued':
      return [
        say('notice.recommendationIssued', {}, ids),
        ...quote,
        content.fact('P11'),
        say('notice.acceptOrReject'),
        content.fact('P12'),
      ];
    case 'recommendation_response':
      return responseLines(notice, content);
    case 'client_unresponsive':
      return [say('notice.clientUnresponsive', {}, ids), content.fact('P10')];
    case 'decision_recorded':
      return [say('notice.decisionRecorded', {}, ids), ...quote, content.fact('P12')];
    case 'stage_changed':
      return stageLines(notice, content);
    case 'detail_added':
    case 'reminders_changed':
      return [say('notice.updated', {}, ids)];
  }
}

function stageLines(notice: DisputeNotice, content: PolicyContent): string[] {
  const ids = { id: notice.disputeId };
  switch (notice.to) {
    case 'in_mediation':
      return [
        say('notice.inMediation', {}, ids),
        content.fact('P9'),
        content.fact('P11'),
        say('notice.willTellYou'),
      ];
    case 'arbitration':
      return [say('notice.arbitration', {}, ids), content.fact('P12'), content.fact('P13')];
    case 'resolved':
      return [say('notice.resolved', {}, ids)];
    default:
      return notice.from && notice.to
        ? [say('notice.stageMoved', {}, { ...ids, from: stageName(notice.from), to: stageName(notice.to) })]
        : [say('notice.updated', {}, ids)];
  }
}

function responseLines(notice: DisputeNotice, content: PolicyContent): string[] {
  const ids = { id: notice.disputeId };
  const answered = notice.response
    ? say(
        notice.response.party === 'client' ? 'notice.answered.client' : 'notice.answered.owner',
        {},
        {
          ...ids,
          answer: say(`notice.answer.${notice.response.answer}`),
        },
      )
    : say('notice.answerRecorded', {}, ids);
  switch (notice.to) {
    case 'recommendation_rejected':
      return [answered, content.fact('P12'), content.fact('P13')];
    case 'recommendation_accepted':
      return [answered, say('notice.bothAccepted', {}, { willTellYou: say('notice.willTellYou') })];
    default:
      return notice.response?.party === 'client'
        ? [answered, say('notice.giveYourAnswer')]
        : [answered, say('notice.clientNotAnswered'), say('notice.willTellYou')];
  }
}
