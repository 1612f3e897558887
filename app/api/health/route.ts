// Liveness: the process is up and serving. Says nothing about its dependencies (see /api/ready).
export function GET() {
  return Response.json({ status: "ok", uptimeSeconds: Math.round(process.uptime()) });
}
