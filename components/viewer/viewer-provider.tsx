"use client";

import { usePathname } from "next/navigation";
import { createContext, useCallback, useContext, useEffect, useState } from "react";
import type { ViewerSummary } from "@/lib/viewer/viewer-summary";

export type ViewerState = { status: "loading" } | { status: "visitor" } | { status: "signed-in"; viewer: ViewerSummary };

const ViewerContext = createContext<ViewerState>({ status: "loading" });

const VIEWER_CHANGED = "tevkil:viewer-changed";

/** Tells every ViewerProvider of this tab to ask again (after a login, a logout, a profile change). */
export function announceViewerChanged(): void {
  window.dispatchEvent(new Event(VIEWER_CHANGED));
}

/**
 * Who is looking, fetched in the browser: pages are rendered once for everyone and cached, so nothing personal
 * is in their HTML. Asked again on every navigation (a login or logout redirects) and when announced.
 */
export function ViewerProvider({ children }: { children: React.ReactNode }) {
  const [state, setState] = useState<ViewerState>({ status: "loading" });
  const [generation, setGeneration] = useState(0);
  const pathname = usePathname();
  const refresh = useCallback(() => setGeneration((g) => g + 1), []);

  useEffect(() => {
    const controller = new AbortController();
    fetch("/api/me", { cache: "no-store", signal: controller.signal, headers: { accept: "application/json" } })
      .then((response) => (response.ok ? (response.json() as Promise<{ viewer: ViewerSummary | null }>) : Promise.reject(new Error(String(response.status)))))
      .then(({ viewer }) =>
        setState((current) => {
          if (!viewer) return current.status === "visitor" ? current : { status: "visitor" };
          // the same answer keeps the same object, so nothing below redraws or reconnects
          if (current.status === "signed-in" && JSON.stringify(current.viewer) === JSON.stringify(viewer)) return current;
          return { status: "signed-in", viewer };
        }),
      )
      .catch(() => undefined); // offline or the server restarting: keep what is shown
    return () => controller.abort();
  }, [pathname, generation]);

  useEffect(() => {
    window.addEventListener(VIEWER_CHANGED, refresh);
    return () => window.removeEventListener(VIEWER_CHANGED, refresh);
  }, [refresh]);

  return <ViewerContext.Provider value={state}>{children}</ViewerContext.Provider>;
}

export function useViewerState(): ViewerState {
  return useContext(ViewerContext);
}

/** The signed-in viewer, or null while loading and for visitors. */
export function useViewer(): ViewerSummary | null {
  const state = useViewerState();
  return state.status === "signed-in" ? state.viewer : null;
}
