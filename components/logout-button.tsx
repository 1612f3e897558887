"use client";

import { useTransition } from "react";
import { logoutAction } from "@/lib/auth/logout-action";

/** Ends the session, then loads the home page afresh: the socket, the header and every cached view start over. */
export function LogoutButton() {
  const [pending, startTransition] = useTransition();
  return (
    <button
      type="button"
      data-testid="logout"
      disabled={pending}
      onClick={() =>
        startTransition(async () => {
          await logoutAction();
          // a full load on purpose: the socket, the header and every page start over without the old session
          // eslint-disable-next-line @next/next/no-location-assign-relative-destination
          window.location.assign("/");
        })
      }
    >
      {pending ? "Çıkış yapılıyor…" : "Çıkış yap"}
    </button>
  );
}
