import { z } from "zod";
import "@/lib/validation";
import { barNameSet } from "@/lib/reference/bars";

export const PASSWORD_MIN_LENGTH = 10;

export const registerUserSchema = z.object({
  fullName: z.string().trim().min(3, "Ad soyad en az 3 karakter olmalı.").max(120, "Ad soyad en fazla 120 karakter olabilir."),
  email: z.string().trim().toLowerCase().pipe(z.email("Geçerli bir e-posta adresi girin.")),
  password: z
    .string()
    .min(PASSWORD_MIN_LENGTH, `Şifre en az ${PASSWORD_MIN_LENGTH} karakter olmalı.`)
    .max(200, "Şifre en fazla 200 karakter olabilir."),
  provinceId: z.coerce.number({ error: "İl seçin." }).int().min(1, "İl seçin.").max(81, "İl seçin."),
  barName: z.string().refine((v) => barNameSet.has(v), "Listeden bir baro seçin."),
  barNumber: z
    .string()
    .trim()
    .regex(/^[0-9]{1,10}$/, "Baro sicil numarası yalnızca rakamlardan oluşmalı."),
  title: z.enum(["AVUKAT", "STAJYER"], { error: "Unvan seçin." }),
  kvkkConsent: z.literal("on", { error: "KVKK aydınlatma metnini onaylamanız gerekiyor." }),
});

export type RegisterUserInput = z.input<typeof registerUserSchema>;
