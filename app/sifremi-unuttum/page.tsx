import type { Metadata } from "next";
import Link from "next/link";
import { RequestResetForm } from "@/app/sifremi-unuttum/request-form";

export const metadata: Metadata = { title: "Şifremi unuttum" };

export default function ForgotPasswordPage() {
  return (
    <div className="narrow" style={{ margin: "0 auto" }}>
      <h1>Şifremi unuttum</h1>
      <p className="muted">Hesabınızın e-posta adresini girin; şifrenizi yenilemeniz için bir bağlantı gönderelim.</p>
      <div className="card">
        <RequestResetForm />
      </div>
      <p className="muted" style={{ marginTop: "1rem" }}>
        Şifrenizi hatırladınız mı? <Link href="/giris">Giriş yapın</Link>
      </p>
    </div>
  );
}
