/**
 * The house plan, enforced: each layer of src/ imports only the layers below it (DESIGN.md).
 * Top to bottom: composition root, persistence (one module per storage mode), edge, bot, dialogs,
 * domain services, infrastructure, config.
 * `npm run lint` runs this; test/architecture/layers.test.ts shows an upward import fails it.
 */
const LAYERS = [
  { name: 'root', path: '^src/(app|index)\\.ts$' },
  // One module per storage mode (redis, memory), each building every store from the ports of the
  // layers below (the Direct Line log of the edge too); only the root picks one.
  { name: 'persistence', path: '^src/services/persistence/' },
  { name: 'edge', path: '^src/(server|channels)/' },
  { name: 'bot', path: '^src/bot/' },
  { name: 'dialogs', path: '^src/dialogs/' },
  {
    name: 'domain',
    path: '^src/services/(disputes|handoff|reminders|notifications|content|replies|nlu|time|analytics)/',
  },
  { name: 'infra', path: '^src/services/(storage|resilience|logging|metrics|tracing|network|text)/' },
  { name: 'config', path: '^src/config/' },
];

const upwardImportRules = LAYERS.slice(1).map((layer, index) => ({
  name: `no-upward-import-from-${layer.name}`,
  comment: `${layer.name} may import only the layers below it`,
  severity: 'error',
  from: { path: layer.path },
  to: { path: LAYERS.slice(0, index + 1).map((upper) => upper.path) },
}));

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    ...upwardImportRules,
    {
      name: 'every-module-in-a-layer',
      comment: 'a new folder under src/ must take its place in LAYERS, or the plan stops being checked',
      severity: 'error',
      from: { path: '^src/', pathNot: LAYERS.map((layer) => layer.path) },
      to: {},
    },
    {
      name: 'no-sdk-in-domain',
      comment:
        'domain services stay free of the Bot Framework SDK (DESIGN.md); the one exception is the type of ' +
        'a stored conversation reference, kept as botbuilder hands it over (disputes/schemas.ts). Storage ' +
        "implements botbuilder's Storage and the turn's reads and writes, so it is not in this rule",
      severity: 'error',
      from: {
        path: '^src/services/(disputes|handoff|reminders|content|replies|nlu|time|logging)/',
        pathNot: '^src/services/disputes/schemas\\.ts$',
      },
      // Unanchored: the test fixture resolves botbuilder from the repository's node_modules above it.
      to: { path: 'node_modules/botbuilder' },
    },
    {
      name: 'stores-only-through-persistence',
      comment:
        'the storage mode is chosen once: only src/services/persistence builds a Redis or in-memory store',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/services/persistence/' },
      to: { path: '^src/.*/(Redis|InMemory)[A-Za-z]*\\.ts$|/(BullJobQueue|InProcessJobQueue)\\.ts$' },
    },
    {
      name: 'no-circular',
      comment: 'a cycle between modules makes the layers meaningless',
      severity: 'error',
      from: { path: '^src/' },
      to: { circular: true },
    },
    {
      name: 'src-not-to-tests',
      severity: 'error',
      from: { path: '^src/' },
      to: { path: '^(test|bench|eval)/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    // node_modules is not excluded (only not followed): excluded, an import of the SDK vanished from
    // the graph and no-sdk-in-domain could never fail.
    exclude: { path: '^dist/' },
  },
};
