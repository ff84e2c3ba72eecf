# syntax=docker/dockerfile:1
FROM node:20-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci

FROM deps AS build
COPY . .
RUN npx remix build && npm prune --omit=dev

FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production PORT=3000 HOST=0.0.0.0
WORKDIR /app
RUN useradd --system --uid 10001 app
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/build ./build
COPY --from=build /app/public ./public
COPY --from=build /app/data ./data
COPY --from=build /app/server.js /app/package.json ./
USER app
EXPOSE 3000
# For the HTTP kinds (serve, web); run a worker with --no-healthcheck (it answers no HTTP).
HEALTHCHECK CMD node -e "fetch('http://127.0.0.1:'+process.env.PORT+'/healthz').then(r=>process.exit(r.ok?0:1)).catch(()=>process.exit(1))"
# DATABASE_URL, SESSION_SECRET, IP_HASH_SECRET, TRANSPARENCY_SIGNING_KEY, APP_URL and ORG_POSTAL_ADDRESS are required in production.
# One image for every process kind: `node server.js` (web and worker, the default),
# `node server.js web` (HTTP only; DATABASE_URL may be PgBouncer in transaction mode, with
# DATABASE_DIRECT_URL for migrations) and `node server.js worker` (jobs only; PostgreSQL directly).
STOPSIGNAL SIGTERM
CMD ["node", "server.js"]
