import { validationError } from "@/lib/validation";

/** A VALIDATION error on one field, for checks that need the database (zod cannot see it). */
export const badField = (field: string, message: string) => validationError({ [field]: [message] });

/** Prisma's unique-constraint violation. */
export const isUniqueViolation = (error: unknown) =>
  typeof error === "object" && error !== null && (error as { code?: string }).code === "P2002";
