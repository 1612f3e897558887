// Tevkil service worker: shows web push notifications and opens their page when clicked. It caches nothing.

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
