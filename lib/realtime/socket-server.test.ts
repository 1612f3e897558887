import type { Socket as ClientSocket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSession, revokeSession, sessionHandleOf } from "@/lib/auth/session-store";
import { getRedis, redisKey } from "@/lib/redis";
import { revokeOwnSession } from "@/lib/users/revoke-sessions";
import { actorOf, createTestUser } from "@/test/factories";
import { sessionCookie, startSocketTestServer } from "@/test/socket-test-server";

let server: Awaited<ReturnType<typeof startSocketTestServer>>;

beforeAll(async () => {
  server = await startSocketTestServer();
});

afterAll(() => server.close());

// another cookie before ours: the handshake must find the session cookie among several
const client = (token?: string): ClientSocket => server.client(token ? `theme=dark; ${sessionCookie(token)}` : undefined);

/** Resolves with "connected" or the connect_error message. */
function outcome(socket: ClientSocket): Promise<{ connected: true } | { connected: false; message: string; data: unknown }> {
  return new Promise((resolve) => {
    socket.once("connect", () => resolve({ connected: true }));
    socket.once("connect_error", (error: Error & { data?: unknown }) => resolve({ connected: false, message: error.message, data: error.data }));
  });
}

async function socketIdsIn(room: string): Promise<string[]> {
  return (await server.io.in(room).fetchSockets()).map((s) => s.id);
}

describe("Socket.IO server", () => {
  it("refuses a handshake without a session cookie", async () => {
    const result = await outcome(client());
    expect(result).toMatchObject({
      connected: false,
      message: "UNAUTHENTICATED",
      data: { code: "UNAUTHENTICATED", message: "Oturumunuz bulunamadı. Lütfen yeniden giriş yapın." },
    });
  });

  it("refuses an unknown or malformed session token", async () => {
    expect(await outcome(client("A".repeat(43)))).toMatchObject({ connected: false, message: "UNAUTHENTICATED" });
    expect(await outcome(client("bozuk"))).toMatchObject({ connected: false, message: "UNAUTHENTICATED" });
  });

  it("accepts a live session and puts the socket in its user's and its session's rooms", async () => {
    const user = await createTestUser();
    const token = await createSession({ userId: user.id });
    const socket = client(token);
    expect(await outcome(socket)).toEqual({ connected: true });

    expect(await socketIdsIn(`user:${user.id}`)).toEqual([socket.id]);
    expect(await socketIdsIn(`session:${sessionHandleOf(token)}`)).toEqual([socket.id]);
    const [serverSide] = await server.io.in(`user:${user.id}`).fetchSockets();
    expect(serverSide.data.actor).toEqual(actorOf(user, sessionHandleOf(token)));
  });

  it("refuses a revoked session at the next connect", async () => {
    const user = await createTestUser();
    const token = await createSession({ userId: user.id });
    const first = client(token);
    expect(await outcome(first)).toEqual({ connected: true });
    first.disconnect();

    expect(await revokeSession(user.id, sessionHandleOf(token))).toBe(true);
    expect(await outcome(client(token))).toMatchObject({ connected: false, message: "UNAUTHENTICATED" });
  });

  it("disconnects the sockets of a session revoked while connected, and only those", async () => {
    const user = await createTestUser();
    const current = await createSession({ userId: user.id });
    const doomed = await createSession({ userId: user.id });
    const keptSocket = client(current);
    const doomedSocket = client(doomed);
    expect(await Promise.all([outcome(keptSocket), outcome(doomedSocket)])).toEqual([{ connected: true }, { connected: true }]);
    expect((await socketIdsIn(`user:${user.id}`)).sort()).toEqual([keptSocket.id, doomedSocket.id].sort());

    const disconnected = new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error("revoked socket still connected after 5 s")), 5_000);
      doomedSocket.once("disconnect", (reason) => {
        clearTimeout(timer);
        resolve(reason);
      });
    });
    await revokeOwnSession(actorOf(user, sessionHandleOf(current)), { sessionId: sessionHandleOf(doomed) }, { ip: "", userAgent: "" });
    // the server closed it ("io server disconnect"), so a well-behaved client does not reconnect by itself
    expect(await disconnected).toBe("io server disconnect");

    expect(keptSocket.connected).toBe(true);
    expect(await socketIdsIn(`user:${user.id}`)).toEqual([keptSocket.id]);
    expect(await outcome(client(doomed))).toMatchObject({ connected: false, message: "UNAUTHENTICATED" });
  });

  it("closes a session's sockets within a second of its record expiring, and keeps a session whose expiry moved", async () => {
    const user = await createTestUser();
    const [expiring, extended] = await Promise.all([createSession({ userId: user.id }), createSession({ userId: user.id })]);
    const expiringKey = redisKey("sess", sessionHandleOf(expiring));
    // both records two seconds from their end (the 7-day idle limit, shortened); the second one is then used again
    for (const token of [expiring, extended]) await getRedis().pexpire(redisKey("sess", sessionHandleOf(token)), 2_000);
    const expiringSocket = client(expiring);
    const extendedSocket = client(extended);
    // both outcomes listened for at once: the second socket may connect while the first is awaited
    expect(await Promise.all([outcome(expiringSocket), outcome(extendedSocket)])).toEqual([{ connected: true }, { connected: true }]);
    await getRedis().pexpire(redisKey("sess", sessionHandleOf(extended)), 60_000);

    const closed = new Promise<{ at: number; reason: string }>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error("socket of an expired session still connected after 6 s")), 6_000);
      expiringSocket.once("disconnect", (reason) => {
        clearTimeout(timer);
        resolve({ at: Date.now(), reason });
      });
    });
    let goneAt = 0;
    while (!goneAt) {
      if ((await getRedis().exists(expiringKey)) === 0) goneAt = Date.now();
      else await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const { at, reason } = await closed;
    expect(reason).toBe("io server disconnect");
    expect(at - goneAt).toBeLessThan(1_000);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(extendedSocket.connected).toBe(true);
  }, 30_000);
});
