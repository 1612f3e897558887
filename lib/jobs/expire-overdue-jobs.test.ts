import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { expireOverdueJobs } from "@/lib/jobs/expire-overdue-jobs";
import { getJobDetail } from "@/lib/jobs/get-job-detail";
import { searchJobs } from "@/lib/jobs/search-jobs";
import { lawyer, postJob } from "@/test/marketplace-test-support";
import { uniqueSuffix } from "@/test/factories";

describe("expireOverdueJobs", () => {
  it("expires jobs past their deadline and takes them off the cached board and detail at once", async () => {
    const { actor } = await lawyer();
    const tag = `sure${uniqueSuffix()}`;
    const overdue = await postJob(actor, { provinceId: "47", title: `Keşif ${tag} geçmiş` });
    const fresh = await postJob(actor, { provinceId: "47", title: `Keşif ${tag} güncel` });
    expect((await searchJobs({ provinceId: "47", q: tag })).total).toBe(2);
    expect((await getJobDetail(overdue)).status).toBe("OPEN");

    await db.job.update({ where: { id: overdue }, data: { deadlineAt: new Date(Date.now() - 60_000) } });
    expect(await expireOverdueJobs()).toBeGreaterThanOrEqual(1);

    const board = await searchJobs({ provinceId: "47", q: tag });
    expect(board.items.map((j) => j.id)).toEqual([fresh]);
    expect(board.total).toBe(1);
    expect((await getJobDetail(overdue)).status).toBe("EXPIRED");
  });
});
