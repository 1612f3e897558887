import type { Server } from "node:http";

/** Counts the requests a server is still answering, so a drain can wait for exactly those. */
export function trackInFlight(server: Server): { drain: (graceMs: number) => Promise<void> } {
  let inFlight = 0;
  server.on("request", (_req, res) => {
    inFlight++;
    res.once("close", () => inFlight--);
  });
  return {
    async drain(graceMs) {
      const deadline = Date.now() + graceMs;
      while (inFlight > 0 && Date.now() < deadline) {
        server.closeIdleConnections();
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      server.closeAllConnections();
    },
  };
}
