import type { ServerBuild } from "@remix-run/node";
import type { Request as ExpressRequest, Response as ExpressResponse } from "express";
import { isDatabaseUnavailable } from "~db/unavailable";
import { env } from "~/env.server";
import { apiError, errorEnvelope, wantsJson } from "./api.server";
import { log } from "./log.server";

/*
 * One rule for "the database is not answering": the request that needed it gets 503 with
 * Retry-After (the API error shape on /api and the webhooks, a readable page elsewhere), the
 * process keeps serving, and the next request tries the database again.
 */

export const DATABASE_UNAVAILABLE_CODE = "database_unavailable";
const API_MESSAGE =
  "The database is not answering just now. Nothing was changed by this request; please retry shortly.";
const PAGE_MESSAGE =
  "Our database is not answering just now. Nothing was lost: please try again in a few seconds.";

function retryAfter(): string {
  return String(env().DB_RETRY_AFTER_SECONDS);
}

function note(pathname: string, error: unknown) {
  log.warn("database unavailable", {
    url: pathname,
    error: error instanceof Error ? error.message : String(error),
  });
}

/** The 503 Response for a Remix loader or action (thrown, so pages render the error boundary). */
export function databaseUnavailableResponse(pathname: string): Response {
  const response = wantsJson(pathname)
    ? apiError(503, DATABASE_UNAVAILABLE_CODE, API_MESSAGE)
    : new Response(PAGE_MESSAGE, {
        status: 503,
        statusText: "Service Unavailable",
        headers: { "Cache-Control": "no-store" },
      });
  response.headers.set("Retry-After", retryAfter());
  return response;
}

/** Answers an Express request with the 503; false when the error is something else. */
export function sendDatabaseUnavailable(req: ExpressRequest, res: ExpressResponse, error: unknown): boolean {
  if (!isDatabaseUnavailable(error)) return false;
  note(req.path, error);
  if (res.headersSent) {
    res.destroy();
    return true;
  }
  res.status(503).set({ "Retry-After": retryAfter(), "Cache-Control": "no-store" });
  if (wantsJson(req.path)) res.json(errorEnvelope(DATABASE_UNAVAILABLE_CODE, API_MESSAGE));
  else res.type("text/plain").send(PAGE_MESSAGE);
  return true;
}

type RouteFn = (args: { request: Request }) => unknown;

function guard(fn: RouteFn | undefined): RouteFn | undefined {
  if (!fn) return fn;
  return async (args) => {
    try {
      return await fn(args);
    } catch (error) {
      if (!isDatabaseUnavailable(error)) throw error;
      const pathname = new URL(args.request.url).pathname;
      note(pathname, error);
      throw databaseUnavailableResponse(pathname);
    }
  };
}

/**
 * The build with every loader and action guarded: a database-unavailable error becomes a thrown
 * 503 Response, which Remix answers with that status (document, `.data` and resource routes).
 */
export function withDatabaseFaults(build: ServerBuild): ServerBuild {
  if (!build.routes) return build; // tests that serve only the Express routes pass no build
  const routes = Object.fromEntries(
    Object.entries(build.routes).map(([id, route]) => {
      const module = route.module as unknown as { loader?: RouteFn; action?: RouteFn };
      if (!module.loader && !module.action) return [id, route];
      const guarded = {
        ...route.module,
        ...(module.loader ? { loader: guard(module.loader) } : {}),
        ...(module.action ? { action: guard(module.action) } : {}),
      };
      return [id, { ...route, module: guarded }];
    }),
  );
  return { ...build, routes } as ServerBuild;
}
