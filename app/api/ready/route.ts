import { checkReadiness } from "@/lib/readiness";

export const dynamic = "force-dynamic";

// Readiness: 200 when PostgreSQL and Redis answer, 503 naming what is down (load balancers take the instance out).
// The public answer is up/down per dependency; why one is down (driver errors name hosts and ports) goes to the log.
export async function GET() {
  const { ready, dependencies } = await checkReadiness();
  const down = dependencies.filter((d) => !d.ok);
  for (const d of down) console.error(`readiness: ${d.name} down after ${d.latencyMs} ms: ${d.error}`);
  return Response.json(
    { status: ready ? "ready" : "unavailable", down: down.map((d) => d.name), dependencies: dependencies.map(({ name, ok }) => ({ name, ok })) },
    { status: ready ? 200 : 503, headers: { "Cache-Control": "no-store" } },
  );
}
