import { cacheKey } from "@/lib/cache";
import { BOARD_NAMESPACE, jobNamespace } from "@/lib/jobs/job-cache";
import { conversationListGenerationKey } from "@/lib/messaging/list-conversations";
import { userNamespace } from "@/lib/users/user-cache";
import type { ViewerSummary } from "@/lib/viewer/viewer-summary";

/** What a plan needs to know of who is looking. */
type Viewer = Pick<ViewerSummary, "id" | "verification">;

// The pages whose rendered output is cached, and what each one's output depends on. A page's key is made of
// its URL, its audience (who may share one copy) and the current versions of the data it shows; every write
// that changes that data bumps a version, so the next view renders anew. Pages not listed here are rendered
// on every request.

const versionOf = (namespace: string) => cacheKey("v", namespace);

/** The job's cached involvement: who sees their own version of its page. */
export type InvolvementLookup = (jobId: string, version: string) => Promise<{ posterId: string; userIds: string[] } | null>;

export type PagePlan = {
  /** who may be served the same copy: "all", a class of viewers, or one user */
  audience: string;
  /** Redis keys of the versions the page's content depends on */
  versionKeys: string[];
  /** seconds a copy is kept at most (content that changes with time alone, such as "upcoming") */
  ttlSeconds: number;
};

export type PageRoute = {
  name: string;
  pattern: RegExp;
  /** whether the plan needs the viewer (a session lookup) */
  needsViewer: boolean;
  /** the plan for this request, or null to let it render uncached (no session where one is required, an unknown job) */
  plan(
    match: RegExpExecArray, viewer: Viewer | null, versions: (keys: string[]) => Promise<string[]>, involvement: InvolvementLookup, search: URLSearchParams,
  ): Promise<PagePlan | null>;
};

const SHARED_TTL = 60 * 60;
const PERSONAL_TTL = 10 * 60;

/** What a viewer who is not involved sees depends only on this class. */
const viewerClass = (viewer: Viewer | null) => (viewer ? (viewer.verification === "VERIFIED" ? "verified" : "lawyer") : "anon");
const personal = (viewer: Viewer) => `user:${viewer.id}:${viewer.verification}`;

// record ids (cuid); "/ilanlar/yeni" is the form, not a job
const ID = "(?!yeni$)([A-Za-z0-9_-]{1,64})";

export const pageRoutes: PageRoute[] = [
  {
    name: "board",
    pattern: /^\/ilanlar$/,
    needsViewer: false,
    // nothing on the board depends on the viewer: the header, "İlan ver" and the live feed are drawn in the browser.
    // "Bana uygun" (?bana=1) is the viewer's own availability: rendered for each request, never stored
    plan: async (_match, _viewer, _versions, _involvement, search) =>
      search.has("bana") ? null : { audience: "all", versionKeys: [versionOf(BOARD_NAMESPACE)], ttlSeconds: SHARED_TTL },
  },
  {
    name: "job",
    pattern: new RegExp(`^/ilanlar/${ID}$`),
    needsViewer: true,
    async plan(match, viewer, versions, involvement) {
      const jobId = match[1];
      const [jobVersion] = await versions([versionOf(jobNamespace(jobId))]);
      const involved = await involvement(jobId, jobVersion);
      if (!involved) return null;
      const own = viewer !== null && involved.userIds.includes(viewer.id);
      return {
        audience: own ? personal(viewer) : viewerClass(viewer),
        // the poster's card shows their rating
        versionKeys: [versionOf(jobNamespace(jobId)), versionOf(userNamespace(involved.posterId))],
        ttlSeconds: own ? PERSONAL_TTL : SHARED_TTL,
      };
    },
  },
  {
    name: "profile",
    pattern: new RegExp(`^/avukat/${ID}$`),
    needsViewer: true,
    async plan(match, viewer) {
      const profileId = match[1];
      // the lawyer sees "Profili düzenle"; a verified colleague "Mesaj gönder"; everyone else neither
      const audience = viewer?.id === profileId ? "own" : viewer?.verification === "VERIFIED" ? "verified" : "other";
      return { audience, versionKeys: [versionOf(userNamespace(profileId))], ttlSeconds: SHARED_TTL };
    },
  },
  {
    name: "conversations",
    pattern: /^\/mesajlar$/,
    needsViewer: true,
    // the first page's list is fetched by the browser (/api/konusmalar): one copy per class of viewer, whatever
    // messages arrive. Older pages (?once=) are rendered with the viewer's conversations in them
    async plan(_match, viewer, _versions, _involvement, search) {
      if (!viewer) return null;
      if (!search.has("once")) return { audience: viewerClass(viewer), versionKeys: [], ttlSeconds: SHARED_TTL };
      return { audience: personal(viewer), versionKeys: [conversationListGenerationKey(viewer.id), versionOf(userNamespace(viewer.id))], ttlSeconds: PERSONAL_TTL };
    },
  },
  {
    name: "panel",
    pattern: /^\/panel$/,
    needsViewer: true,
    async plan(_match, viewer) {
      if (!viewer) return null;
      return { audience: personal(viewer), versionKeys: [versionOf(userNamespace(viewer.id))], ttlSeconds: PERSONAL_TTL };
    },
  },
];

/** The cached route for a path, with its match. */
export function matchPageRoute(pathname: string): { route: PageRoute; match: RegExpExecArray } | null {
  for (const route of pageRoutes) {
    const match = route.pattern.exec(pathname);
    if (match) return { route, match };
  }
  return null;
}
