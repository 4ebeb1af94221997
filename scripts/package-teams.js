'use strict';
/* global console, URL */
// Builds the Teams app package: teams/manifest.json with every ${{NAME}} filled from the environment
// (or .env), validated against the manifest's JSON schema as shipped in Microsoft's own
// @microsoft/app-manifest (offline: the schema comes from the package, not the web), the two icons
// checked the way Teams requires them, zipped into dist/teams-app.zip (or --out <zip>). --dir <folder>
// packs another folder holding manifest.json and the icons. Upload the zip in Teams (Apps > Manage
// your apps > Upload an app) or the Teams admin center.
//
//   MicrosoftAppId=<guid> BOT_DOMAIN=bot.contoso.com TEAMS_DEVELOPER_NAME=... TEAMS_WEBSITE_URL=https://...
//   TEAMS_PRIVACY_URL=https://... TEAMS_TERMS_URL=https://... npm run package:teams
const fs = require('node:fs');
const path = require('node:path');
const { AppManifestUtils } = require('@microsoft/app-manifest');
const { strToU8, zipSync } = require('fflate');
const { PNG } = require('pngjs');

const root = path.join(__dirname, '..');
const PLACEHOLDER = /\$\{\{(\w+)\}\}/g;
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const HOST_NAME = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i;
// Documentation domains (RFC 2606) are placeholders: a package that names one is not finished.
const EXAMPLE_DOMAIN = /(^|[./@])example\.(com|org|net)\b/i;

/** What each setting must look like; the schema checks the rest (lengths, URL formats). */
const SETTINGS = {
  MicrosoftAppId: {
    hint: "the Azure Bot registration's app id, a GUID",
    valid: (value) => GUID.test(value),
  },
  BOT_DOMAIN: {
    hint: 'the host name of the bot\'s messaging endpoint, such as "bot.contoso.com"',
    valid: (value) => HOST_NAME.test(value),
  },
  TEAMS_DEVELOPER_NAME: { hint: 'the name users see as the publisher', valid: (value) => value.length > 0 },
  TEAMS_WEBSITE_URL: { hint: 'the support page, an https:// URL', valid: isHttpsUrl },
  TEAMS_PRIVACY_URL: { hint: 'the privacy statement, an https:// URL', valid: isHttpsUrl },
  TEAMS_TERMS_URL: { hint: 'the terms of use, an https:// URL', valid: isHttpsUrl },
};

function isHttpsUrl(value) {
  try {
    return new URL(value).protocol === 'https:';
  } catch {
    return false;
  }
}

/** The template with every placeholder filled, or the list of settings that are missing or wrong. */
function fillManifest(template, env, version) {
  const problems = [];
  const values = { version };
  for (const name of new Set([...template.matchAll(PLACEHOLDER)].map((match) => match[1]))) {
    if (name === 'version') continue;
    const value = (env[name] || '').trim();
    const rule = SETTINGS[name];
    if (!value || (rule && !rule.valid(value))) {
      problems.push(
        `${name}: ${value ? 'is not valid' : 'is not set'} (${rule ? rule.hint : 'see teams/manifest.json'})`,
      );
    } else if (EXAMPLE_DOMAIN.test(value)) {
      problems.push(`${name}: names a placeholder example domain (${value})`);
    } else {
      values[name] = value;
    }
  }
  if (problems.length > 0) return { problems };
  // Each value is escaped as a JSON string's content, so a quote in a name cannot break the manifest.
  const text = template.replace(PLACEHOLDER, (_, name) => JSON.stringify(values[name]).slice(1, -1));
  return { text, problems };
}

/** The JSON schema of the manifest's version, from the files @microsoft/app-manifest ships. */
function bundledSchema(manifestVersion) {
  const packageRoot = path.dirname(require.resolve('@microsoft/app-manifest'));
  const file = path.join(
    packageRoot,
    'json-schemas',
    'teams',
    `v${manifestVersion}`,
    'MicrosoftTeams.schema.json',
  );
  if (!fs.existsSync(file)) return undefined;
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

/** Teams' icon rules: color 192x192; outline 32x32, white on a transparent background. */
function iconProblems(color, outline) {
  const problems = [];
  const colorImage = PNG.sync.read(color);
  if (colorImage.width !== 192 || colorImage.height !== 192)
    problems.push(`color icon: must be 192x192 pixels, is ${colorImage.width}x${colorImage.height}`);
  const outlineImage = PNG.sync.read(outline);
  if (outlineImage.width !== 32 || outlineImage.height !== 32)
    problems.push(`outline icon: must be 32x32 pixels, is ${outlineImage.width}x${outlineImage.height}`);
  const pixels = outlineImage.data;
  for (let offset = 0; offset < pixels.length; offset += 4) {
    const white = pixels[offset] === 255 && pixels[offset + 1] === 255 && pixels[offset + 2] === 255;
    if (pixels[offset + 3] !== 0 && !white) {
      problems.push('outline icon: must be white on a transparent background');
      break;
    }
  }
  return problems;
}

function option(argv, name, fallback) {
  const index = argv.indexOf(name);
  return index >= 0 ? path.resolve(argv[index + 1]) : fallback;
}

async function main(argv) {
  require('dotenv').config({ path: path.join(root, '.env'), quiet: true });
  const dir = option(argv, '--dir', path.join(root, 'teams'));
  const out = option(argv, '--out', path.join(root, 'dist', 'teams-app.zip'));
  const version = require(path.join(root, 'package.json')).version;

  const filled = fillManifest(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8'), process.env, version);
  if (filled.problems.length > 0)
    return fail('package:teams needs these settings (environment or .env):', filled.problems);

  let manifest;
  try {
    manifest = JSON.parse(filled.text);
  } catch (error) {
    return fail('teams/manifest.json is not valid JSON:', [error.message]);
  }
  const schema = bundledSchema(manifest.manifestVersion);
  if (!schema)
    return fail(`manifestVersion ${manifest.manifestVersion} is not one @microsoft/app-manifest knows`, []);
  const schemaProblems = await AppManifestUtils.validateAgainstSchema(manifest, schema);
  const color = fs.readFileSync(path.join(dir, manifest.icons.color));
  const outline = fs.readFileSync(path.join(dir, manifest.icons.outline));
  const problems = [...schemaProblems, ...iconProblems(color, outline)];
  if (problems.length > 0)
    return fail(`The manifest is not valid for Teams (schema ${manifest.manifestVersion}):`, problems);

  const zip = zipSync({
    'manifest.json': strToU8(filled.text),
    [manifest.icons.color]: color,
    [manifest.icons.outline]: outline,
  });
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, zip);
  console.log(`wrote ${path.relative(process.cwd(), out)} (manifest ${manifest.manifestVersion}, validated)`);
  return 0;
}

function fail(headline, problems) {
  console.error([headline, ...problems.map((problem) => `  - ${problem}`)].join('\n'));
  return 1;
}

main(process.argv.slice(2)).then(
  (code) => (process.exitCode = code),
  (error) => {
    console.error(`package:teams failed: ${error.message}`);
    process.exitCode = 1;
  },
);
