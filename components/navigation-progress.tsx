"use client";

import { useEffect, useState } from "react";

// Shown only when a navigation takes longer than this: a fast one must not flash a bar.
const SHOW_AFTER_MS = 150;
const GIVE_UP_AFTER_MS = 20_000;

const isPlainClick = (e: MouseEvent) => e.button === 0 && !e.metaKey && !e.ctrlKey && !e.shiftKey && !e.altKey;

/**
 * A bar at the top of the screen while the next page is on its way (a slow connection in a courthouse corridor),
 * for every link and GET form (the board's filters). It listens in the capture phase, before Next's Link handles the
 * click, and ends when the address changes, i.e. when the router has committed the new page.
 */
export function NavigationProgress() {
  const [visible, setVisible] = useState(false);
  useEffect(() => {
    let watching: { from: string; poll: number; show: number; giveUp: number } | null = null;
    const stop = () => {
      if (!watching) return;
      window.clearInterval(watching.poll);
      window.clearTimeout(watching.show);
      window.clearTimeout(watching.giveUp);
      watching = null;
      setVisible(false);
    };
    const start = () => {
      stop();
      const from = window.location.href;
      watching = {
        from,
        poll: window.setInterval(() => window.location.href !== from && stop(), 50),
        show: window.setTimeout(() => setVisible(true), SHOW_AFTER_MS),
        giveUp: window.setTimeout(stop, GIVE_UP_AFTER_MS),
      };
    };
    const onClick = (e: MouseEvent) => {
      const link = (e.target as Element | null)?.closest?.("a[href]");
      if (!(link instanceof HTMLAnchorElement) || !isPlainClick(e) || link.hasAttribute("download")) return;
      if (link.target && link.target !== "_self") return;
      const to = new URL(link.href, window.location.href);
      const here = new URL(window.location.href);
      if (to.origin !== here.origin || (to.pathname === here.pathname && to.search === here.search)) return;
      start();
    };
    const onSubmit = (e: SubmitEvent) => {
      if (e.target instanceof HTMLFormElement && e.target.method.toLowerCase() === "get") start();
    };
    document.addEventListener("click", onClick, true);
    document.addEventListener("submit", onSubmit, true);
    window.addEventListener("popstate", stop);
    return () => {
      stop();
      document.removeEventListener("click", onClick, true);
      document.removeEventListener("submit", onSubmit, true);
      window.removeEventListener("popstate", stop);
    };
  }, []);
  if (!visible) return null;
  return (
    <div className="nav-progress" role="status" data-testid="navigation-progress">
      <span className="visually-hidden">Sayfa yükleniyor…</span>
    </div>
  );
}
