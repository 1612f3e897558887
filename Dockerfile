# One image for every role: `npm start` (web + sockets, the default), `npm run worker`, `npm run db:migrate`.
# Build:  docker build -t tevkil .
# Stages: deps (all packages, Prisma client generated) → build (Next build + dist/server.js) → runtime-deps
# (production packages only, no install scripts) → runtime (non-root, no compiler, no dev packages, no sources of
# the UI beyond what the worker runs through tsx).
ARG NODE_IMAGE=node:20-bookworm-slim

FROM ${NODE_IMAGE} AS deps
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1
COPY package.json package-lock.json prisma.config.ts ./
COPY prisma ./prisma
COPY scripts/prisma-schema-engine-wasm.mjs ./scripts/
RUN npm ci --no-audit --no-fund

FROM deps AS build
COPY . .
RUN npm run build && rm -rf .next/cache

FROM ${NODE_IMAGE} AS runtime-deps
WORKDIR /app
COPY package.json package-lock.json ./
# native packages (argon2, sharp) come as prebuilt optional packages: no install scripts, no build tools
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund && npm cache clean --force

FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1 PORT=3000
WORKDIR /app
COPY --from=runtime-deps --chown=node:node /app/node_modules ./node_modules
COPY --from=build --chown=node:node /app/package.json /app/next.config.ts /app/tsconfig.json ./
COPY --from=build --chown=node:node /app/.next ./.next
COPY --from=build --chown=node:node /app/dist ./dist
COPY --from=build --chown=node:node /app/public ./public
# the worker, the migration and the seed run from sources through tsx (a production dependency)
COPY --from=build --chown=node:node /app/lib ./lib
COPY --from=build --chown=node:node /app/workers ./workers
COPY --from=build --chown=node:node /app/prisma ./prisma
COPY --from=build --chown=node:node /app/scripts ./scripts
COPY --from=build --chown=node:node /app/data ./data
# attachments and avatars when STORAGE_DRIVER=local (mount a shared volume here with several instances)
RUN mkdir -p /app/.data && chown node:node /app/.data
USER node
EXPOSE 3000
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/api/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
CMD ["npm", "start"]
