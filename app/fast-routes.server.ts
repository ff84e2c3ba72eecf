import type { RequestHandler } from "express";

/**
 * Hot paths served by Express before Remix, where the framework's per-request work would
 * dominate (see DESIGN.md's measured limits). Each must keep the HTTP contract of DESIGN.md.
 */
export const fastRoutes: Array<{ method: "get" | "post"; path: string; handler: RequestHandler }> = [];
