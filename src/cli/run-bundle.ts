import { fileURLToPath } from 'node:url';
import { openCodeCache } from './code-cache.js';
import { bundleLoader } from './load-bundle.js';

type Main = (argv: string[]) => Promise<number>;

/**
 * What bin/borrowscan.js runs: the CLI from the bundle's chunks, compiled from the code cache when it has them; once
 * the command is done, the code compiled for chunks that had none is stored for the next run.
 */
export async function runBundle(argv: string[], bundleDir = fileURLToPath(new URL('.', import.meta.url))): Promise<number> {
  const loader = bundleLoader(openCodeCache(), (specifier) => import(specifier));
  const { main } = loader.load(`${bundleDir}main.js`) as { main: Main };
  const code = await main(argv);
  loader.saveCode();
  return code;
}
