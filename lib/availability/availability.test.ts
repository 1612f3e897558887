import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { getAvailability } from "@/lib/availability/get-availability";
import { myBoardFilter } from "@/lib/availability/my-board-filter";
import { updateAvailability } from "@/lib/availability/update-availability";
import { addFollow } from "@/lib/follows/add-follow";
import { courthouseIn, lawyer, postJob, refusal } from "@/test/marketplace-test-support";
import { searchJobs } from "@/lib/jobs/search-jobs";

const notifiedFor = async (jobId: string) =>
  (await db.notification.findMany({ where: { type: "FOLLOWED_JOB_POSTED", link: `/ilanlar/${jobId}` }, select: { userId: true } })).map((n) => n.userId).sort();

/** Ticks what the settings form ticks: "on" per item, the lists the action builds from them. */
const form = (fields: { accepting?: boolean; courthouseIds?: number[]; taskTypes?: string[]; showCheckIn?: boolean }) => ({
  ...(fields.accepting === false ? {} : { accepting: "on" }),
  courthouseIds: (fields.courthouseIds ?? []).map(String),
  taskTypes: fields.taskTypes ?? [],
  ...(fields.showCheckIn ? { showCheckIn: "on" } : {}),
});

const ALL_TYPES = ["DURUSMA", "DOSYA_INCELEME", "HACIZ_ICRA", "KESIF_DELIL_TESPITI", "DILEKCE", "FOTOKOPI_SURET", "TEBLIGAT", "CEZAEVI_GORUSMESI", "DIGER"];

async function follower(provinceId: number, courthouseId?: number): Promise<Actor> {
  const { actor } = await lawyer();
  await addFollow(actor, { provinceId: String(provinceId), courthouseId: courthouseId ? String(courthouseId) : "" });
  return actor;
}

