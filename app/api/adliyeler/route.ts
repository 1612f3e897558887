import { listPlaces } from "@/lib/jobs/reference-places";

// The courthouses of one province, for the province → courthouse selects. Public reference data: browsers and
// proxies may keep it for a day.
export async function GET(request: Request) {
  const provinceId = Number(new URL(request.url).searchParams.get("il"));
  if (!Number.isInteger(provinceId) || provinceId < 1 || provinceId > 81) {
    return Response.json({ error: "Geçerli bir il seçin." }, { status: 400 });
  }
  const { courthouses } = await listPlaces();
  return Response.json(
    courthouses.filter((c) => c.provinceId === provinceId),
    { headers: { "Cache-Control": "public, max-age=86400" } },
  );
}
