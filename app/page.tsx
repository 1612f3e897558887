import Link from "next/link";
import { redirect } from "next/navigation";
import { getCurrentSession } from "@/lib/auth/current-user";

export default async function LandingPage() {
  if (await getCurrentSession()) redirect("/panel");
  return (
    <div>
      <section className="hero">
        <h1>Başka şehirdeki duruşmanız için güvenilir bir meslektaş bulun</h1>
        <p className="muted">
          Tevkil, avukatların duruşma, dosya inceleme, haciz ve keşif gibi işleri birbirine devrettiği platformdur. İlanınızı
          verin, adliyeye yakın meslektaşlarınız başvursun, seçtiğiniz avukatla anında yazışın ve işi sonuçlandırın.
        </p>
        <div className="row">
          <Link className="button button-primary" href="/kayit">Ücretsiz kayıt ol</Link>
          <Link className="button button-secondary" href="/giris">Giriş yap</Link>
          <Link className="button button-secondary" href="/ilanlar">İlanlara göz atın</Link>
        </div>
      </section>
      <section className="features" aria-label="Öne çıkanlar">
        <div className="card">
          <h2>81 il, 595 adliye</h2>
          <p className="muted">İlanınızı il ve adliye seçerek verin; o adliyeyi takip eden avukatlara anında ulaşsın.</p>
        </div>
        <div className="card">
          <h2>Doğrulanmış avukatlar</h2>
          <p className="muted">Baro sicil numarası doğrulanan meslektaşlar ilan verir, başvurur ve mesajlaşır.</p>
        </div>
        <div className="card">
          <h2>Anlık mesajlaşma</h2>
          <p className="muted">Görevlendirdiğiniz avukatla gerçek zamanlı yazışın; rapor ve değerlendirme tek yerde.</p>
        </div>
      </section>
    </div>
  );
}
