import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { cacheKey, invalidate } from "@/lib/cache";
import { BOARD_NAMESPACE } from "@/lib/jobs/job-cache";
import { courthouseIn, inDays, lawyer, postJob } from "@/test/marketplace-test-support";
import { PAGE_SIZE, searchJobs } from "@/lib/jobs/search-jobs";
import { uniqueSuffix } from "@/test/factories";
import { deleteKeys, scanKeys } from "@/test/redis-keys";

// Files run in parallel on one database: each test narrows the board to jobs only it created (its own province
// with a word only its titles carry), so other files' jobs never show up in its assertions.

async function flushBoardCache() {
  await deleteKeys(await scanKeys(cacheKey("board", "*")));
}

describe("searchJobs (the job board)", () => {
  it("filters by courthouse, task type, urgency, minimum fee and date range, and counts the matches", async () => {
    const { actor } = await lawyer();
    const tag = `etiket${uniqueSuffix()}`;
    const [c0, c1] = [await courthouseIn(42, 0), await courthouseIn(42, 1)];
    const a = await postJob(actor, { provinceId: "42", courthouseId: String(c0), title: `Duruşma ${tag} bir`, fee: "1.000", scheduledAt: inDays(5), deadlineAt: inDays(3) });
    const b = await postJob(actor, { provinceId: "42", courthouseId: String(c1), title: `Haciz ${tag} iki`, taskType: "HACIZ_ICRA", fee: "3.000", urgency: "URGENT", scheduledAt: inDays(8), deadlineAt: inDays(6) });
    const c = await postJob(actor, { provinceId: "42", courthouseId: String(c0), title: `Dilekçe ${tag} üç`, taskType: "DILEKCE", fee: "6.000", scheduledAt: inDays(20), deadlineAt: inDays(19) });

    const ids = async (filters: Record<string, string>) => (await searchJobs({ provinceId: "42", q: tag, sort: "soonest", ...filters })).items.map((j) => j.id);
    expect(await ids({})).toEqual([a, b, c]);
    expect((await searchJobs({ provinceId: "42", q: tag })).total).toBe(3);
    expect(await ids({ courthouseId: String(c0) })).toEqual([a, c]);
    expect(await ids({ taskType: "HACIZ_ICRA" })).toEqual([b]);
    expect(await ids({ urgency: "URGENT" })).toEqual([b]);
    expect(await ids({ minFee: "3.000" })).toEqual([b, c]);
    const inTenDays = new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10);
    expect(await ids({ to: inTenDays })).toEqual([a, b]);
    expect(await ids({ from: inTenDays })).toEqual([c]);
    const page = await searchJobs({ provinceId: "42", q: tag, minFee: "3.000", sort: "soonest" });
    expect(page.total).toBe(2);
    expect(page.items[0]).toMatchObject({ id: b, provinceName: "Konya", feeKurus: 300_000, urgency: "URGENT" });
    expect(page.items[0]).not.toHaveProperty("fileNumber");
  });

  it("sorts soonest, newest and by highest fee", async () => {
    const { actor } = await lawyer();
    const tag = `sirala${uniqueSuffix()}`;
    const late = await postJob(actor, { provinceId: "43", title: `İş ${tag} geç`, fee: "2.000", scheduledAt: inDays(9), deadlineAt: inDays(8) });
    const soon = await postJob(actor, { provinceId: "43", title: `İş ${tag} yakın`, fee: "500", scheduledAt: inDays(2), deadlineAt: inDays(1) });
    const rich = await postJob(actor, { provinceId: "43", title: `İş ${tag} yüksek`, fee: "9.000", scheduledAt: inDays(5), deadlineAt: inDays(4) });
    const ids = async (sort: string) => (await searchJobs({ provinceId: "43", q: tag, sort })).items.map((j) => j.id);
    expect(await ids("soonest")).toEqual([soon, rich, late]);
    expect(await ids("newest")).toEqual([rich, soon, late]);
    expect(await ids("fee")).toEqual([rich, late, soon]);
  });

  it("pages with a keyset cursor: every job once, in order, whatever the sort", async () => {
    const { actor } = await lawyer();
    const tag = `sayfa${uniqueSuffix()}`;
    const total = PAGE_SIZE + 5;
    for (let i = 0; i < total; i++) {
      // equal fees and dates on some rows: the id tie-breaker must keep the pages disjoint
      await postJob(actor, { provinceId: "44", title: `Dosya ${tag} ${i}`, fee: String(1000 + (i % 3)), scheduledAt: inDays(3 + (i % 4)), deadlineAt: inDays(2) });
    }
    for (const sort of ["soonest", "newest", "fee"]) {
      const first = await searchJobs({ provinceId: "44", q: tag, sort });
      expect(first.items).toHaveLength(PAGE_SIZE);
      expect(first.total).toBe(total);
      expect(first.nextCursor).toBeTruthy();
      const second = await searchJobs({ provinceId: "44", q: tag, sort, cursor: first.nextCursor! });
      expect(second.items).toHaveLength(5);
      expect(second.nextCursor).toBeNull();
      const all = [...first.items, ...second.items].map((j) => j.id);
      expect(new Set(all).size).toBe(total);
    }
  });

  it("searches Turkish text with stemming over title and description", async () => {
    const { actor } = await lawyer();
    const word = `kelime${uniqueSuffix()}`;
    const hearing = await postJob(actor, { provinceId: "45", title: `Boşanma davası duruşmaları ${word}` });
    const seizure = await postJob(actor, { provinceId: "45", taskType: "HACIZ_ICRA", title: `Menkul haczi ${word}`, description: "Borçlunun iş yerindeki menkullerin haczine katılım; yediemin hazır." });
    const ids = async (q: string) => (await searchJobs({ provinceId: "45", q: `${word} ${q}` })).items.map((j) => j.id).sort();
    expect(await ids("duruşma")).toEqual([hearing]);
    expect(await ids("boşanmanın")).toEqual([hearing]);
    expect(await ids("yediemin")).toEqual([seizure]);
    expect(await ids("-yediemin")).toEqual([hearing]);
  });

  it("finds the word forms lawyers type, and jobs by task type, legal area and courthouse", async () => {
    const { actor } = await lawyer();
    const tag = `arama${uniqueSuffix()}`;
    const courthouse = await db.courthouse.findUniqueOrThrow({ where: { id: await courthouseIn(46, 0) } });
    const seizure = await postJob(actor, {
      provinceId: "46", courthouseId: String(courthouse.id), taskType: "HACIZ_ICRA", lawArea: "Ticaret Hukuku",
      title: `İzmir'de menkul haczine katılım ${tag}`, description: "Borçlunun iş yerinde yediemin hazır olacak.",
    });
    const review = await postJob(actor, {
      provinceId: "46", courthouseId: String(courthouse.id), taskType: "DOSYA_INCELEME", lawArea: "Aile Hukuku",
      title: `Dosya incelemesi ${tag}`, description: "Tapu kayıtlarının fotokopisi alınacak.",
    });
    const ids = async (q: string) => (await searchJobs({ provinceId: "46", q: `${tag} ${q}` })).items.map((j) => j.id).sort();
    expect(await ids("haciz")).toEqual([seizure]); // "haczine": the stem is hacz
    expect(await ids("inceleme")).toEqual([review]); // "incelemesi"
    expect(await ids("icra")).toEqual([seizure]); // only its task type, "Haciz / icra", says so
    expect(await ids("aile")).toEqual([review]); // the legal area
    expect(await ids(courthouse.name.split(" ")[0])).toEqual([seizure, review].sort()); // the courthouse
    expect(await ids("izmir'deki")).toEqual([seizure]);
  });

  it("folds Turkish letters and both i's: a phone without a Turkish keyboard finds the same jobs", async () => {
    const { actor } = await lawyer();
    const tag = `klavye${uniqueSuffix()}`;
    const job = await postJob(actor, { provinceId: "47", title: `Karşıyaka'da keşif ${tag}`, description: "Bilirkişi ile taşınmaz üzerinde inceleme." });
    const ids = async (q: string) => (await searchJobs({ provinceId: "47", q: `${tag} ${q}` })).items.map((j) => j.id);
    for (const typed of ["karsiyaka", "KARŞIYAKA", "KARSIYAKA", "bilirkisi", "tasinmaz", "Keşif", "KESIF"]) expect(await ids(typed), typed).toEqual([job]);
    expect((await searchJobs({ provinceId: "47", q: `${tag} karsiyaka` })).approximate).toBe(false);
  });

  it("forgives a typo when the words match nothing, and says the results are the closest spellings", async () => {
    const { actor } = await lawyer();
    const tag = `yazim${uniqueSuffix()}`;
    const seizure = await postJob(actor, { provinceId: "48", taskType: "HACIZ_ICRA", title: `Menkul haczine katılım ${tag}`, description: "Yediemin hazır olacak." });
    await postJob(actor, { provinceId: "48", title: `Boşanma duruşması ${tag}` });
    const typo = await searchJobs({ provinceId: "48", q: `${tag} yediemni` });
    expect(typo.items.map((j) => j.id)).toEqual([seizure]);
    expect(typo).toMatchObject({ total: 1, approximate: true });
    // a word that is nowhere near anything still finds nothing
    expect(await searchJobs({ provinceId: "48", q: `${tag} zzqqxxww` })).toMatchObject({ total: 0, items: [] });
  });

  it("ranks a search by relevance by default: a title match before a match in the description, across pages", async () => {
    const { actor } = await lawyer();
    const tag = `sira${uniqueSuffix()}`;
    const inDescription = await postJob(actor, { provinceId: "49", title: `Dosya işi ${tag}`, description: "Tahliye davasının duruşmasına katılım.", scheduledAt: inDays(2), deadlineAt: inDays(1) });
    const inTitle = await postJob(actor, { provinceId: "49", title: `Tahliye duruşması ${tag}`, scheduledAt: inDays(9), deadlineAt: inDays(8) });
    const ranked = await searchJobs({ provinceId: "49", q: `${tag} tahliye` });
    expect(ranked.items.map((j) => j.id)).toEqual([inTitle, inDescription]);
    // the lawyer can still ask for the date order, and without a search the default stays the soonest date
    expect((await searchJobs({ provinceId: "49", q: `${tag} tahliye`, sort: "soonest" })).items.map((j) => j.id)).toEqual([inDescription, inTitle]);
    expect((await searchJobs({ provinceId: "49", sort: "relevance" })).items[0]?.scheduledAt.getTime()).toBeLessThanOrEqual(
      (await searchJobs({ provinceId: "49", sort: "relevance" })).items.at(-1)!.scheduledAt.getTime(),
    );

    for (let i = 0; i < PAGE_SIZE + 3; i++) await postJob(actor, { provinceId: "49", title: `Tahliye ${tag} ${i}`, description: i % 2 ? "Tahliye ve yine tahliye." : "Kısa bir açıklama yeter burada." });
    const first = await searchJobs({ provinceId: "49", q: `${tag} tahliye` });
    const second = await searchJobs({ provinceId: "49", q: `${tag} tahliye`, cursor: first.nextCursor! });
    const all = [...first.items, ...second.items].map((j) => j.id);
    expect(all).toHaveLength(PAGE_SIZE + 5);
    expect(new Set(all).size).toBe(PAGE_SIZE + 5);
    expect(second.nextCursor).toBeNull();
  });

  it("serves from the cache until a write changes the board, and still answers with the cache flushed", async () => {
    const { actor } = await lawyer();
    const tag = `onbellek${uniqueSuffix()}`;
    const first = await postJob(actor, { provinceId: "46", title: `Tebligat ${tag}` });
    expect((await searchJobs({ provinceId: "46", q: tag })).items.map((j) => j.id)).toEqual([first]);

    // a change behind the domain's back is not seen: the answer comes from Redis
    await db.job.update({ where: { id: first }, data: { feeKurus: 777_700 } });
    expect((await searchJobs({ provinceId: "46", q: tag })).items[0].feeKurus).toBe(150_000);

    // a write through the domain (a new post) retires every board entry
    const second = await postJob(actor, { provinceId: "46", title: `Tebligat ${tag} ikinci` });
    const after = await searchJobs({ provinceId: "46", q: tag });
    expect(after.items.map((j) => j.id).sort()).toEqual([first, second].sort());
    expect(after.items.find((j) => j.id === first)!.feeKurus).toBe(777_700);
    expect(after.total).toBe(2);

    await flushBoardCache();
    await invalidate({ namespaces: [BOARD_NAMESPACE] });
    const flushed = await searchJobs({ provinceId: "46", q: tag });
    expect(flushed.total).toBe(2);
    expect(flushed.items[0].scheduledAt).toBeInstanceOf(Date);
  });

  it("refuses a malformed filter with a Turkish message", async () => {
    await expect(searchJobs({ minFee: "çok" })).rejects.toMatchObject({ code: "VALIDATION", details: { fieldErrors: { minFee: ["En düşük ücreti TL olarak girin."] } } });
  });

  it("uses the indexes: the board page and the text search never scan the Job table", async () => {
    // the test database is small, so the planner is told to prefer indexes the way it would on a large table
    const [board, search, similar] = await db.$transaction(async (tx) => {
      await tx.$executeRawUnsafe("SET LOCAL enable_seqscan = off");
      const plan = async (sql: string) => JSON.stringify(await tx.$queryRawUnsafe(`EXPLAIN (FORMAT JSON) ${sql}`));
      return [
        await plan(`SELECT id FROM "Job" WHERE status = 'OPEN' AND ("scheduledAt", id) > (now(), '') ORDER BY "scheduledAt", id LIMIT 21`),
        await plan(`SELECT id FROM "Job" WHERE "searchVector" @@ (to_tsquery('turkish', '(haciz:* | hacz:*)') || to_tsquery('simple', 'haciz:*'))`),
        await plan(`SELECT id FROM "Job" WHERE "searchText" %> 'yediemni'`),
      ];
    });
    expect(board).toContain("Job_status_scheduledAt_id_idx");
    expect(board).not.toContain("Seq Scan");
    expect(search).toContain("Job_searchVector_idx");
    expect(similar).toContain("Job_searchText_trgm_idx");
  });
});
