import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { openCodeCache } from './code-cache.js';
import { bundleLoader } from './load-bundle.js';

type Main = (argv: string[]) => Promise<number>;

/**
 * What bin/borrowscan.js runs: the CLI from the bundle's chunks, compiled from the code cache when it has them; once
 * the command is done, the code compiled for chunks that had none is stored for the next run. With
 * `--enable-source-maps` the chunks are required by Node instead, whose stack traces then lead to src/ (Node 20
 * reads no source map for a vm.Script).
 */
export async function runBundle(argv: string[], bundleDir = fileURLToPath(new URL('.', import.meta.url))): Promise<number> {
  if ((process as { sourceMapsEnabled?: boolean }).sourceMapsEnabled === true) {
    const { main } = createRequire(bundleDir)('./main.js') as { main: Main };
    return main(argv);
  }
  const loader = bundleLoader(openCodeCache(), (specifier) => import(specifier));
  const { main } = loader.load(`${bundleDir}main.js`) as { main: Main };
  const code = await main(argv);
  loader.saveCode();
  return code;
}
