import type { PolicyContent } from '../services/content/PolicyContent';
import type { CannotHandleReason } from './policy/Command';
import { say } from '../services/content/responses';

/**
 * What the assistant says to a request it does not cover, in a flow or from the menu: why not, what
 * it does cover (for hourly work the protection's own cases, fact P1, so the user can tell whether
 * anything applies), and where to go instead.
 */
export function cannotHandleLines(content: PolicyContent, reason: CannotHandleReason): string[] {
  const { values } = content;
  return [
    say(`cannotHandle.${reason}`, values),
    reason === 'hourly' ? content.fact('P1') : say('cannotHandle.scope', values),
    say('cannotHandle.pointer', values),
  ];
}
