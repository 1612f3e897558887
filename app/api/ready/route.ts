import { checkReadiness } from "@/lib/readiness";

export const dynamic = "force-dynamic";

// Readiness: 200 when PostgreSQL and Redis answer, 503 naming what is down (load balancers take the instance out).
export async function GET() {
  const { ready, dependencies } = await checkReadiness();
  const down = dependencies.filter((d) => !d.ok).map((d) => d.name);
  return Response.json(
    { status: ready ? "ready" : "unavailable", down, dependencies },
    { status: ready ? 200 : 503, headers: { "Cache-Control": "no-store" } },
  );
}
