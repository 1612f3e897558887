import { describe, expect, it } from "vitest";
import { toIstanbulInputValue } from "@/lib/jobs/istanbul-time";
import { parseJobPost } from "@/lib/whatsapp/parse-job-post";
import { POSTED_AT, whatsappJobPosts } from "@/test/fixtures/whatsapp-job-posts";

describe("reading a WhatsApp #ILAN post", () => {
  it.each(whatsappJobPosts)("%s", (text, expected) => {
    const parsed = parseJobPost(text, POSTED_AT);
    if ("notAPost" in expected) return void expect(parsed.kind).toBe("not-a-post");
    if ("missing" in expected) {
      expect(parsed).toMatchObject({ kind: "question", missing: expected.missing });
      if (parsed.kind !== "question") return;
      for (const words of expected.mentions ?? []) expect(parsed.question).toContain(words);
      return;
    }
    expect(parsed.kind).toBe("draft");
    if (parsed.kind !== "draft") return;
    const { draft } = parsed;
    expect({
      courthouse: draft.courthouse.name,
      at: toIstanbulInputValue(draft.scheduledAt),
      taskType: draft.taskType,
      feeKurus: draft.feeKurus,
      ...(expected.urgency ? { urgency: draft.urgency } : {}),
      ...(expected.lawArea ? { lawArea: draft.lawArea } : {}),
    }).toEqual(expected);
    // what the web form would refuse: the deadline after the job, in the past, a short title or description
    expect(draft.deadlineAt.getTime()).toBeGreaterThan(POSTED_AT.getTime());
    expect(draft.deadlineAt.getTime()).toBeLessThanOrEqual(draft.scheduledAt.getTime());
    expect(draft.title.length).toBeGreaterThanOrEqual(5);
    expect(draft.description.length).toBeGreaterThanOrEqual(20);
  });

  it("covers at least 30 posts", () => {
    expect(whatsappJobPosts.length).toBeGreaterThanOrEqual(30);
  });
});
