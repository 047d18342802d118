// Entry of a `pol eval --batch --jobs N` worker thread. Workers do not inherit
// the TypeScript loader the CLI runs under (tsx, or vitest in tests): register
// tsx, then serve chunks from batch-lines.ts.
import { register } from "tsx/esm/api";

register();
const { serveBatchWorker } = await import("./batch-lines.ts");
await serveBatchWorker();
