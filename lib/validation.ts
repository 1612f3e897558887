import { z } from "zod";
import { AppError, type FieldErrors } from "@/lib/errors";

// zod's own Turkish messages for anything a schema does not word itself
z.config(z.locales.tr());

export function validationError(fieldErrors: FieldErrors, message = "Lütfen işaretli alanları düzeltin."): AppError {
  return new AppError("VALIDATION", message, { fieldErrors });
}

/** Parses input with the schema or throws VALIDATION with a Turkish message per field. */
export function parseInput<T extends z.ZodType>(schema: T, input: unknown): z.infer<T> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const fieldErrors: FieldErrors = {};
  for (const issue of result.error.issues) {
    const field = issue.path.length ? issue.path.join(".") : "_form";
    (fieldErrors[field] ??= []).push(issue.message);
  }
  const first = result.error.issues[0];
  const message = Object.keys(fieldErrors).length === 1 && fieldErrors._form ? first.message : "Lütfen işaretli alanları düzeltin.";
  throw validationError(fieldErrors, message);
}

/** FormData → plain object (repeated names become arrays), for zod. */
export function formDataToObject(formData: FormData): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of formData.entries()) {
    if (key.startsWith("$ACTION")) continue;
    out[key] = key in out ? ([] as unknown[]).concat(out[key], value) : value;
  }
  return out;
}
