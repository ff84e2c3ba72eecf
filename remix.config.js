import { LOCALE_PREFIXES, LOCALIZED_ROUTES, localizedRouteId } from "./app/i18n/localized-routes.js";

/** @type {import('@remix-run/dev').AppConfig} */
export default {
  routes(defineRoutes) {
    // Each public investigation page once more per language prefix (app/i18n/localized-routes.js).
    return defineRoutes((route) => {
      for (const prefix of LOCALE_PREFIXES)
        for (const [file, path] of LOCALIZED_ROUTES)
          route(path ? `${prefix}/${path}` : prefix, file, { id: localizedRouteId(prefix, file) });
    });
  },
  ignoredRouteFiles: ["**/.*", "**/*.test.{ts,tsx}"],
  serverModuleFormat: "esm",
  future: {
    v3_fetcherPersist: true,
    v3_relativeSplatPath: true,
    v3_throwAbortReason: true,
    v3_singleFetch: true,
    v3_lazyRouteDiscovery: true,
  },
};
