import type { OutgoingHttpHeaders, ServerResponse } from "node:http";
import { checkReadiness } from "@/lib/readiness";

// A page that fails to render is answered by Next with a 500 and an empty document that only a browser running
// its scripts fills in (app/error.tsx), in English in the console and nothing at all without scripts. Nearly
// always the cause is PostgreSQL or Redis not answering for a moment: then the page is a Turkish "temporarily
// unavailable" with 503 and Retry-After, which tells browsers, crawlers and load balancers to come back (and
// the session is untouched: lib/auth/current-user.ts throws rather than say "logged out"). Any other 500 gets
// a Turkish page too. Client-side navigations (RSC payloads, not HTML) still reach app/error.tsx.

const RETRY_AFTER_SECONDS = 5;

function errorDocument(status: 500 | 503): string {
  const [title, text] =
    status === 503
      ? ["Hizmet geçici olarak kullanılamıyor", "Tevkil şu an bu sayfayı gösteremiyor. Birkaç saniye sonra sayfayı yenileyin."]
      : ["Beklenmeyen bir hata oluştu", "Bu sayfa gösterilemedi. Lütfen biraz sonra tekrar deneyin."];
  return (
    `<!DOCTYPE html><html lang="tr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">` +
    `<meta name="robots" content="noindex"><title>${title} · Tevkil</title></head>` +
    `<body style="font-family:system-ui,sans-serif;max-width:480px;margin:4rem auto;padding:0 1rem">` +
    `<h1>${title}</h1><p>${text}</p><p><a href="">Sayfayı yenile</a></p></body></html>`
  );
}

const isHtml = (type: unknown) => /^text\/html/i.test(String(type ?? ""));

/**
 * Watches what Next writes to `res`: a 500 HTML document is held back and replaced by ours once the readiness
 * check says why. Everything else passes through untouched.
 */
export function answerPageErrors(res: ServerResponse): void {
  type Untyped<T> = (...args: unknown[]) => T;
  const original = { writeHead: res.writeHead as Untyped<ServerResponse>, write: res.write as Untyped<boolean>, end: res.end as Untyped<ServerResponse> };
  let replaced: boolean | undefined; // decided when Next sends its head
  const decide = (status: number, headers?: OutgoingHttpHeaders) => {
    if (replaced === undefined) {
      replaced = status === 500 && isHtml(headers?.["content-type"] ?? res.getHeader("content-type"));
      if (replaced) void answer();
    }
    return replaced;
  };
  const answer = async () => {
    const { ready } = await checkReadiness();
    const status = ready ? 500 : 503;
    const body = errorDocument(status);
    for (const name of res.getHeaderNames()) if (name !== "content-security-policy") res.removeHeader(name);
    original.writeHead.call(res, status, {
      "content-type": "text/html; charset=utf-8",
      "content-length": Buffer.byteLength(body),
      "cache-control": "no-store",
      ...(status === 503 ? { "retry-after": String(RETRY_AFTER_SECONDS) } : {}),
    });
    original.end.call(res, body);
  };
  // what Next writes after a replaced head goes nowhere; its callbacks still run, so its stream finishes
  const swallow = (args: unknown[]) => {
    const callback = args.find((a) => typeof a === "function") as (() => void) | undefined;
    if (callback) process.nextTick(callback);
  };
  res.writeHead = function (this: ServerResponse, status: number, ...rest: unknown[]) {
    const headers = rest.find((r) => r && typeof r === "object") as OutgoingHttpHeaders | undefined;
    if (decide(status, headers)) return this;
    return original.writeHead.call(this, status, ...rest);
  } as ServerResponse["writeHead"];
  res.write = function (this: ServerResponse, ...args: unknown[]) {
    if (!decide(this.statusCode)) return original.write.apply(this, args);
    swallow(args);
    return true;
  } as ServerResponse["write"];
  res.end = function (this: ServerResponse, ...args: unknown[]) {
    if (!decide(this.statusCode)) return original.end.apply(this, args);
    swallow(args);
    return this;
  } as ServerResponse["end"];
}
