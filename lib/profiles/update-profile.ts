import { z } from "zod";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { parseInput } from "@/lib/validation";
import { invalidateUsers } from "@/lib/users/user-cache";

const checkbox = z.preprocess((v) => v === "on" || v === true || v === "true", z.boolean());

export const profileSchema = z.object({
  title: z.enum(["AVUKAT", "STAJYER"], { error: "Unvan seçin." }),
  phone: z.preprocess(
    (v) => (typeof v === "string" && v.trim() === "" ? undefined : v),
    z
      .string()
      .trim()
      .regex(/^\+?[0-9 ()-]{10,20}$/, "Telefon numarasını ülke koduyla ya da 0 ile başlayarak girin (ör. 0532 123 45 67).")
      .optional(),
  ),
  bio: z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : v), z.string().trim().max(1500, "Hakkımda en fazla 1500 karakter olabilir.").optional()),
  specialities: z
    .preprocess((v) => (typeof v === "string" ? v.split(",") : v ?? []), z.array(z.string()))
    .transform((list) => [...new Set(list.map((s) => s.trim()).filter(Boolean))])
    .pipe(z.array(z.string().max(60, "Her uzmanlık alanı en fazla 60 karakter olabilir.")).max(10, "En fazla 10 uzmanlık alanı girebilirsiniz.")),
  showPhone: checkbox,
  showEmail: checkbox,
});

/** The actor edits their own profile (only ever their own row: the id comes from the session). */
export async function updateProfile(actor: Actor, input: unknown): Promise<{ id: string }> {
  const data = parseInput(profileSchema, input);
  await db.user.update({
    where: { id: actor.id },
    data: { title: data.title, phone: data.phone ?? null, bio: data.bio ?? null, specialities: data.specialities, showPhone: data.showPhone, showEmail: data.showEmail },
  });
  await invalidateUsers([actor.id]);
  return { id: actor.id };
}
