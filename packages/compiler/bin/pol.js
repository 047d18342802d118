#!/usr/bin/env node
// Runs the TypeScript CLI through tsx, so `pol` works right after install with no build step.
import { register } from "tsx/esm/api";

register();
await import("../src/cli/bin.ts");
