import { z } from "zod";
import "@/lib/validation";
import { barNameSet } from "@/lib/reference/bars";

export const PASSWORD_MIN_LENGTH = 10;
const PASSWORD_MIN_DISTINCT = 5;

export const registerUserSchema = z.object({
  fullName: z.string({ error: "Ad soyad girin." }).trim().min(3, "Ad soyad en az 3 karakter olmalı.").max(120, "Ad soyad en fazla 120 karakter olabilir."),
  email: z.string({ error: "E-posta adresinizi girin." }).trim().toLowerCase().pipe(z.email("Geçerli bir e-posta adresi girin.")),
  password: z
    .string({ error: "Bir şifre belirleyin." })
    .min(PASSWORD_MIN_LENGTH, `Şifre en az ${PASSWORD_MIN_LENGTH} karakter olmalı.`)
    .max(200, "Şifre en fazla 200 karakter olabilir.")
    // "aaaaaaaaaa" or "1212121212" meets the length and is guessed first
    .refine((v) => new Set(v).size >= PASSWORD_MIN_DISTINCT, "Şifre çok kolay tahmin edilir: en az 5 farklı harf, rakam veya işaret kullanın."),
  provinceId: z.coerce.number({ error: "İl seçin." }).int().min(1, "İl seçin.").max(81, "İl seçin."),
  barName: z.string({ error: "Listeden bir baro seçin." }).refine((v) => barNameSet.has(v), "Listeden bir baro seçin."),
  barNumber: z
    .string({ error: "Baro sicil numaranızı girin." })
    .trim()
    .regex(/^[0-9]{1,10}$/, "Baro sicil numarası yalnızca rakamlardan oluşmalı."),
  title: z.enum(["AVUKAT", "STAJYER"], { error: "Unvan seçin." }),
  kvkkConsent: z.literal("on", { error: "KVKK aydınlatma metnini onaylamanız gerekiyor." }),
});

export type RegisterUserInput = z.input<typeof registerUserSchema>;
