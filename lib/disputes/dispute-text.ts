import { z } from "zod";
import "@/lib/validation";

/** A reason, a message or a decision note in a dispute: real sentences, not a word. */
export const disputeText = (label: string, min = 10) =>
  z
    .string({ error: `${label} yazın.` })
    .trim()
    .min(min, `${label} en az ${min} karakter olmalı.`)
    .max(2000, `${label} en fazla 2000 karakter olabilir.`);

export const disputeId = z.string({ error: "Uyuşmazlık seçilmedi." }).trim().min(1, "Uyuşmazlık seçilmedi.").max(64);
