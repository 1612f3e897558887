import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { addFollow } from "@/lib/follows/add-follow";
import { listFollows } from "@/lib/follows/list-follows";
import { removeFollow } from "@/lib/follows/remove-follow";
import { courthouseIn, lawyer, refusal } from "@/test/marketplace-test-support";

describe("follows", () => {
  it("follows a province and a courthouse once each (even when clicked twice at once) and unfollows", async () => {
    const { actor } = await lawyer();
    const courthouseId = await courthouseIn(34, 2);
    await Promise.all([addFollow(actor, { provinceId: "35" }), addFollow(actor, { provinceId: "35" })]);
    const { id } = await addFollow(actor, { provinceId: "34", courthouseId: String(courthouseId) });
    await addFollow(actor, { provinceId: "34", courthouseId: String(courthouseId) });

    const follows = await listFollows(actor.id);
    expect(follows.map((f) => [f.provinceName, f.courthouseName === null])).toEqual([["İstanbul", false], ["İzmir", true]]);
    await removeFollow(actor, { followId: id });
    expect(await db.follow.count({ where: { userId: actor.id } })).toBe(1);
  });

  it("refuses a courthouse outside the province", async () => {
    const { actor } = await lawyer();
    const error = await refusal(addFollow(actor, { provinceId: "34", courthouseId: String(await courthouseIn(6)) }));
    expect(error.details.fieldErrors?.courthouseId).toEqual(["Seçtiğiniz ilde bir adliye seçin."]);
  });
});
