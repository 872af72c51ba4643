# syntax=docker/dockerfile:1
# Corridor Watch: one image for the API (default command) and the worker
# (`node dist/apps/worker/src/main.js`, see docker-compose.yml).

# ---- build: compile TypeScript and the native modules (better-sqlite3, argon2) ----
FROM node:24-bookworm-slim AS build
RUN apt-get update \
  && apt-get install -y --no-install-recommends build-essential python3 \
  && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci
COPY . .
RUN npm run build \
  && npm prune --omit=dev \
  && rm -rf var coverage

# ---- runtime ----
FROM node:24-bookworm-slim
# UV_THREADPOOL_SIZE and --max-semi-space-size: the api's memory (docs/performance.md, "Memory").
ENV NODE_ENV=production \
    UV_THREADPOOL_SIZE=2 \
    PORT=3000 \
    DATABASE_URL=sqlite:/app/var/corridor-watch.sqlite
WORKDIR /app
# Code stays owned by root (read-only for the app); only var/ (the SQLite file) is writable.
COPY --from=build /app /app
RUN mkdir -p /app/var && chown node:node /app/var
USER node
VOLUME ["/app/var"]
EXPOSE 3000
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
CMD ["node", "--max-semi-space-size=8", "dist/apps/api/src/main.js"]
