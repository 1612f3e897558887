import type { NextRequest } from "next/server";
import { handlers } from "@/lib/auth/auth";
import { errorResponse } from "@/lib/actions/error-response";
import { rateLimitedError } from "@/lib/rate-limit/limiter";

export const { GET } = handlers;

const RATE_LIMITED_REDIRECT = /[?&]code=rate_limited_(\d+)/;

// Auth.js answers a refused credentials login with a redirect carrying the error code. A rate-limited
// login becomes HTTP 429 with Retry-After instead, so API clients and proxies see it for what it is.
export async function POST(request: NextRequest): Promise<Response> {
  const response = await handlers.POST(request);
  const limited = RATE_LIMITED_REDIRECT.exec(response.headers.get("location") ?? "");
  return limited ? errorResponse(rateLimitedError(Number(limited[1]))) : response;
}
