import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';

const repoRoot = path.resolve(__dirname, '../..');
const depcruise = path.join(repoRoot, 'node_modules/.bin/depcruise');
const config = path.join(repoRoot, '.dependency-cruiser.cjs');
const knownViolations = path.join(repoRoot, '.dependency-cruiser-known-violations.json');

/** Runs the layer checker of `npm run lint` on a tree, without lint's baseline of known violations. */
function checkLayers(cwd: string): { status: number | null; output: string } {
  const args = ['src', '--config', config, '--output-type', 'err'];
  const result = spawnSync(depcruise, args, { cwd, encoding: 'utf8' });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

describe('layers import only downward (npm run lint)', () => {
  it('fails on an upward import: config importing the composition root', () => {
    const { status, output } = checkLayers(path.join(__dirname, 'upwardImportFixture'));
    expect(status).not.toBe(0);
    expect(output).toContain('no-upward-import-from-config');
    expect(output).toContain('src/config/settings.ts → src/app.ts');
  });

  it('fails on a folder that takes no place in the layers', () => {
    const { status, output } = checkLayers(path.join(__dirname, 'upwardImportFixture'));
    expect(status).not.toBe(0);
    expect(output).toContain('every-module-in-a-layer: src/gadgets/gadget.ts → src/app.ts');
  });

  it('fails on a domain service that imports the Bot Framework SDK', () => {
    const { status, output } = checkLayers(path.join(__dirname, 'upwardImportFixture'));
    expect(status).not.toBe(0);
    expect(output).toMatch(
      /no-sdk-in-domain: src\/services\/handoff\/caseWithTurn\.ts → \S*node_modules\/botbuilder\//,
    );
  });

  it('passes on the project itself, with no known violation waved through', () => {
    const { status, output } = checkLayers(repoRoot);
    expect(output).toContain('no dependency violations found');
    expect(status).toBe(0);
    // lint ignores what the baseline lists: it stays empty, so a new upward import always fails.
    expect(JSON.parse(readFileSync(knownViolations, 'utf8'))).toEqual([]);
  });
});
