/**
 * The second half of `npm run build`: bundles what tsc wrote to dist/ into a few files under dist/bundle/, which
 * bin/borrowscan.js runs (issue 12: start-up was mostly resolving, reading and linking about 250 small modules).
 * Every dynamic import() stays a chunk of its own, so a command still loads only what it runs.
 *
 *   node scripts/bundle.mjs        after tsc -p tsconfig.build.json
 *
 * The chunks are CommonJS (dist/bundle/ has a package.json that says so): the bin runs them through
 * src/cli/load-bundle.ts (bundled on its own as boot.js), which compiles each with vm.Script so that V8's code can
 * come from a code cache (src/cli/code-cache.ts). So chalk, the one ES-only package a chunk imports statically, is
 * bundled in, and an import() of a package becomes a call to the loader's importExternal.
 *
 * dist/ itself stays as tsc wrote it: benchmarks, scripts and tests import its modules one by one.
 * The chunks are written flat, one folder below the package root as dist/<folder>/ is, so that the two paths the
 * code builds from import.meta.url (the worker `./parse-worker.js`, the version's `../../package.json`) resolve from
 * a chunk as they do from tsc's output; the check at the end runs the bin to prove it.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { rollup } from 'rollup';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const DIST = join(ROOT, 'dist');
const BUNDLE = join(DIST, 'bundle');

/** The entries: the CLI, and the parsing worker that src/input/parallel/available.ts names by URL. */
const ENTRIES = {
  main: join(DIST, 'cli', 'main.js'),
  'parse-worker': join(DIST, 'input', 'parallel', 'parse-worker.js'),
};

/** The loader that runs the chunks (bin/borrowscan.js requires it), a CommonJS file of its own. */
const BOOT = join(DIST, 'cli', 'run-bundle.js');

/** chalk's own files, its `#` imports as its package.json maps them for Node. */
const CHALK = join(ROOT, 'node_modules', 'chalk');
const CHALK_FILES = (() => {
  const pkg = JSON.parse(readFileSync(join(CHALK, 'package.json'), 'utf8'));
  const files = { chalk: join(CHALK, pkg.exports.import ?? pkg.exports) };
  for (const [name, target] of Object.entries(pkg.imports)) files[name] = join(CHALK, typeof target === 'string' ? target : target.node);
  return files;
})();

/** chalk is ES only: required from a CommonJS chunk it would not load on Node before 20.19, so it is bundled. */
const chalkInside = {
  name: 'chalk-inside',
  resolveId: (id) => CHALK_FILES[id] ?? null,
};

/** An import() of a package (or of a name computed at run time) calls the loader's importExternal when there is one. */
const externalImports = {
  name: 'external-imports',
  renderDynamicImport({ targetModuleId }) {
    if (targetModuleId !== null && !isExternal(targetModuleId)) return null;
    return { left: "(typeof __importExternal === 'function' ? __importExternal : (s) => import(s))(", right: ')' };
  },
};

/** Packages and node: built-ins stay imports (but chalk); only the project's own modules are bundled. */
function isExternal(id) {
  return !id.startsWith('.') && !id.startsWith('/') && !id.startsWith('\0') && !(id in CHALK_FILES);
}

/** Reads tsc's source map with each module, so that the bundle's maps lead back to src/*.ts. */
const tscSourceMaps = {
  name: 'tsc-source-maps',
  load(id) {
    const map = `${id}.map`;
    return { code: readFileSync(id, 'utf8'), map: existsSync(map) ? readFileSync(map, 'utf8') : null };
  },
};

rmSync(BUNDLE, { recursive: true, force: true });
const warnings = [];
const onwarn = (warning) => warnings.push(warning);
const bundle = await rollup({ input: ENTRIES, external: isExternal, plugins: [tscSourceMaps, chalkInside, externalImports], onwarn });
await bundle.write({
  dir: BUNDLE,
  format: 'cjs',
  sourcemap: true,
  sourcemapExcludeSources: true,
  entryFileNames: '[name].js',
  chunkFileNames: '[name]-[hash].js',
});
await bundle.close();
writeFileSync(join(BUNDLE, 'package.json'), '{ "type": "commonjs" }\n');

const boot = await rollup({ input: BOOT, external: isExternal, plugins: [tscSourceMaps], onwarn });
await boot.write({ file: join(BUNDLE, 'boot.js'), format: 'cjs', sourcemap: true, sourcemapExcludeSources: true });
await boot.close();

// A warning (an import that does not resolve, a broken source map, a circular chunk) fails the build.
for (const w of warnings) console.error(`bundle: ${w.code}: ${w.message}`);
if (warnings.length > 0) process.exit(1);

// The bin runs from the bundle: its version (read from package.json by path) must come out.
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
const version = execFileSync(process.execPath, [join(ROOT, 'bin', 'borrowscan.js'), '--version'], { encoding: 'utf8' }).trim();
if (version !== pkg.version) {
  console.error(`bundle: bin/borrowscan.js --version printed ${JSON.stringify(version)}, not ${pkg.version}`);
  process.exit(1);
}
if (!existsSync(join(BUNDLE, 'parse-worker.js'))) {
  console.error('bundle: no parse-worker.js next to the chunks');
  process.exit(1);
}
