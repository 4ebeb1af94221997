import { spawnSync } from 'node:child_process';
import {
  copyFileSync,
  cpSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const ROOT = path.join(__dirname, '..', '..');
const TEAMS = path.join(ROOT, 'teams');
const APP_ID = '0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0';
const SETTINGS = {
  MicrosoftAppId: APP_ID,
  BOT_DOMAIN: 'bot.contoso.com',
  TEAMS_DEVELOPER_NAME: 'Contoso "Fair Pay" support',
  TEAMS_WEBSITE_URL: 'https://contoso.com/support',
  TEAMS_PRIVACY_URL: 'https://contoso.com/privacy',
  TEAMS_TERMS_URL: 'https://contoso.com/terms',
};

function packageTeams(env: Record<string, string>, out: string, dir = TEAMS) {
  return spawnSync(process.execPath, ['scripts/package-teams.js', '--dir', dir, '--out', out], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', ...env },
    encoding: 'utf8',
  });
}

/** Python's zipfile reads the archive: an independent reader, which also checks every CRC. */
function readZip(file: string): Record<string, Buffer> {
  const script = [
    'import base64, json, sys, zipfile',
    'z = zipfile.ZipFile(sys.argv[1])',
    'assert z.testzip() is None',
    'print(json.dumps({n: base64.b64encode(z.read(n)).decode() for n in z.namelist()}))',
  ].join('\n');
  const result = spawnSync('python3', ['-c', script, file], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`python3 could not read the zip: ${result.stderr}`);
  const files = JSON.parse(result.stdout) as Record<string, string>;
  return Object.fromEntries(Object.entries(files).map(([name, data]) => [name, Buffer.from(data, 'base64')]));
}

function pngSize(png: Buffer): { width: number; height: number } {
  expect(png.subarray(1, 4).toString('ascii')).toBe('PNG');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

/** The newest Teams manifest schema that Microsoft's @microsoft/app-manifest ships. */
function newestSupportedSchema(): string {
  const schemas = path.join(
    path.dirname(require.resolve('@microsoft/app-manifest')),
    'json-schemas',
    'teams',
  );
  const versions = readdirSync(schemas)
    .filter((name) => /^v\d+\.\d+$/.test(name))
    .map((name) => name.slice(1).split('.').map(Number));
  versions.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  return versions[versions.length - 1].join('.');
}

/** A copy of teams/ whose manifest has been changed by `edit`. */
function teamsFolderWith(dir: string, edit: (manifest: Record<string, unknown>) => void): string {
  const copy = path.join(dir, `teams-${Math.random().toString(36).slice(2)}`);
  cpSync(TEAMS, copy, { recursive: true });
  const manifest = JSON.parse(readFileSync(path.join(copy, 'manifest.json'), 'utf8')) as Record<
    string,
    unknown
  >;
  edit(manifest);
  writeFileSync(path.join(copy, 'manifest.json'), JSON.stringify(manifest, null, 2));
  return copy;
}

describe('npm run package:teams', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'teams-package-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('packs a manifest on the newest schema, every id and URL from configuration, with the two icons', () => {
    const out = path.join(dir, 'teams-app.zip');
    const run = packageTeams(SETTINGS, out);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const files = readZip(out);
    expect(Object.keys(files).sort()).toEqual(['color.png', 'manifest.json', 'outline.png']);

    const text = files['manifest.json'].toString('utf8');
    const manifest = JSON.parse(text);
    expect(manifest.manifestVersion).toBe(newestSupportedSchema());
    expect(manifest.$schema).toContain(`/v${manifest.manifestVersion}/`);
    expect(manifest.id).toBe(APP_ID);
    expect(manifest.bots[0].botId).toBe(APP_ID);
    expect(manifest.validDomains).toEqual(['bot.contoso.com']);
    expect(manifest.developer).toEqual({
      name: 'Contoso "Fair Pay" support',
      websiteUrl: 'https://contoso.com/support',
      privacyUrl: 'https://contoso.com/privacy',
      termsOfUseUrl: 'https://contoso.com/terms',
    });
    expect(manifest.version).toMatch(/^\d+\.\d+\.\d+$/);
    expect(text).not.toMatch(/\$\{\{|example\.(com|org|net)/);

    expect(pngSize(files['color.png'])).toEqual({ width: 192, height: 192 });
    expect(pngSize(files['outline.png'])).toEqual({ width: 32, height: 32 });
    expect(files['color.png']).toEqual(readFileSync(path.join(TEAMS, 'color.png')));
  });

  it('rejects a manifest that breaks the Teams schema, naming each fault, and writes no package', () => {
    const broken = teamsFolderWith(dir, (manifest) => {
      delete (manifest.developer as Record<string, unknown>).privacyUrl;
      manifest.accentColor = 'teal';
    });
    const out = path.join(dir, 'broken.zip');
    const run = packageTeams(SETTINGS, out, broken);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/not valid for Teams \(schema 1\.\d+\)/);
    expect(run.stderr).toMatch(/\/developer must have required property 'privacyUrl'/);
    expect(run.stderr).toMatch(/\/accentColor must match pattern/);
    expect(existsSync(out)).toBe(false);
  });

  it('rejects an outline icon that is not 32x32 white on transparent', () => {
    const broken = teamsFolderWith(dir, () => undefined);
    copyFileSync(path.join(TEAMS, 'color.png'), path.join(broken, 'outline.png'));
    const run = packageTeams(SETTINGS, path.join(dir, 'icon.zip'), broken);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('outline icon: must be 32x32 pixels, is 192x192');
    expect(run.stderr).toContain('outline icon: must be white on a transparent background');
  });

  it('names every missing or placeholder setting instead of packing example URLs', () => {
    const run = packageTeams(
      {
        ...SETTINGS,
        MicrosoftAppId: '',
        TEAMS_PRIVACY_URL: 'https://example.com/privacy',
        TEAMS_TERMS_URL: 'http://contoso.com/terms',
      },
      path.join(dir, 'none.zip'),
    );
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/MicrosoftAppId: is not set/);
    expect(run.stderr).toMatch(/TEAMS_PRIVACY_URL: names a placeholder example domain/);
    expect(run.stderr).toMatch(/TEAMS_TERMS_URL: is not valid \(the terms of use, an https:\/\/ URL\)/);
  });
});
