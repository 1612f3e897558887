"use client";

import { useEffect } from "react";

/**
 * Registers /sw.js on every page, so a lawyer who loses the connection gets the offline page instead of the
 * browser's error (push notifications use the same registration).
 */
export function ServiceWorkerRegistration() {
  useEffect(() => {
    if (!("serviceWorker" in navigator)) return;
    navigator.serviceWorker.register("/sw.js").catch((error: unknown) => console.warn("service worker not registered", error));
  }, []);
  return null;
}
