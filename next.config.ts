import type { NextConfig } from "next";

const securityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
  { key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" },
];

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // `npm test` runs tsc over the whole tree (tests included) as its own step; the build need not repeat it
  typescript: { ignoreBuildErrors: true },
  // server.ts and the Prisma client are bundled by us; keep these as runtime requires (pdfkit also reads its
  // font metrics from its own folder at run time)
  serverExternalPackages: ["@node-rs/argon2", "ioredis", "bullmq", "pg", "@prisma/adapter-pg", "pdfkit", "pino", "pino-pretty", "prom-client"],
  // a completion report carries its tutanak (up to 5 files, 20 MB together: lib/jobs/report-files.ts) in the action
  experimental: { serverActions: { bodySizeLimit: "21mb" } },
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders }];
  },
};

export default nextConfig;
