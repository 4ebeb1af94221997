import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const ROOT = path.join(__dirname, '..', '..');
const APP_ID = '0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0';

function packageTeams(env: Record<string, string>, out: string) {
  return spawnSync(process.execPath, ['scripts/package-teams.js', '--out', out], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', ...env },
    encoding: 'utf8',
  });
}

/** Python's zipfile reads the archive: an independent reader, which also checks every CRC. */
function readZip(file: string): Record<string, string> {
  const script = [
    'import base64, json, sys, zipfile',
    'z = zipfile.ZipFile(sys.argv[1])',
    'assert z.testzip() is None',
    'print(json.dumps({n: base64.b64encode(z.read(n)).decode() for n in z.namelist()}))',
  ].join('\n');
  const result = spawnSync('python3', ['-c', script, file], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`python3 could not read the zip: ${result.stderr}`);
  return JSON.parse(result.stdout) as Record<string, string>;
}

function pngSize(png: Buffer): { width: number; height: number; rgba: boolean } {
  expect(png.subarray(1, 4).toString('ascii')).toBe('PNG');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20), rgba: png[25] === 6 };
}

describe('npm run package:teams', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'widget-teams-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('zips the manifest with the bot id filled in and the two icons Teams requires', () => {
    const out = path.join(dir, 'teams-app.zip');
    const run = packageTeams({ MicrosoftAppId: APP_ID }, out);
    expect(run.status).toBe(0);
    const files = readZip(out);
    expect(Object.keys(files).sort()).toEqual(['color.png', 'manifest.json', 'outline.png']);

    const manifest = JSON.parse(Buffer.from(files['manifest.json'], 'base64').toString('utf8'));
    expect(manifest.id).toBe(APP_ID);
    expect(manifest.bots[0].botId).toBe(APP_ID);
    expect(manifest.version).toMatch(/^\d+\.\d+\.\d+$/);
    expect(JSON.stringify(manifest)).not.toMatch(/\{\{/);
    expect(manifest.icons).toEqual({ color: 'color.png', outline: 'outline.png' });

    expect(pngSize(Buffer.from(files['color.png'], 'base64'))).toEqual({
      width: 192,
      height: 192,
      rgba: true,
    });
    expect(pngSize(Buffer.from(files['outline.png'], 'base64'))).toEqual({
      width: 32,
      height: 32,
      rgba: true,
    });
    expect(Buffer.from(files['color.png'], 'base64')).toEqual(
      readFileSync(path.join(ROOT, 'teams', 'color.png')),
    );
  });

  it('refuses to build without a Microsoft app id, and says which variable is missing', () => {
    const run = packageTeams({ MicrosoftAppId: '' }, path.join(dir, 'none.zip'));
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/MicrosoftAppId/);
  });
});
