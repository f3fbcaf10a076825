// The pool's worker run from the TypeScript sources by a host with no TypeScript loader of its
// own (vitest running the CLI in its process): tsx registered in this thread, then worker.ts.
// `node --import tsx` passes its loader to the worker threads itself; a build runs worker.js.
import { register } from 'tsx/esm/api';

register();
const { default: extractChunk } = await import('./worker.ts');
export default extractChunk;
