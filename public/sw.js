// Tevkil service worker: an offline page when a page cannot be reached, and web push notifications. It caches the
// offline page (and its icon) only: pages are personal, and a stale copy of one would be worse than none.

const CACHE = "tevkil-offline-v1";
const OFFLINE_PAGE = "/offline.html";

self.addEventListener("install", (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      await cache.addAll([OFFLINE_PAGE, "/icons/icon.svg"]);
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) if (name !== CACHE) await caches.delete(name);
      // pages open since before the first install are looked after too
      await self.clients.claim();
    })(),
  );
});

self.addEventListener("fetch", (event) => {
  if (event.request.mode !== "navigate") return;
  event.respondWith(
    (async () => {
      try {
        return await fetch(event.request);
      } catch {
        return (await caches.match(OFFLINE_PAGE)) ?? Response.error();
      }
    })(),
  );
});

self.addEventListener("push", (event) => {
  let payload = {};
  try {
    payload = event.data ? event.data.json() : {};
  } catch {
    payload = { body: event.data ? event.data.text() : "" };
  }
  const { title = "Tevkil", body = "", url = "/bildirimler", tag } = payload;
  event.waitUntil(
    self.registration.showNotification(title, { body, tag, icon: "/icons/icon-192.png", data: { url } }),
  );
});

self.addEventListener("notificationclick", (event) => {
  event.notification.close();
  // only ever open a page of this site, whatever origin the payload named
  const target = new URL(event.notification.data?.url ?? "/bildirimler", self.location.origin);
  const url = new URL(target.pathname + target.search + target.hash, self.location.origin).href;
  event.waitUntil(
    (async () => {
      const windows = await self.clients.matchAll({ type: "window", includeUncontrolled: true });
      const open = windows.find((client) => client.url === url);
      if (open) return open.focus();
      return self.clients.openWindow(url);
    })(),
  );
});
