import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getCurrentSession } from "@/lib/auth/current-user";
import { LoginForm } from "@/app/giris/login-form";
import { PasskeyLogin } from "@/app/giris/passkey-login";

export const metadata: Metadata = { title: "Giriş yap" };

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ next?: string; sifre?: string; code?: string }> }) {
  if (await getCurrentSession()) redirect("/panel");
  const { next, sifre, code } = await searchParams;
  // Auth.js's own endpoint sends a login that needs its second step here
  if (code === "second_factor") redirect("/giris/iki-adim");
  return (
    <div className="narrow" style={{ margin: "0 auto" }}>
      <h1>Giriş yap</h1>
      {sifre === "yenilendi" && (
        <div className="banner banner-success" role="status" data-testid="password-reset-done">
          Şifreniz değiştirildi ve açık oturumlarınız kapatıldı. Yeni şifrenizle giriş yapabilirsiniz.
        </div>
      )}
      <div className="card">
        <LoginForm next={next} />
        <PasskeyLogin next={next} />
        <p className="small" style={{ margin: "0.75rem 0 0", textAlign: "center" }}>
          <Link href="/sifremi-unuttum">Şifremi unuttum</Link>
        </p>
      </div>
      <p className="muted" style={{ marginTop: "1rem" }}>
        Hesabınız yok mu? <Link href="/kayit">Kayıt olun</Link>
      </p>
    </div>
  );
}
