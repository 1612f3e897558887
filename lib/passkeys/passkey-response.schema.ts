import { z } from "zod";

// What @simplewebauthn/browser hands back from the browser's WebAuthn call, checked only for shape and size here:
// @simplewebauthn/server verifies the signature, challenge, origin and site.
const base64url = z.string().max(2048).regex(/^[A-Za-z0-9_-]*$/, "Geçersiz yanıt.");

export const passkeyResponseSchema = z.object({
  id: base64url,
  rawId: base64url,
  type: z.literal("public-key"),
  response: z.record(z.string(), z.unknown()),
  clientExtensionResults: z.record(z.string(), z.unknown()).default({}),
  authenticatorAttachment: z.enum(["platform", "cross-platform"]).optional(),
});
