import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getCurrentSession } from "@/lib/auth/current-user";
import { LoginForm } from "@/app/giris/login-form";

export const metadata: Metadata = { title: "Giriş yap" };

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ next?: string }> }) {
  if (await getCurrentSession()) redirect("/panel");
  const { next } = await searchParams;
  return (
    <div className="narrow" style={{ margin: "0 auto" }}>
      <h1>Giriş yap</h1>
      <div className="card">
        <LoginForm next={next} />
      </div>
      <p className="muted" style={{ marginTop: "1rem" }}>
        Hesabınız yok mu? <Link href="/kayit">Kayıt olun</Link>
      </p>
    </div>
  );
}
