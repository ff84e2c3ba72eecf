import path from "node:path";
import { pathToFileURL } from "node:url";

type ManifestRoute = {
  id: string;
  path?: string;
  parentId?: string;
  index?: boolean;
  module: { loader?: unknown; action?: unknown; default?: unknown };
};

export interface RouteEntry {
  id: string;
  /** The URL path with dynamic segments filled in (`:id` -> 1, `*` -> x). */
  path: string;
  /** The URL path pattern as the manifest spells it, e.g. /admin/outbox/:id. */
  pattern: string;
  index: boolean;
  hasLoader: boolean;
  hasAction: boolean;
  /** A UI route (renders a page) rather than a resource route. */
  isPage: boolean;
}

/** Every route of the server build the end-to-end server runs (made by the global setup), read at run time. */
export async function manifestRoutes(fill: (segment: string) => string = () => "1"): Promise<RouteEntry[]> {
  const build = (await import(pathToFileURL(path.resolve("build/index.js")).href)) as {
    routes: Record<string, ManifestRoute>;
  };
  const routes = Object.values(build.routes);
  const byId = new Map(routes.map((r) => [r.id, r]));
  const fullPath = (r: { path?: string; parentId?: string }): string => {
    const parent = r.parentId ? byId.get(r.parentId) : undefined;
    const prefix = parent && parent.id !== "root" ? fullPath(parent) : "";
    return [prefix, r.path ?? ""].filter(Boolean).join("/");
  };
  return routes
    .filter((r) => r.id !== "root")
    .map((r) => {
      const pattern = `/${fullPath(r)}`.replace(/\/+/g, "/");
      return {
        id: r.id,
        pattern,
        path: pattern.replace(/:([A-Za-z]+)/g, (_m, name: string) => fill(name)).replace(/\*$/, "x"),
        index: Boolean(r.index),
        hasLoader: typeof r.module.loader === "function",
        hasAction: typeof r.module.action === "function",
        isPage: typeof r.module.default === "function",
      };
    });
}
