"use client";

import { useEffect, useRef } from "react";
import type { ActionResult } from "@/lib/actions/server-action";

/**
 * After a failed submit, moves focus to the first field marked invalid (or the form's error banner) and brings
 * it into view: on a phone the error is otherwise below the fold and the keyboard stays on the last field.
 */
export function useFocusFirstError(result: ActionResult<unknown> | null) {
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (!result || result.ok || !form.current) return;
    const target = form.current.querySelector<HTMLElement>("[aria-invalid='true']") ?? form.current.querySelector<HTMLElement>("[data-testid='form-error']");
    if (!target) return;
    if (target.tabIndex < 0 && !/^(INPUT|SELECT|TEXTAREA|BUTTON)$/.test(target.tagName)) target.tabIndex = -1;
    target.focus({ preventScroll: true });
    target.scrollIntoView({ block: "center" });
  }, [result]);
  return form;
}
