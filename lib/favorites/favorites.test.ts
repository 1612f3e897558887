import { describe, expect, it } from "vitest";
import { addFavorite } from "@/lib/favorites/add-favorite";
import { isFavorite, listFavorites } from "@/lib/favorites/list-favorites";
import { removeFavorite } from "@/lib/favorites/remove-favorite";
import { lawyer, postJob, refusal } from "@/test/marketplace-test-support";

describe("favorites", () => {
  it("saves jobs (idempotently), lists them newest first with keyset pages, and removes only the actor's own", async () => {
    const a = await lawyer();
    const b = await lawyer();
    const jobs = [await postJob(a.actor), await postJob(a.actor), await postJob(a.actor)];
    for (const jobId of jobs) await addFavorite(b.actor, { jobId });
    await addFavorite(b.actor, { jobId: jobs[0] });
    await addFavorite(a.actor, { jobId: jobs[1] });

    const first = await listFavorites(b.actor, { take: 2 });
    expect(first.items.map((j) => j.id)).toEqual([jobs[2], jobs[1]]);
    const second = await listFavorites(b.actor, { take: 2, cursor: first.nextCursor! });
    expect(second.items.map((j) => j.id)).toEqual([jobs[0]]);
    expect(second.nextCursor).toBeNull();

    await removeFavorite(b.actor, { jobId: jobs[1] });
    expect(await isFavorite(b.actor, jobs[1])).toBe(false);
    expect(await isFavorite(a.actor, jobs[1])).toBe(true);
  });

  it("refuses an unknown job", async () => {
    const a = await lawyer();
    expect(await refusal(addFavorite(a.actor, { jobId: "yok-boyle-bir-ilan" }))).toMatchObject({ code: "NOT_FOUND" });
  });
});
