import { z } from "zod";
import "@/lib/validation";

// Field schemas shared by the messaging use cases (each use case's own schema sits in its file).
export const MESSAGE_BODY_MAX = 4000;

export const recordId = (label: string) =>
  z.string({ error: `${label} gerekli.` }).trim().min(1, `${label} gerekli.`).max(64, `${label} geçersiz.`);

/** A message id as sent on the wire: a non-negative safe integer (0 means "before the first message"). */
export const messageIdSchema = z
  .number({ error: "Mesaj numarası bir sayı olmalı." })
  .int("Mesaj numarası tam sayı olmalı.")
  .min(0, "Mesaj numarası negatif olamaz.")
  .max(Number.MAX_SAFE_INTEGER, "Mesaj numarası geçersiz.");
