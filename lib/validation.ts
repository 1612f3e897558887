import { z } from "zod";
import { AppError, type FieldErrors } from "@/lib/errors";

// zod's own Turkish messages for anything a schema does not word itself
z.config(z.locales.tr());

export function validationError(fieldErrors: FieldErrors, message = "Lütfen işaretli alanları düzeltin."): AppError {
  return new AppError("VALIDATION", message, { fieldErrors });
}

// What no field of ours should ever hold, whatever its schema: NUL (PostgreSQL refuses it in text, and one such
// row used to fail a whole batched insert), lone UTF-16 surrogates, bidirectional controls (they make
// "fatura\u202Efdp.exe" read as "fatura.exe.pdf") and text made only of invisible characters.
const FORBIDDEN = /[\u0000\u202A-\u202E\u2066-\u2069\u061C]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const INVISIBLE = /[\s\u200B-\u200F\u2060-\u2064\uFEFF\u00AD\u180E\u3164\uFFA0]/g;

/** The message for a string no field accepts, or null when it is fine. */
export function unsafeTextMessage(value: string): string | null {
  if (FORBIDDEN.test(value)) return "Bu alan izin verilmeyen (görünmez veya yön değiştiren) karakterler içeriyor.";
  if (value.length > 0 && value.replace(INVISIBLE, "").length === 0 && /[^\s]/.test(value)) return "Bu alan yalnızca görünmez karakterlerden oluşamaz.";
  return null;
}

/** Every string anywhere in the input, with its path, that no field may hold. */
function unsafeStrings(input: unknown, path: string[] = [], found: [string, string][] = [], depth = 0): [string, string][] {
  if (typeof input === "string") {
    const message = unsafeTextMessage(input);
    if (message) found.push([path.length ? path.join(".") : "_form", message]);
  } else if (input && typeof input === "object" && depth < 8 && !(input instanceof Blob) && !(input instanceof Date)) {
    for (const [key, value] of Object.entries(input)) unsafeStrings(value, [...path, key], found, depth + 1);
  }
  return found;
}

/**
 * Parses input with the schema or throws VALIDATION with a Turkish message per field. Every string in the input is
 * first held to the rules above, so no schema can forget them.
 */
export function parseInput<T extends z.ZodType>(schema: T, input: unknown): z.infer<T> {
  const unsafe = unsafeStrings(input);
  if (unsafe.length) {
    const fieldErrors: FieldErrors = {};
    for (const [field, message] of unsafe) (fieldErrors[field] ??= []).push(message);
    throw validationError(fieldErrors, unsafe.length === 1 ? unsafe[0][1] : undefined);
  }
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

/** Whether a string can be one of our record ids (cuid); anything else from a URL is simply not found. */
export function looksLikeRecordId(id: unknown): id is string {
  return typeof id === "string" && /^[A-Za-z0-9_-]{1,64}$/.test(id);
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
