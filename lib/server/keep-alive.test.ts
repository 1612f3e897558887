import { createServer, request, Agent, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, describe, expect, it } from "vitest";
import { outlastProxyKeepAlive } from "@/lib/server/keep-alive";

const servers: Server[] = [];
afterAll(() => Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve)))));

async function serve(configure: (server: Server) => void): Promise<string> {
  const server = createServer((_req, res) => res.end("tamam"));
  configure(server);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
}

/** GET on the agent's kept-alive connection; whether the request went out on a connection used before. */
function get(url: string, agent: Agent): Promise<{ reused: boolean }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { agent }, (res) => {
      res.resume();
      res.on("end", () => resolve({ reused: req.reusedSocket }));
    });
    req.on("error", reject);
    req.end();
  });
}

describe("outlastProxyKeepAlive", () => {
  it("keeps an idle connection open past Node's 5-second default, which closes it", async () => {
    const [kept, plain] = await Promise.all([serve(outlastProxyKeepAlive), serve(() => undefined)]);
    const keptAgent = new Agent({ keepAlive: true, maxSockets: 1 });
    const plainAgent = new Agent({ keepAlive: true, maxSockets: 1 });
    await Promise.all([get(kept, keptAgent), get(plain, plainAgent)]);

    await new Promise((resolve) => setTimeout(resolve, 6_000)); // a proxy's connection, idle between two requests

    expect(await get(kept, keptAgent)).toEqual({ reused: true });
    // the control: Node closed it after 5 s, so the agent had to open a new connection
    expect(await get(plain, plainAgent)).toEqual({ reused: false });
    keptAgent.destroy();
    plainAgent.destroy();
  }, 15_000);
});
