# syntax=docker/dockerfile:1
# Build stage: every dependency from the lockfile, the server bundled into plain
# JavaScript (scripts/build-server.ts: the workspace's TypeScript inlined, npm
# packages left external), then apps/api's production dependencies alone
# (`pnpm deploy --prod`). The runtime stage only copies the result: nothing is
# installed or compiled when the container starts.
FROM node:20-bookworm-slim AS build
WORKDIR /src
RUN npm install -g pnpm@12.4.2
# The lockfile alone decides what is fetched, so this layer is reused until it changes.
COPY pnpm-lock.yaml pnpm-workspace.yaml .npmrc ./
RUN pnpm fetch
COPY . .
RUN pnpm install --offline --frozen-lockfile \
  && pnpm build:server \
  && pnpm --filter @pristinesend/api deploy --prod --legacy --config.shamefully-hoist=true /app \
  && cp apps/api/dist/server.mjs apps/api/dist/cli.mjs apps/api/dist/*.mjs.map /app/ \
  && rm -rf /app/src /app/test /app/dist /app/tsconfig.json

FROM node:20-bookworm-slim
ENV NODE_ENV=production HOST=0.0.0.0 PORT=3000 LOG_LEVEL=info
# A bounded heap grows in small steps (see docs/DECISIONS.md); override with -e NODE_OPTIONS=….
# V8's allocation-site pretenuring is off (CMD): it sent short-lived rows to the old generation.
ENV NODE_OPTIONS=--max-old-space-size=512
WORKDIR /app
# Owned by root, run by `node`: the process cannot change its own code.
COPY --from=build /app ./
USER node
EXPOSE 3000
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s \
  CMD ["node", "-e", "fetch('http://127.0.0.1:3000/readyz').then(r => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# Needs DATABASE_URL (the embedded PostgreSQL is for development). Applies pending
# migrations, then serves; SIGTERM drains in-flight requests before exiting.
CMD ["node", "--enable-source-maps", "--no-allocation-site-pretenuring", "server.mjs"]
