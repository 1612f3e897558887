import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getCurrentSession } from "@/lib/auth/current-user";
import { barNames } from "@/lib/reference/bars";
import { provinceRecords } from "@/lib/reference/provinces-data";
import { RegisterForm } from "@/app/kayit/register-form";

export const metadata: Metadata = { title: "Kayıt ol" };

const provinceOptions = [...provinceRecords]
  .sort((a, b) => a.name.localeCompare(b.name, "tr"))
  .map((p) => ({ value: String(p.plate), label: p.name }));

export default async function RegisterPage() {
  if (await getCurrentSession()) redirect("/panel");
  return (
    <div className="narrow" style={{ margin: "0 auto" }}>
      <h1>Avukat olarak kayıt olun</h1>
      <p className="muted">Kaydınızdan sonra baro bilgileriniz bir yönetici tarafından doğrulanır. Doğrulanana kadar ilanlara göz atabilirsiniz.</p>
      <div className="card">
        <RegisterForm provinces={provinceOptions} bars={barNames} />
      </div>
      <p className="muted" style={{ marginTop: "1rem" }}>
        Zaten hesabınız var mı? <Link href="/giris">Giriş yapın</Link>
      </p>
    </div>
  );
}
