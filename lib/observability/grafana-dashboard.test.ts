import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { metrics } from "@/lib/observability/metrics";

type Panel = { title: string; targets: { expr: string }[] };

describe("the Grafana dashboard (docs/deploy/grafana-dashboard.json)", () => {
  it("queries only metrics the app exports, so no panel stays empty", async () => {
    const dashboard = JSON.parse(readFileSync("docs/deploy/grafana-dashboard.json", "utf8")) as { panels: Panel[] };
    const exported = new Set((await metrics().registry.getMetricsAsJSON()).map((m) => m.name));
    const queried = dashboard.panels.flatMap((p) => p.targets.flatMap((t) => t.expr.match(/\b(?:tevkil|nodejs)_[a-z0-9_]+/g) ?? []));
    expect(queried.length).toBeGreaterThan(10);
    const missing = queried.map((name) => name.replace(/_(bucket|count|sum)$/, "")).filter((name) => !exported.has(name));
    expect(missing).toEqual([]);
  });
});
