// Entry of a `pol eval --batch --jobs N` worker thread. Workers do not inherit
// the TypeScript loader the CLI runs under (tsx, or vitest in tests): register
// tsx, then serve chunks from batch-workers.ts.
import { register } from "tsx/esm/api";

register();
const { serveBatchWorker } = await import("./batch-workers.ts");
serveBatchWorker();
