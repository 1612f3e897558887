"use client";

import { usePathname } from "next/navigation";
import { useEffect, useRef } from "react";

/** The account menu: a disclosure that closes on Escape, on a click outside and when the page changes. */
export function UserMenu({ label, children }: { label: string; children: React.ReactNode }) {
  const details = useRef<HTMLDetailsElement>(null);
  const pathname = usePathname();
  useEffect(() => {
    if (details.current) details.current.open = false;
  }, [pathname]);
  useEffect(() => {
    const close = (event: Event) => {
      const menu = details.current;
      if (!menu?.open) return;
      if (event instanceof KeyboardEvent ? event.key === "Escape" : !menu.contains(event.target as Node)) {
        menu.open = false;
        if (event instanceof KeyboardEvent) menu.querySelector("summary")?.focus();
      }
    };
    document.addEventListener("keydown", close);
    document.addEventListener("click", close);
    return () => {
      document.removeEventListener("keydown", close);
      document.removeEventListener("click", close);
    };
  }, []);
  return (
    <details className="user-menu" data-testid="user-menu" ref={details}>
      <summary aria-label={`Kullanıcı menüsü: ${label}`}>{label}</summary>
      <div className="user-menu-panel">{children}</div>
    </details>
  );
}
