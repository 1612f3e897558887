import type { Metadata } from "next";
import Link from "next/link";

export const metadata: Metadata = { title: "Hesap silme isteğiniz alındı" };

export default function AccountClosedPage() {
  return (
    <div className="stack narrow-form">
      <h1>Hesap silme isteğiniz alındı</h1>
      <p data-testid="account-closed">
        Tüm oturumlarınız sonlandırıldı. Hesabınız bekleme süresinin sonunda kapatılacak ve kişisel verileriniz silinecek ya da
        anonimleştirilecek; saklanan kayıtlar ve süreleri <Link href="/kvkk">aydınlatma metninde</Link> yazılıdır. Fikrinizi değiştirirseniz bu süre
        içinde giriş yapmanız yeterli: istek iptal olur.
      </p>
      <p>
        <Link href="/">Ana sayfaya dön</Link>
      </p>
    </div>
  );
}
