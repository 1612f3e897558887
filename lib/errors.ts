// Errors meant for the user carry a stable code and a Turkish message; anything else is reported as INTERNAL.
export type ErrorCode =
  | "UNAUTHENTICATED"
  | "FORBIDDEN"
  | "NOT_FOUND"
  | "VALIDATION"
  | "CONFLICT"
  | "RATE_LIMITED"
  | "INTERNAL";

export type FieldErrors = Record<string, string[]>;

export class AppError extends Error {
  override name = "AppError";
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: { fieldErrors?: FieldErrors; retryAfterSeconds?: number } = {},
  ) {
    super(message);
  }
}

export const unauthenticated = () => new AppError("UNAUTHENTICATED", "Bu işlem için giriş yapmalısınız.");
export const forbidden = (message = "Bu işlem için yetkiniz yok.") => new AppError("FORBIDDEN", message);
export const notFound = (message = "Aradığınız kayıt bulunamadı.") => new AppError("NOT_FOUND", message);
export const conflict = (message: string) => new AppError("CONFLICT", message);
export const notVerified = () =>
  new AppError("FORBIDDEN", "Hesabınız henüz doğrulanmadı. Doğrulama tamamlanınca ilan verebilir, başvurabilir ve mesajlaşabilirsiniz.");

export const INTERNAL_MESSAGE = "Beklenmeyen bir hata oluştu. Lütfen biraz sonra tekrar deneyin.";

export type ErrorPayload = { code: ErrorCode; message: string; fieldErrors?: FieldErrors; retryAfterSeconds?: number };

/** What a client may see of an error: AppErrors as they are, everything else as a generic INTERNAL. */
export function toErrorPayload(error: unknown, log: (error: unknown) => void = console.error): ErrorPayload {
  if (error instanceof AppError) {
    return { code: error.code, message: error.message, ...error.details };
  }
  log(error);
  return { code: "INTERNAL", message: INTERNAL_MESSAGE };
}
