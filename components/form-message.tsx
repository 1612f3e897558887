import type { ActionResult } from "@/lib/actions/server-action";

/** The form-level outcome of a server action: an error banner, or a success note if given. */
export function FormMessage({ result, success }: { result: ActionResult<unknown> | null; success?: string }) {
  if (!result) return null;
  if (result.ok) return success ? <div className="banner banner-success" role="status">{success}</div> : null;
  return (
    <div className="banner banner-error" role="alert" data-testid="form-error">
      {result.error.message}
    </div>
  );
}

export function fieldErrorsOf(result: ActionResult<unknown> | null): Record<string, string[]> | undefined {
  return result && !result.ok ? result.error.fieldErrors : undefined;
}
