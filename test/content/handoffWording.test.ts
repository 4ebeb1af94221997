import responses from '../../content/responses.en.json';
import { PolicyContent } from '../../src/services/content/PolicyContent';
import { templateOf } from '../../src/services/content/responses';
import { HandoffWording, type HandoffSentence } from '../../src/services/handoff/handoffWording';

/**
 * The hand-off's sentences come from content/responses.en.json. A sentence edited to name a value the
 * code does not fill would reach users with its braces showing; the hand-off refuses to start instead.
 */
describe('hand-off wording', () => {
  const content = PolicyContent.load();

  it('comes from the content file, with the waiting time filled in', () => {
    const wording = new HandoffWording(content);
    expect(wording.text('handoff.queued')).toBe(responses['handoff.queued']);
    expect(wording.leaveQueue.title).toBe(responses['handoff.choice.leaveQueue']);
    const notAnswered = wording.text('handoff.notAnswered', { waited: wording.waited(300) });
    expect(notAnswered).toMatch(/you have waited about 5 minutes/);
    expect(wording.text('handoff.notAnswered', { waited: wording.waited(40) })).toMatch(/waited 40 seconds/);
    expect(notAnswered).not.toMatch(/[{}]/);
  });

  it('every hand-off sentence in the file is known to the hand-off (none left unchecked)', () => {
    const inFile = Object.keys(responses).filter((id) => id.startsWith('handoff.'));
    const checked: string[] = [];
    new HandoffWording(content, (id) => {
      checked.push(id);
      return templateOf(id);
    });
    expect([...new Set(checked)].sort()).toEqual(inFile.sort());
  });

  it('refuses to start when a sentence names a value nobody fills', () => {
    const edited = (id: HandoffSentence) =>
      id === 'handoff.accepted' ? 'A person from {supportTeamName} has joined.' : templateOf(id);
    expect(() => new HandoffWording(content, edited)).toThrow(/handoff\.accepted \{supportTeamName\}/);
  });

  it('fills a policy value named in a hand-off sentence', () => {
    const edited = (id: HandoffSentence) =>
      id === 'handoff.accepted' ? 'A person from {platformName} has joined.' : templateOf(id);
    expect(new HandoffWording(content, edited).text('handoff.accepted')).toBe(
      'A person from Upwork has joined.',
    );
  });
});
