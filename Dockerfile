# syntax=docker/dockerfile:1
# Dependencies are installed in the first stage; the runtime stage only copies them.
FROM node:20-bookworm-slim AS deps
WORKDIR /app
RUN npm install -g pnpm@12.4.2
COPY package.json pnpm-lock.yaml pnpm-workspace.yaml .npmrc ./
COPY apps/api/package.json apps/api/
COPY packages/domain/package.json packages/domain/
COPY packages/db/package.json packages/db/
COPY packages/rest/package.json packages/rest/
COPY packages/trpc/package.json packages/trpc/
COPY packages/graphql/package.json packages/graphql/
COPY packages/sdk/package.json packages/sdk/
COPY packages/testing/package.json packages/testing/
RUN pnpm install --frozen-lockfile

FROM node:20-bookworm-slim
ENV NODE_ENV=production HOST=0.0.0.0 PORT=3000 LOG_LEVEL=info
WORKDIR /app
COPY --from=deps --chown=node:node /app ./
COPY --chown=node:node . .
USER node
EXPOSE 3000
HEALTHCHECK --interval=10s --timeout=3s CMD ["node", "-e", "fetch('http://127.0.0.1:3000/readyz').then(r => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "--import", "tsx", "apps/api/src/main.ts"]
