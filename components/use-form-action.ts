"use client";

import { useActionState } from "react";
import type { ActionResult } from "@/lib/actions/server-action";

export type FormState<T> = { result: ActionResult<T> | null; values: Record<string, string> };

const SECRET_FIELDS = /password|şifre/i;

/**
 * useActionState for a form backed by a server action. Keeps what the user typed (but no passwords) so a
 * failed submit does not wipe the form when React resets it; inputs take `defaultValue={state.values.x}`.
 */
export function useFormAction<T>(action: (formData: FormData) => Promise<ActionResult<T>>) {
  return useActionState<FormState<T>, FormData>(
    async (_previous, formData) => {
      const values: Record<string, string> = {};
      for (const [key, value] of formData.entries()) {
        if (typeof value === "string" && !SECRET_FIELDS.test(key) && !key.startsWith("$ACTION")) values[key] = value;
      }
      return { result: await action(formData), values };
    },
    { result: null, values: {} },
  );
}
