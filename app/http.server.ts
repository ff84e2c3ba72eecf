import "./load-context";
import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import compression from "compression";
import express from "express";
import { sql } from "kysely";
import { db } from "~db/index.server";
import { appUrl, env } from "~/env.server";
import { withDatabaseFaults } from "~/lib/database-unavailable.server";
import { log } from "~/lib/log.server";
import { bodyLimit, refusedForSize } from "~/modules/security/body-limit.server";
import { uploadBodyLimits } from "~/modules/uploads/upload-routes.server";
import { clientIp, logClientIpPolicy } from "~/modules/security/client-ip.server";
import { pageHeadersReplaceDefaults, securityHeaders } from "~/modules/security/headers.server";
import { sameOriginOnly } from "~/modules/security/origin.server";
import { fastRoutes } from "~/fast-routes.server";
import { errorEnvelope } from "~/lib/api.server";
import { lastErrorHandler } from "~/lib/express-http.server";
import { requestGuard } from "~/lib/request-guard.server";
import { responseCache } from "~/lib/response-cache.server";

/** What the compression middleware compresses (pages, not JSON), and the response cache stores compressed. */
const compressible = (req: express.Request, res: express.Response) =>
  !req.path.startsWith("/api/") && compression.filter(req, res);

/** The Express app: static files, security middleware, health checks, then Remix. */
export function createApp(build: ServerBuild) {
  const config = env();
  const app = express();
  app.disable("x-powered-by");
  app.set("trust proxy", false);
  app.use(requestGuard());
  logClientIpPolicy(config);

  app.get("/healthz", (_req, res) => {
    res.json({ status: "ok" });
  });
  app.get("/readyz", async (_req, res) => {
    try {
      await sql`select 1`.execute(db());
      res.json({ status: "ready" });
    } catch (error) {
      res.status(503).json({
        status: "unavailable",
        ...errorEnvelope("database_unreachable", "The database is not reachable."),
      });
    }
  });

  // Cached public pages for visitors without a session, before any other work (the security
  // headers and compression of the render they replay come with them).
  const cache = responseCache(config.RESPONSE_CACHE_SECONDS, compressible);
  app.use(cache.serve);
  app.use(securityHeaders({ hsts: config.isProduction }));
  app.use(sameOriginOnly(appUrl()));
  app.use(bodyLimit(config.MAX_BODY_BYTES, uploadBodyLimits(config)));
  app.use(compression({ filter: compressible }));

  app.use("/build", express.static("public/build", { immutable: true, maxAge: "1y" }));
  // Only paths that look like files reach the disk: pages skip a stat() per request.
  const publicFiles = express.static("public", { maxAge: "1h" });
  app.use((req, res, next) => (/\.[a-z0-9]+$/i.test(req.path) ? publicFiles(req, res, next) : next()));

  // After compression (it keeps the body as rendered), before the renderers.
  app.use(cache.record);
  for (const route of fastRoutes) app[route.method](route.path, route.handler);

  app.all(
    "*",
    pageHeadersReplaceDefaults,
    createRequestHandler({
      build: withDatabaseFaults(build),
      mode: config.isProduction ? "production" : "development",
      getLoadContext: (req, res) => ({
        nonce: String(res.locals.nonce ?? ""),
        clientIp: clientIp(
          req.socket.remoteAddress,
          req.headers["x-forwarded-for"] as string | undefined,
          config.TRUST_PROXY,
        ),
      }),
    }),
  );

  // A request already answered 413 saw its body cut off: its handler's error is expected.
  app.use((error: unknown, _req: express.Request, res: express.Response, next: express.NextFunction) =>
    refusedForSize(res) ? undefined : next(error),
  );
  app.use(
    lastErrorHandler((error) =>
      log.error("unhandled request error", { error: error instanceof Error ? error.stack : String(error) }),
    ),
  );
  return app;
}
