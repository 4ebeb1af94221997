import type { PolicyContent } from '../../services/content/PolicyContent';
import type { Stage } from '../../services/disputes/schemas';
import { say } from '../../services/content/responses';
import { lowerFirst } from '../sentenceCase';

/** How a stage is named to the user, and what comes next from there (policy facts where policy is stated). */
export function stageGuide(stage: Stage, content: PolicyContent): { label: string; next: string } {
  const { values } = content;
  const label = say(`stage.${stage}.label`, values);
  switch (stage) {
    case 'draft':
    case 'recommendation_accepted':
    case 'decided':
      return { label, next: say(`stage.${stage}.next`, values) };
    case 'filed':
      return { label, next: say('stage.filed.next', values, { next: lowerFirst(content.fact('P9')) }) };
    case 'in_mediation':
      return { label, next: content.fact('P11') };
    case 'recommendation_issued':
      return { label, next: say('stage.recommendation_issued.next', values, { next: content.fact('P12') }) };
    case 'recommendation_rejected':
    case 'arbitration':
      return { label, next: `${content.fact('P12')} ${content.fact('P13')}` };
    case 'resolved':
    case 'withdrawn':
      return { label, next: say('stage.closed.next', values) };
  }
}
