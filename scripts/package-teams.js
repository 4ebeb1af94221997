'use strict';
/* global Buffer, console */
// Builds the Teams app package: teams/manifest.json with the bot's Microsoft app id filled in, plus
// the two icons, zipped into dist/teams-app.zip (or the path given with --out). Upload the zip in
// Teams (Apps > Manage your apps > Upload an app) or the Teams admin center.
//
//   MicrosoftAppId=<guid> npm run package:teams        (MicrosoftAppId is also read from .env)
const fs = require('node:fs');
const path = require('node:path');
const { zip } = require('./pngAndZip');

const root = path.join(__dirname, '..');
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function main(argv) {
  require('dotenv').config({ path: path.join(root, '.env'), quiet: true });
  const appId = (process.env.MicrosoftAppId || '').trim();
  if (!GUID.test(appId)) {
    console.error(
      "package:teams needs MicrosoftAppId (the Azure Bot registration's app id, a GUID) in the environment or .env",
    );
    return 1;
  }
  const outIndex = argv.indexOf('--out');
  const out = outIndex >= 0 ? path.resolve(argv[outIndex + 1]) : path.join(root, 'dist', 'teams-app.zip');
  const version = require(path.join(root, 'package.json')).version;
  const manifest = fs
    .readFileSync(path.join(root, 'teams', 'manifest.json'), 'utf8')
    .replace(/\{\{MicrosoftAppId\}\}/g, appId)
    .replace(/\{\{version\}\}/g, version);
  JSON.parse(manifest); // a broken template must stop here, not in Teams
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(
    out,
    zip([
      { name: 'manifest.json', data: Buffer.from(manifest, 'utf8') },
      { name: 'color.png', data: fs.readFileSync(path.join(root, 'teams', 'color.png')) },
      { name: 'outline.png', data: fs.readFileSync(path.join(root, 'teams', 'outline.png')) },
    ]),
  );
  console.log(`wrote ${path.relative(process.cwd(), out)}`);
  return 0;
}

process.exitCode = main(process.argv.slice(2));
