import type { Role, VerificationStatus } from "@/lib/generated/prisma/enums";

/** Who is acting: the input of every domain function that needs a logged-in user. */
export type Actor = {
  id: string;
  role: Role;
  verification: VerificationStatus;
  /** the session handle (hash of the cookie token), never the token itself */
  sessionId: string;
};
