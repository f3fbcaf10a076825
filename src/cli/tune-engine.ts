import { tuneEngineForBatch } from '../batch/engine.js';

// Imported first by main.ts, so that the flags are set before the process has done any garbage
// collection (changing the GC's threading while a collection is under way aborts V8).
tuneEngineForBatch();
