import { defineConfig } from "vitest/config";
import base from "./vitest.config";

// The messaging, session, rate-limit and queue suites against a local Redis Cluster (test/redis-cluster.ts):
//   npx vitest run --config vitest.cluster.config.ts
export const clusterSuites = [
  "lib/redis-cluster.test.ts",
  "lib/messaging/*.test.ts",
  "lib/realtime/*.test.ts",
  "lib/auth/session-store.test.ts",
  "lib/cache.test.ts",
  "lib/rate-limit/*.test.ts",
  "lib/queue/*.test.ts",
  "workers/*.test.ts",
  // more multi-key Redis use: the board cache, login throttling, e-mailed link tokens, check-ins
  "lib/jobs/search-jobs.test.ts",
  "lib/users/authenticate-with-password.test.ts",
  "lib/users/password-reset.test.ts",
  "lib/check-ins/check-ins.test.ts",
  // the WhatsApp bot: drafts, per-number order and limits, the linking line once a day
  "lib/whatsapp/*.test.ts",
];

// replaced, not merged: mergeConfig would append these lists to the base ones
export default defineConfig({ ...base, test: { ...base.test, include: clusterSuites, globalSetup: ["./test/global-setup-redis-cluster.ts"] } });
