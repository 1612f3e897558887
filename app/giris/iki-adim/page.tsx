import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getCurrentSession } from "@/lib/auth/current-user";
import { pendingSecondFactorUser } from "@/lib/two-factor/second-factor-ticket";
import { SecondFactorForm } from "@/app/giris/iki-adim/second-factor-form";

export const metadata: Metadata = { title: "İki adımlı doğrulama", robots: { index: false, follow: false } };

export default async function SecondFactorPage({ searchParams }: { searchParams: Promise<{ next?: string }> }) {
  if (await getCurrentSession()) redirect("/panel");
  const { next } = await searchParams;
  const pending = await pendingSecondFactorUser();
  return (
    <div className="narrow" style={{ margin: "0 auto" }}>
      <h1>İki adımlı doğrulama</h1>
      <div className="card">
        {pending ? (
          <>
            <p className="muted">Kimlik doğrulama uygulamanızdaki 6 haneli kodu girin. Telefonunuz yanınızda değilse kurtarma kodlarınızdan birini kullanabilirsiniz.</p>
            <SecondFactorForm next={next} />
          </>
        ) : (
          <div data-testid="second-step-expired">
            <p className="banner banner-error" role="alert">Giriş adımının süresi doldu ya da bu tarayıcıda şifre girilmedi.</p>
            <Link className="button button-primary button-block" href="/giris">Giriş sayfasına dön</Link>
          </div>
        )}
      </div>
    </div>
  );
}
