import { spawnSync } from 'node:child_process';
import path from 'node:path';

const repoRoot = path.resolve(__dirname, '../..');
const depcruise = path.join(repoRoot, 'node_modules/.bin/depcruise');
const config = path.join(repoRoot, '.dependency-cruiser.cjs');

/** Runs the layer checker of `npm run lint` on a tree, as lint does. */
function checkLayers(cwd: string, ignoreKnown: boolean): { status: number | null; output: string } {
  const args = ['src', '--config', config, '--output-type', 'err'];
  if (ignoreKnown)
    args.push('--ignore-known', path.join(repoRoot, '.dependency-cruiser-known-violations.json'));
  const result = spawnSync(depcruise, args, { cwd, encoding: 'utf8' });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

describe('layers import only downward (npm run lint)', () => {
  it('fails on an upward import: config importing the composition root', () => {
    const { status, output } = checkLayers(path.join(__dirname, 'upwardImportFixture'), false);
    expect(status).not.toBe(0);
    expect(output).toContain('no-upward-import-from-config');
    expect(output).toContain('src/config/settings.ts → src/app.ts');
  });

  it('fails on a folder that takes no place in the layers', () => {
    const { status, output } = checkLayers(path.join(__dirname, 'upwardImportFixture'), false);
    expect(status).not.toBe(0);
    expect(output).toContain('every-module-in-a-layer: src/gadgets/gadget.ts → src/app.ts');
  });

  it('fails on a domain service that imports the Bot Framework SDK', () => {
    const { status, output } = checkLayers(path.join(__dirname, 'upwardImportFixture'), false);
    expect(status).not.toBe(0);
    expect(output).toMatch(
      /no-sdk-in-domain: src\/services\/handoff\/caseWithTurn\.ts → \S*node_modules\/botbuilder\//,
    );
  });

  it('passes on the project itself, with only the listed known violations left to remove', () => {
    const { status, output } = checkLayers(repoRoot, true);
    expect(output).toContain('no dependency violations found');
    expect(status).toBe(0);
  });
});
