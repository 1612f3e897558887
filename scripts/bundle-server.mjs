// Bundles server.ts (and the lib/ code it imports) into dist/server.js for `node` in production.
// Packages stay external: they are loaded from node_modules as usual.
import { build } from "esbuild";

await build({
  entryPoints: ["server.ts"],
  outfile: "dist/server.js",
  bundle: true,
  platform: "node",
  target: "node20",
  format: "esm",
  packages: "external",
  sourcemap: true,
  logLevel: "info",
});
