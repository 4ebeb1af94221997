import type { PolicyContent } from '../../services/content/PolicyContent';
import type { Stage } from '../../services/disputes/schemas';
import { lowerFirst } from '../sentenceCase';

/** How a stage is named to the user, and what comes next from there (policy facts where policy is stated). */
export function stageGuide(stage: Stage, content: PolicyContent): { label: string; next: string } {
  switch (stage) {
    case 'draft':
      return { label: 'Draft', next: 'Finish the claim and record it.' };
    case 'filed':
      return {
        label: 'Filed',
        next: `Make sure you completed the dispute steps on the platform. Next: ${lowerFirst(content.fact('P9'))}`,
      };
    case 'in_mediation':
      return { label: 'In mediation', next: content.fact('P11') };
    case 'recommendation_issued':
      return {
        label: 'Recommendation issued',
        next: `The mediation specialist made a recommendation, and it is not binding: you can accept or reject it. ${content.fact('P12')}`,
      };
    case 'recommendation_accepted':
      return {
        label: 'Recommendation accepted',
        next: 'Both sides accepted the recommendation; the dispute is being settled on that basis.',
      };
    case 'recommendation_rejected':
      return { label: 'Recommendation rejected', next: `${content.fact('P12')} ${content.fact('P13')}` };
    case 'arbitration':
      return { label: 'In arbitration', next: `${content.fact('P12')} ${content.fact('P13')}` };
    case 'decided':
      return { label: 'Decided by the arbitrator', next: 'The arbitrator’s decision is final.' };
    case 'resolved':
      return { label: 'Resolved', next: 'Nothing more to do.' };
    case 'withdrawn':
      return { label: 'Withdrawn', next: 'Nothing more to do.' };
  }
}
