import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer, type IncomingMessage, type RequestListener, type Server } from "node:http";
import { createServer as createHttpsServer } from "node:https";
import { tmpdir } from "node:os";
import path from "node:path";
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { simpleParser, type ParsedMail } from "mailparser";

// Local stand-ins for the services the notification worker talks to. Each records what it received
// and answers as the real service does, including errors, so tests check the exact wire behaviour.

export type ReceivedMail = { envelopeTo: string[]; mail: ParsedMail };

export async function startSmtpServer(options: { beforeAccept?: (index: number) => Promise<void> } = {}) {
  const received: ReceivedMail[] = [];
  let dataStarts = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, session, callback) {
      const index = dataStarts++;
      simpleParser(stream)
        .then(async (mail) => {
          await options.beforeAccept?.(index);
          received.push({ envelopeTo: session.envelope.rcptTo.map((r) => r.address), mail });
          callback();
        })
        .catch((error) => callback(error));
    },
  });
  // a client that dies mid-session (worker-crash.test.ts kills one) resets its connection, which SMTPServer reports
  // as an "error" event: unheard, it would be an uncaught exception of the test run
  server.on("error", () => undefined);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.server.address() as AddressInfo).port;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    dataStarts: () => dataStarts,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export type RecordedRequest = { method: string; path: string; headers: IncomingMessage["headers"]; body: Buffer };
export type ScriptedResponse = { status: number; body?: unknown; headers?: Record<string, string> };

/** A throwaway self-signed certificate for 127.0.0.1 (push services are HTTPS-only, and web-push speaks only HTTPS). */
function selfSignedCertificate(): { key: Buffer; cert: Buffer } {
  const dir = mkdtempSync(path.join(tmpdir(), "tevkil-cert-"));
  try {
    execFileSync("openssl", ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=127.0.0.1",
      "-addext", "subjectAltName=IP:127.0.0.1", "-keyout", path.join(dir, "key.pem"), "-out", path.join(dir, "cert.pem")], { stdio: "ignore" });
    return { key: readFileSync(path.join(dir, "key.pem")), cert: readFileSync(path.join(dir, "cert.pem")) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * An HTTP(S) server that records requests and answers from a script (the last entry repeats); `reset` starts
 * a new script. With `tls`, it serves HTTPS with a self-signed certificate and returns it for the client to trust.
 */
export async function startScriptedHttpServer(initial: ScriptedResponse[], options: { tls?: boolean } = {}) {
  let script = initial;
  const requests: RecordedRequest[] = [];
  const tls = options.tls ? selfSignedCertificate() : null;
  const listener: RequestListener = (req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      requests.push({ method: req.method ?? "", path: req.url ?? "", headers: req.headers, body: Buffer.concat(chunks) });
      const answer = script[Math.min(requests.length - 1, script.length - 1)];
      res.writeHead(answer.status, { "Content-Type": "application/json", ...answer.headers });
      res.end(answer.body === undefined ? "" : JSON.stringify(answer.body));
    });
  };
  const server: Server = tls ? createHttpsServer(tls, listener) : createServer(listener);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `${tls ? "https" : "http"}://127.0.0.1:${port}`,
    certificate: tls?.cert,
    requests,
    reset(next: ScriptedResponse[]) {
      script = next;
      requests.length = 0;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
