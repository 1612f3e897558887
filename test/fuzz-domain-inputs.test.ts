import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { acceptApplication } from "@/lib/applications/accept-application";
import { applyToJob } from "@/lib/applications/apply-to-job";
import { withdrawApplication } from "@/lib/applications/withdraw-application";
import { AppError } from "@/lib/errors";
import { createJob } from "@/lib/jobs/create-job";
import { searchJobs } from "@/lib/jobs/search-jobs";
import { openConversation } from "@/lib/messaging/open-conversation";
import { sendMessage } from "@/lib/messaging/send-message";
import { pairWithConversation } from "@/test/socket-test-client";
import { updateProfile } from "@/lib/profiles/update-profile";
import { createReview } from "@/lib/reviews/create-review";
import { registerUser } from "@/lib/users/register-user";
import { actorOf } from "@/test/factories";

// Every use case that takes input from a form or a socket, fed values no form sends (fast-check: wrong types,
// NUL and bidi controls, invisible-only and huge strings, impossible dates, nested junk). Each call must either
// succeed or be refused with an AppError other than INTERNAL: bad input is never a crash. The counts are printed
// for the issue's note.

const hostileText = fc.oneof(
  fc.string(),
  fc.string({ unit: "grapheme", maxLength: 40 }),
  fc.constantFrom("", " ", "\u0000", "a\u0000b", "\u202Efdp.exe", "\u200B\u200C\u200D", "\uD800", "İıIi", "2027-02-31T10:00", "9999-12-31T23:59", "25:61", "-1", "1e309", "NaN", "null", "<script>alert(1)</script>", "' OR 1=1 --", "%00", "../../etc/passwd"),
  fc.string({ minLength: 5_000, maxLength: 20_000 }),
);
const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 5, arbitrary: hostileText },
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
  fc.array(hostileText, { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), hostileText, { maxKeys: 3 }),
);
const formOf = (fields: string[]): fc.Arbitrary<unknown> =>
  fc.oneof(
    { weight: 8, arbitrary: fc.record(Object.fromEntries(fields.map((f) => [f, hostileValue])), { requiredKeys: [] }) },
    hostileValue,
  );

const counts = { tried: 0, succeeded: 0, refused: {} as Record<string, number>, crashed: 0 };

async function outcome(call: () => Promise<unknown>): Promise<string> {
  counts.tried++;
  try {
    await call();
    counts.succeeded++;
    return "ok";
  } catch (error) {
    if (error instanceof AppError && error.code !== "INTERNAL") {
      counts.refused[error.code] = (counts.refused[error.code] ?? 0) + 1;
      return error.code;
    }
    counts.crashed++;
    throw new Error(`not an AppError: ${error instanceof Error ? `${error.name}: ${error.message.slice(0, 200)}` : String(error)}`);
  }
}

const RUNS = 300;
let ip = 0;

describe("fuzzed input to every use case", () => {
  it("is refused with a Turkish AppError or accepted, never an INTERNAL crash", async () => {
    const { a, b, conversationId } = await pairWithConversation();
    const actor: Actor = actorOf(a);
    const cases: [string, fc.Arbitrary<unknown>, (input: unknown) => Promise<unknown>][] = [
      ["createJob", formOf(["taskType", "lawArea", "title", "description", "provinceId", "courthouseId", "court", "fileNumber", "scheduledAt", "deadlineAt", "fee", "urgency"]), (input) => createJob(actor, input)],
      ["searchJobs", formOf(["q", "provinceId", "courthouseId", "taskType", "urgency", "from", "to", "minFee", "sort", "cursor"]), (input) => searchJobs(input)],
      ["applyToJob", formOf(["jobId", "note", "proposedFee"]), (input) => applyToJob(actorOf(b), input)],
      ["withdrawApplication", formOf(["applicationId"]), (input) => withdrawApplication(actor, input)],
      ["acceptApplication", formOf(["applicationId"]), (input) => acceptApplication(actor, input)],
      // half the time in the lawyer's real conversation, so the checks after membership are reached too
      ["sendMessage", fc.tuple(formOf(["conversationId", "clientId", "body", "attachmentId"]), fc.boolean()).map(([input, member]) => (member && input && typeof input === "object" && !Array.isArray(input) ? { ...input, conversationId } : input)), (input) => sendMessage(actor, input)],
      ["openConversation", formOf(["peerId", "jobId"]), (input) => openConversation(actor, input)],
      ["updateProfile", formOf(["title", "phone", "bio", "specialities", "showPhone", "showEmail", "coveredProvinceIds"]), (input) => updateProfile(actor, input)],
      ["createReview", formOf(["jobId", "overall", "professionalism", "communication", "punctuality", "comment"]), (input) => createReview(actor, input)],
      ["registerUser", formOf(["fullName", "email", "password", "provinceId", "barName", "barNumber", "title", "kvkkConsent"]), (input) => registerUser(input, { ip: `198.51.100.${ip++ % 250}` })],
    ];
    for (const [, arbitrary, call] of cases) {
      await fc.assert(fc.asyncProperty(arbitrary, async (input) => void (await outcome(() => call(input)))), { numRuns: RUNS });
    }
    console.log(`fuzz: ${counts.tried} cases over ${cases.length} use cases; ${counts.succeeded} accepted, refused ${JSON.stringify(counts.refused)}, ${counts.crashed} INTERNAL/crash`);
    expect(counts.crashed).toBe(0);
    expect(counts.tried).toBe(RUNS * cases.length);
  }, 240_000);
});
