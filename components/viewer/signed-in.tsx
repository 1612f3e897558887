"use client";

import { useViewer } from "@/components/viewer/viewer-provider";

/**
 * Shows its children only to a signed-in viewer (a verified one with `verified`). For the parts of shared pages
 * that depend on who is looking but are the same for everyone of a kind: the page's HTML stays shared.
 */
export function SignedIn({ verified = false, children }: { verified?: boolean; children: React.ReactNode }) {
  const viewer = useViewer();
  if (!viewer || (verified && viewer.verification !== "VERIFIED")) return null;
  return <>{children}</>;
}