describe("availability", () => {
  it("is on, for every followed courthouse and every task type, until the lawyer changes it", async () => {
    const { actor } = await lawyer();
    expect(await getAvailability(actor.id)).toEqual({ accepting: true, courthouseIds: [], taskTypes: [], showCheckIn: false });
  });

  it("stores picks, keeps 'everything ticked' as all, and refuses courthouses not followed or an empty pick while on", async () => {
    const [first, second, elsewhere] = [await courthouseIn(26, 0), await courthouseIn(26, 1), await courthouseIn(35, 0)];
    const actor = await follower(26, first);
    await addFollow(actor, { provinceId: "26", courthouseId: String(second) });

    expect(await updateAvailability(actor, form({ courthouseIds: [second], taskTypes: ["HACIZ_ICRA"], showCheckIn: true }))).toEqual({
      accepting: true, courthouseIds: [second], taskTypes: ["HACIZ_ICRA"], showCheckIn: true,
    });
    expect(await updateAvailability(actor, form({ courthouseIds: [first, second], taskTypes: ALL_TYPES }))).toMatchObject({ courthouseIds: [], taskTypes: [] });

    const notFollowed = await refusal(updateAvailability(actor, form({ courthouseIds: [elsewhere], taskTypes: ALL_TYPES })));
    expect(notFollowed.details.fieldErrors?.courthouseIds).toEqual(["Yalnızca takip ettiğiniz adliyeleri seçebilirsiniz."]);
    const noType = await refusal(updateAvailability(actor, form({ courthouseIds: [first], taskTypes: [] })));
    expect(noType.details.fieldErrors?.taskTypes?.[0]).toMatch(/En az bir görev türü/);
    const badType = await refusal(updateAvailability(actor, form({ courthouseIds: [first], taskTypes: ["MASAJ"] })));
    expect(badType.code).toBe("VALIDATION");
    // the refusals changed nothing
    expect(await getAvailability(actor.id)).toEqual({ accepting: true, courthouseIds: [], taskTypes: [], showCheckIn: false });

    // off needs no pick
    expect(await updateAvailability(actor, form({ accepting: false }))).toMatchObject({ accepting: false });
  });

  it("lets a followed-courthouse notice through only when on, for a task type and courthouse the lawyer takes", async () => {
    const { actor: poster } = await lawyer();
    const [target, other] = [await courthouseIn(41, 0), await courthouseIn(41, 1)];
    const everything = await follower(41, target);
    const off = await follower(41, target);
    const petitionsOnly = await follower(41);
    const otherCourthouseOnly = await follower(41);
    await updateAvailability(off, form({ accepting: false }));
    // a whole province followed: every courthouse of it is ticked, one task type
    const kocaeli = (await db.courthouse.findMany({ where: { provinceId: 41 }, select: { id: true } })).map((c) => c.id);
    await updateAvailability(petitionsOnly, form({ courthouseIds: kocaeli, taskTypes: ["DILEKCE"] }));
    await updateAvailability(otherCourthouseOnly, form({ courthouseIds: [other], taskTypes: ALL_TYPES }));

    const hearing = await postJob(poster, { provinceId: "41", courthouseId: String(target), taskType: "DURUSMA" });
    expect(await notifiedFor(hearing)).toEqual([everything.id]);

    const petition = await postJob(poster, { provinceId: "41", courthouseId: String(target), taskType: "DILEKCE" });
    expect(await notifiedFor(petition)).toEqual([everything.id, petitionsOnly.id].sort());

    const atOther = await postJob(poster, { provinceId: "41", courthouseId: String(other), taskType: "DURUSMA" });
    expect(await notifiedFor(atOther)).toEqual([otherCourthouseOnly.id]);

    // switched back on, the notices come again
    await updateAvailability(off, form({ courthouseIds: [target], taskTypes: ALL_TYPES }));
    const later = await postJob(poster, { provinceId: "41", courthouseId: String(target), taskType: "DURUSMA" });
    expect(await notifiedFor(later)).toEqual([everything.id, off.id].sort());
  });

  it("'Bana uygun' shows the open jobs at the courthouses and of the task types the lawyer takes", async () => {
    const { actor: poster } = await lawyer();
    const [target, other] = [await courthouseIn(55, 0), await courthouseIn(55, 1)];
    const reader = await follower(55);
    await updateAvailability(reader, form({ courthouseIds: [target], taskTypes: ["TEBLIGAT"] }));
    const fits = await postJob(poster, { provinceId: "55", courthouseId: String(target), taskType: "TEBLIGAT" });
    await postJob(poster, { provinceId: "55", courthouseId: String(target), taskType: "DURUSMA" });
    await postJob(poster, { provinceId: "55", courthouseId: String(other), taskType: "TEBLIGAT" });

    const filter = await myBoardFilter(reader.id);
    expect(filter).toEqual({ kind: "filter", courthouseIds: [target], taskTypes: ["TEBLIGAT"] });
    if (filter.kind !== "filter") return;
    const page = await searchJobs({ courthouseIds: filter.courthouseIds, taskTypes: filter.taskTypes });
    expect(page.items.map((j) => j.id)).toEqual([fits]);
    expect(page.total).toBe(1);

    // a whole province followed counts as all its courthouses; nothing picked means every type
    const wide = await follower(55);
    const wideFilter = await myBoardFilter(wide.id);
    expect(wideFilter.kind === "filter" && wideFilter.courthouseIds).toEqual(expect.arrayContaining([target, other]));
    expect(wideFilter.kind === "filter" && (await searchJobs({ courthouseIds: wideFilter.courthouseIds, taskTypes: wideFilter.taskTypes })).total).toBe(3);

    await updateAvailability(reader, form({ accepting: false }));
    expect(await myBoardFilter(reader.id)).toEqual({ kind: "off" });
    expect(await myBoardFilter((await lawyer()).actor.id)).toEqual({ kind: "no-follows" });
  });
});
