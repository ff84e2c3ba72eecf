// `npm run dev`: the development loop. `remix watch` rebuilds build/ on every change under app/
// (and what it imports); each finished rebuild restarts `node server.js`, which keeps its
// embedded PostgreSQL data in .data/ so a restart takes about a second. Ctrl-C stops both.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, watch } from "node:fs";
import path from "node:path";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
const buildDir = path.join(root, "build");
// Secrets made once per dev session (unless set), so a restart does not sign everyone out.
const env = {
  SESSION_SECRET: randomBytes(32).toString("hex"),
  IP_HASH_SECRET: randomBytes(32).toString("hex"),
  ...process.env,
  NODE_ENV: process.env.NODE_ENV ?? "development",
};
let server;
let restartTimer;
let stopping = false;

function startServer() {
  if (stopping) return;
  server = spawn(process.execPath, ["server.js"], { cwd: root, env, stdio: "inherit" });
  const child = server;
  child.on("exit", (code, signal) => {
    if (server === child) server = undefined;
    if (!stopping && code && !signal)
      console.error(`[dev] the server exited with code ${code}; fix the error and save to restart.`);
  });
}

/** Stops the server through its own SIGTERM handler (so PostgreSQL stops too), then runs `next`. */
function stopServer(next) {
  const child = server;
  if (!child || child.exitCode !== null || child.signalCode !== null) return next();
  child.once("exit", () => next());
  child.kill("SIGTERM");
}

function restart() {
  clearTimeout(restartTimer);
  restartTimer = setTimeout(() => {
    if (stopping || !existsSync(path.join(buildDir, "index.js"))) return;
    console.log("[dev] rebuilt: restarting the server");
    stopServer(startServer);
  }, 300);
}

const watcher = spawn(path.join(root, "node_modules/.bin/remix"), ["watch"], {
  cwd: root,
  env,
  stdio: ["ignore", "pipe", "inherit"],
});
let started = false;
watcher.stdout.on("data", (chunk) => {
  process.stdout.write(chunk);
  // remix watch prints "Rebuilt in ..." / "Built in ..." after each build
  if (/\b(Re)?[Bb]uilt in\b/.test(String(chunk))) {
    if (!started) {
      started = true;
      startServer();
    } else restart();
  }
});
// Changes remix watch does not see (server.js itself).
watch(path.join(root, "server.js"), () => started && restart());

function shutdown() {
  if (stopping) return;
  stopping = true;
  clearTimeout(restartTimer);
  watcher.kill("SIGTERM");
  stopServer(() => process.exit(0));
}
process.on("SIGINT", shutdown);
process.on("SIGTERM", shutdown);
watcher.on("exit", (code) => {
  if (!stopping) {
    console.error(`[dev] remix watch exited (${code}); stopping.`);
    shutdown();
  }
});
