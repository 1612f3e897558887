"use client";

import Link from "next/link";
import { useEffect, useState } from "react";
import type { CourthousePresence } from "@/lib/check-ins/get-courthouse-presence";

/**
 * "Şu an bu adliyede 2 meslektaş": asked from the browser each time the page is shown (and when the tab comes
 * back into view), so the job page's shared cached copy never holds a count that goes stale or anyone's name.
 */
export function CourthousePresenceLine({ courthouseId }: { courthouseId: number }) {
  const [presence, setPresence] = useState<CourthousePresence | null>(null);
  useEffect(() => {
    let cancelled = false;
    const load = () =>
      fetch(`/api/adliyeler/${courthouseId}/adliyedeyim`, { cache: "no-store" })
        .then((r) => (r.ok ? (r.json() as Promise<CourthousePresence>) : null))
        .then((data) => !cancelled && data && setPresence(data), () => undefined);
    const onVisible = () => document.visibilityState === "visible" && load();
    void load();
    document.addEventListener("visibilitychange", onVisible);
    return () => {
      cancelled = true;
      document.removeEventListener("visibilitychange", onVisible);
    };
  }, [courthouseId]);
  if (!presence) return null;
  return (
    <p className="small courthouse-presence" data-testid="courthouse-presence">
      Şu an bu adliyede {presence.count} meslektaş{presence.includesViewer ? " (siz dahil)" : ""}
      {presence.shown.length > 0 && (
        <>
          {": "}
          {presence.shown.map((u, i) => (
            <span key={u.id}>
              {i > 0 && ", "}
              <Link href={`/avukat/${u.id}`}>{u.fullName}</Link>
            </span>
          ))}
        </>
      )}
    </p>
  );
}
