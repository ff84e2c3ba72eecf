// The process entry. Everything else is in the Remix server build (app/boot.server.ts), so the
// web server, the worker and the command-line tasks share one bundled module graph.
import * as build from "./build/index.js";

await build.entry.module.main(build, process.argv.slice(2));
