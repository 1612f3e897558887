import { AppError } from "@/lib/errors";

// Sends waiting for a database connection in this process. Past the cap a send is refused at once
// (RATE_LIMITED, the client retries with the same clientId) instead of queueing without bound: an unbounded
// queue turns overload into memory growth, timeouts and retries that make it worse.
const MAX_PENDING_SENDS = Number(process.env.MESSAGE_SEND_MAX_PENDING ?? 400);
let pending = 0;

export async function withSendSlot<T>(run: () => Promise<T>): Promise<T> {
  if (pending >= MAX_PENDING_SENDS) {
    throw new AppError("RATE_LIMITED", "Sunucu şu anda çok yoğun. Mesajınız birkaç saniye içinde yeniden gönderilecek.", { retryAfterSeconds: 2 });
  }
  pending++;
  try {
    return await run();
  } finally {
    pending--;
  }
}
