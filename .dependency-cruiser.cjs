/**
 * Imports run one way, folder by folder (README, "Architecture"):
 *
 *   cli → engine, report, config          engine → input, rules, config, clients, export, sql, duckdb
 *   rules → clients, config               input → clients
 *   export → duckdb                       sql → config
 *   report, config, clients, duckdb → (model, shared only)
 *
 * and every folder may use model/ (types) and shared/ (what several layers need). A module-level cycle anywhere under
 * src/ fails too. `npm run deps` checks it; .ci/run runs it.
 */
const LAYERS = {
  model: [],
  shared: ['model'],
  clients: ['model', 'shared'],
  config: ['model', 'shared'],
  input: ['clients', 'model', 'shared'],
  rules: ['clients', 'config', 'model', 'shared'],
  duckdb: ['model', 'shared'],
  export: ['duckdb', 'model', 'shared'],
  sql: ['config', 'model', 'shared'],
  engine: ['input', 'rules', 'config', 'clients', 'export', 'sql', 'duckdb', 'model', 'shared'],
  report: ['model', 'shared'],
  cli: ['engine', 'report', 'config', 'model', 'shared'],
};

const folders = Object.keys(LAYERS);

module.exports = {
  forbidden: [
    {
      name: 'no-cycle',
      severity: 'error',
      comment: 'A module-level import cycle: break it by moving the shared part down a layer.',
      from: { path: '^src/' },
      to: { circular: true },
    },
    ...folders.map((layer) => {
      const others = folders.filter((f) => f !== layer && !LAYERS[layer].includes(f));
      return {
        name: `layer-${layer}`,
        severity: 'error',
        comment: `src/${layer}/ may import only ${LAYERS[layer].map((l) => `src/${l}/`).join(', ') || 'nothing outside itself'}.`,
        from: { path: `^src/${layer}/` },
        to: { path: `^src/(${others.join('|')})/` },
      };
    }),
    {
      name: 'unknown-folder',
      severity: 'error',
      comment: 'Every module under src/ lives in one of the layered folders.',
      from: { path: '^src/', pathNot: `^src/(${folders.join('|')})/` },
      to: {},
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
  },
};
