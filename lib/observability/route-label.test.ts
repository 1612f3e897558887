import { describe, expect, it } from "vitest";
import { routeLabel } from "@/lib/observability/route-label";

describe("HTTP route labels", () => {
  it("names pages without their ids or query, and server actions apart", () => {
    expect(routeLabel("GET", "/ilanlar?q=kira%20tespit&il=34", false)).toBe("board");
    expect(routeLabel("GET", "/ilanlar/cmx1abc", false)).toBe("job");
    expect(routeLabel("GET", "/ilanlar/yeni", false)).toBe("job-new");
    expect(routeLabel("POST", "/ilanlar/cmx1abc", true)).toBe("job-action");
    expect(routeLabel("GET", "/avukat/cmx9", false)).toBe("profile");
    expect(routeLabel("GET", "/mesajlar/cmx7", false)).toBe("conversation");
    expect(routeLabel("GET", "/api/ilanlar/cmx1/yetki-belgesi", false)).toBe("api-document");
    expect(routeLabel("POST", "/api/whatsapp/webhook", false)).toBe("api-whatsapp");
    expect(routeLabel("GET", "/api/whatsapp/webhook?hub.verify_token=gizli", false)).toBe("api-whatsapp");
    expect(routeLabel("GET", "/_next/static/chunks/app.js", false)).toBe("static");
  });

  it("keeps the set of names bounded: unknown paths are one label", () => {
    const labels = new Set(Array.from({ length: 200 }, (_, i) => routeLabel("GET", `/rastgele/${i}/${"x".repeat(i)}`, false)));
    expect([...labels]).toEqual(["other"]);
  });
});
