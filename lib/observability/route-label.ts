// The route label of HTTP metrics and logs: a name per page or endpoint, never the raw path (ids and search terms
// would make one series per job and leak what people look for).
const routes: [string, RegExp][] = [
  ["board", /^\/ilanlar$/],
  ["job-new", /^\/ilanlar\/yeni$/],
  ["job-edit", /^\/ilanlar\/[^/]+\/duzenle$/],
  ["job", /^\/ilanlar\/[^/]+$/],
  ["profile", /^\/avukat\/[^/]+$/],
  ["conversations", /^\/mesajlar$/],
  ["conversation", /^\/mesajlar\/[^/]+$/],
  ["panel", /^\/panel$/],
  ["notifications", /^\/bildirimler$/],
  ["settings", /^\/ayarlar(\/.*)?$/],
  ["admin", /^\/yonetim(\/.*)?$/],
  ["login", /^\/giris(\/.*)?$/],
  ["register", /^\/kayit$/],
  ["home", /^\/$/],
  ["calendar", /^\/takvim\/[^/]+$/],
  ["api-me", /^\/api\/me$/],
  ["api-conversations", /^\/api\/konusmalar$/],
  ["api-auth", /^\/api\/auth\/.*/],
  ["api-health", /^\/api\/(health|ready)$/],
  ["api-metrics", /^\/api\/metrics$/],
  ["api-attachment", /^\/api\/ekler(\/.*)?$/],
  ["api-avatar", /^\/api\/avatar(\/.*)?$/],
  ["api-document", /^\/api\/ilanlar\/[^/]+\/yetki-belgesi$/],
  ["api-whatsapp", /^\/api\/whatsapp\/webhook$/],
  ["api-other", /^\/api\/.*/],
  ["static", /^\/(_next\/|fonts\/|icons\/|favicon|apple-icon|manifest|sw\.js|robots)/],
];

/** `board`, `job`, … for a request; a server action is its page's name with `-action`. */
export function routeLabel(method: string | undefined, url: string | undefined, isAction: boolean): string {
  const path = (url ?? "/").split("?")[0];
  const name = routes.find(([, pattern]) => pattern.test(path))?.[0] ?? "other";
  return isAction && method === "POST" ? `${name}-action` : name;
}
