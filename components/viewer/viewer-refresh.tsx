"use client";

import { useEffect } from "react";
import { announceViewerChanged } from "@/components/viewer/viewer-provider";

/** Placed on a page reached after a change to the account: the header and banner ask /api/me again. */
export function ViewerRefresh() {
  useEffect(() => announceViewerChanged(), []);
  return null;
}
