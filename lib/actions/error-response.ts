import { toErrorPayload, type ErrorCode } from "@/lib/errors";

const statusByCode: Record<ErrorCode, number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  VALIDATION: 400,
  CONFLICT: 409,
  RATE_LIMITED: 429,
  INTERNAL: 500,
};

/** The HTTP status that answers an error of this code. */
export const errorHttpStatus = (code: ErrorCode): number => statusByCode[code];

/** A route handler's JSON error: the stable code, the Turkish message, and Retry-After when rate limited. */
export function errorResponse(error: unknown): Response {
  const payload = toErrorPayload(error);
  const headers: Record<string, string> = { "Cache-Control": "no-store" };
  if (payload.retryAfterSeconds) headers["Retry-After"] = String(payload.retryAfterSeconds);
  return Response.json({ error: payload }, { status: statusByCode[payload.code], headers });
}
