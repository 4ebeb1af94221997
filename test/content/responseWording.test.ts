import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import responseWording from '../../content/responses.en.json';

const SRC = path.resolve(__dirname, '../../src');
const wording: Record<string, string> = responseWording;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}

const sources = sourceFiles(SRC).map((file) => ({
  file: path.relative(SRC, file),
  text: readFileSync(file, 'utf8'),
}));

/** Where the assistant's sentences would be written inline: a prompt, a re-prompt, a title, a message. */
const INLINE_WORDING = /\b(?:prompt|retryPrompt|title):\s*(['"`])|sendActivity\(\s*(['"`])/g;

/** A template literal that only joins wording (`${a} ${b}`) writes no words of its own. */
function writesWords(text: string, at: number): boolean {
  if (text[at] !== '`') return true;
  const end = text.indexOf('`', at + 1);
  return /[A-Za-z]/.test(text.slice(at + 1, end).replace(/\$\{[^}]*\}/g, ''));
}

/**
 * The domain services that word what the user reads (notices, reminders, the claim, time left): each
 * listed module, and any other module in these folders that says something, is scanned.
 */
const WORDING_SERVICES = /^services\/(notifications|reminders|disputes|time)\//;
const WORDING_MODULES = [
  'services/notifications/noticeMessage.ts',
  'services/reminders/reminderMessage.ts',
  'services/disputes/claimDraft.ts',
  'services/time/formatting.ts',
];

/** Every string literal, read left to right so one literal's closing quote never opens the next. */
const STRING_LITERAL = /'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"|`(?:[^`\\]|\\.)*`/g;

/** Words and a space outside `${…}` make a sentence (or part of one); ids and `${a} ${b}` joins do not. */
function isWording(literal: string): boolean {
  const own = literal.slice(1, -1).replace(/\$\{[^}]*\}/g, '');
  return /[A-Za-z]{2,}/.test(own) && / /.test(own);
}

/** The code without comments, imports and luxon date patterns (`toFormat('cccc d LLLL')`), which are not wording. */
function codeOnly(text: string): string {
  return text
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/^\s*\/\/.*$/gm, '')
    .replace(/^import .*$/gm, '')
    .replace(/toFormat\(\s*'[^']*'\s*\)/g, '');
}

// Static scans: every wording id the code asks for is in content/responses.en.json, and the dialogs
// and the bot write no sentence of their own, so all wording can be reviewed and translated there.
describe('response wording', () => {
  it('has a sentence for every id the code says', () => {
    const missing = sources.flatMap(({ file, text }) =>
      [...text.matchAll(/\bsay\(\s*'([^']+)'/g)]
        .map((match) => match[1])
        .filter((id) => !(id in wording))
        .map((id) => `${file}: ${id}`),
    );
    expect(missing).toEqual([]);
  });

  it('has sentences for every id built from a prefix', () => {
    const prefixes = sources.flatMap(({ file, text }) =>
      [...text.matchAll(/\bsay\(\s*`([^`$]*)\$\{/g)].map((match) => ({ file, prefix: match[1] })),
    );
    expect(prefixes.length).toBeGreaterThan(0);
    const missing = prefixes.filter(
      ({ prefix }) => !Object.keys(wording).some((id) => id.startsWith(prefix)),
    );
    expect(missing).toEqual([]);
  });

  it('keeps no sentence inline in the dialogs or the bot', () => {
    const inline = sources
      .filter(({ file }) => /^(dialogs|bot)\//.test(file))
      .flatMap(({ file, text }) =>
        [...text.matchAll(INLINE_WORDING)]
          .filter((match) => writesWords(text, (match.index ?? 0) + match[0].length - 1))
          .map((match) => `${file}:${text.slice(0, match.index).split('\n').length}: ${match[0]}`),
      );
    expect(inline).toEqual([]);
  });

  it('keeps no sentence inline in the services that word notices, reminders, the claim and time left', () => {
    const scanned = sources.filter(
      ({ file, text }) =>
        WORDING_MODULES.includes(file) || (WORDING_SERVICES.test(file) && /\bsay\(/.test(text)),
    );
    expect(scanned.map(({ file }) => file)).toEqual(expect.arrayContaining(WORDING_MODULES));
    const inline = scanned.flatMap(({ file, text }) =>
      (codeOnly(text).match(STRING_LITERAL) ?? []).filter(isWording).map((literal) => `${file}: ${literal}`),
    );
    expect(inline).toEqual([]);
  });

  it('words each re-prompt differently from its prompt', () => {
    const retries = Object.keys(wording).filter((id) => id.endsWith('.retry'));
    expect(retries.length).toBeGreaterThan(0);
    for (const retry of retries) {
      const prompt = wording[retry.replace(/\.retry$/, '.prompt')];
      if (prompt !== undefined) expect(wording[retry]).not.toEqual(prompt);
    }
  });
});
