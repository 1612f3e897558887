import { env } from "@/lib/env";
import { getRedis, redisKey } from "@/lib/redis";

// The site a passkey is bound to is the app's own address (APP_URL): the browser refuses to use it anywhere else.
export function relyingParty(): { id: string; name: string; origin: string } {
  const url = new URL(env().APP_URL);
  return { id: url.hostname, name: "Tevkil", origin: url.origin };
}

// A challenge is good for one ceremony, for five minutes.
const CHALLENGE_SECONDS = 5 * 60;

export async function keepChallenge(purpose: "register" | "login", key: string, challenge: string): Promise<void> {
  await getRedis().set(redisKey("passkey-challenge", purpose, key), challenge, "EX", CHALLENGE_SECONDS);
}

export async function takeChallenge(purpose: "register" | "login", key: string): Promise<string | null> {
  return getRedis().getdel(redisKey("passkey-challenge", purpose, key));
}
