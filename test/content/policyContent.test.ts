import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PolicyContent } from '../../src/services/content/PolicyContent';
import { FACT_IDS } from '../../src/services/content/factIds';
import { DialogHarness } from '../support/dialogHarness';

// The policy beside the project is the source of truth; sharedPolicy/ is its copy, for a machine
// that has only this repository (a fresh clone anywhere).
const SHARED_POLICY = path.resolve(__dirname, '../../../shared/policy');
const COPIED_POLICY = path.resolve(__dirname, 'sharedPolicy');
const POLICY_FILES = ['FACTS.md', 'fixed-price-protection.source.txt'];
const FACTS_MD = path.join(COPIED_POLICY, 'FACTS.md');
const SOURCE_TXT = path.join(COPIED_POLICY, 'fixed-price-protection.source.txt');

function overrideFile(contents: unknown): string {
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'content-')), 'override.json');
  writeFileSync(file, JSON.stringify(contents));
  return file;
}

describe('policy content', () => {
  it('reads the policy from a copy that is word for word the shared one, where that is at hand', () => {
    for (const file of POLICY_FILES) {
      const copy = readFileSync(path.join(COPIED_POLICY, file), 'utf8');
      expect(copy.length).toBeGreaterThan(0);
      const shared = path.join(SHARED_POLICY, file);
      if (existsSync(shared)) expect(copy).toBe(readFileSync(shared, 'utf8'));
    }
  });

  it('has wording for exactly the fact ids of FACTS.md', () => {
    const ids = [...readFileSync(FACTS_MD, 'utf8').matchAll(/^\| ([PS]\d+) \|/gm)].map((match) => match[1]);
    expect([...FACT_IDS].sort()).toEqual([...new Set(ids)].sort());
  });

  it('states the primary facts by default: 7 days, the American Arbitration Association', () => {
    const content = PolicyContent.load();
    expect(content.fact('P3')).toMatch(/7 days/);
    expect(content.fact('P12')).toMatch(/American Arbitration Association/);
    expect(content.lines('P4')).toHaveLength(7);
  });

  it('pastes no sentence of the source article', () => {
    const source = readFileSync(SOURCE_TXT, 'utf8');
    const sentences = source
      .split(/(?<=[.!?])\s+|\n/)
      .map((sentence) => sentence.trim())
      .filter((sentence) => sentence.split(' ').length >= 8);
    const ours = FACT_IDS.flatMap((id) => PolicyContent.load().lines(id)).join('\n');
    for (const sentence of sentences) expect(ours).not.toContain(sentence);
  });

  it('rejects an override with an unknown fact or value', () => {
    expect(() => PolicyContent.load(overrideFile({ facts: { P99: 'x' } }))).toThrow();
    expect(() =>
      PolicyContent.load(overrideFile({ values: { refundResponseWindowDays: 'seven' } })),
    ).toThrow();
  });

  it('follows an operator override of a value and of a wording, in the replies too', async () => {
    const file = overrideFile({
      values: { refundResponseWindowDays: 5, arbitrationProvider: 'Neutral Arbitration Forum' },
      facts: { P13: 'Arbitration costs money; the fee is shared by you, the client and {platformName}.' },
    });
    const content = PolicyContent.load(file);
    expect(content.values.refundResponseWindowDays).toBe(5);
    const harness = await DialogHarness.create('webchat', content);
    expect(await harness.ask('how long do I have to respond to a refund request')).toMatch(/5 days/);
    const arbitration = await harness.ask('what happens if mediation fails?');
    expect(arbitration).toMatch(/Neutral Arbitration Forum/);
    expect(arbitration).not.toMatch(/American Arbitration Association/);
    expect(await harness.ask('who pays for arbitration')).toMatch(
      /fee is shared by you, the client and Upwork/,
    );
  });
});
