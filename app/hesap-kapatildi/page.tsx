import type { Metadata } from "next";
import Link from "next/link";

export const metadata: Metadata = { title: "Hesabınız kapatıldı" };

export default function AccountClosedPage() {
  return (
    <div className="stack narrow-form">
      <h1>Hesabınız kapatıldı</h1>
      <p data-testid="account-closed">
        Tevkil hesabınız kapatıldı ve tüm oturumlarınız sonlandırıldı. Kişisel verileriniz silindi ya da anonimleştirildi; saklanan kayıtlar ve
        süreleri <Link href="/kvkk">aydınlatma metninde</Link> yazılıdır.
      </p>
      <p>
        <Link href="/">Ana sayfaya dön</Link>
      </p>
    </div>
  );
}
