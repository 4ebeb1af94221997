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
  { name: 'edge', path: '^src/(server|channels|agent)/' },
  { name: 'bot', path: '^src/bot/' },
  { name: 'dialogs', path: '^src/dialogs/' },
  {
    name: 'domain',
    path: '^src/(handoff|services/(disputes|reminders|notifications|content|replies|nlu|time|analytics))/',
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
      comment: 'domain services and infrastructure stay free of the Bot Framework SDK (DESIGN.md)',
      severity: 'error',
      from: { path: '^src/services/(disputes|reminders|content|replies|nlu|time|storage|logging)/' },
      to: { path: '^node_modules/botbuilder' },
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
    exclude: { path: '^(dist|node_modules)/' },
  },
};
