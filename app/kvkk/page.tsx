import type { Metadata } from "next";
import Link from "next/link";

export const metadata: Metadata = { title: "KVKK aydınlatma metni" };

export default function KvkkPage() {
  return (
    <article className="card stack">
      <h1>Kişisel verilerin korunması hakkında aydınlatma metni</h1>
      <p>
        6698 sayılı Kişisel Verilerin Korunması Kanunu uyarınca, Tevkil üyeliğiniz kapsamında ad soyad, e-posta, telefon, baro ve
        sicil bilgileriniz; üyeliğin kurulması, avukatlık kaydınızın doğrulanması, görev ilanlarının eşleştirilmesi ve
        yazışmaların yürütülmesi amaçlarıyla işlenir.
      </p>
      <p>
        Telefon ve e-posta bilgileriniz, gizlilik ayarlarınıza göre yalnızca görevlendirildiğiniz ya da görevlendirdiğiniz
        meslektaşınıza gösterilir. Verileriniz yasal saklama süreleri sonunda silinir veya anonimleştirilir.
      </p>
      <h2>Haklarınız (md. 11)</h2>
      <p>
        Kanunun 11. maddesindeki haklarınızı hesabınızdan kendiniz kullanabilirsiniz: <Link href="/ayarlar/verilerim">Ayarlar › Verilerim</Link>{" "}
        sayfasında tek tıkla verilerinizin bir kopyasını (ZIP) hazırlatıp indirebilir, hesabınızı kapatabilirsiniz. İstek, mevcut şifreniz
        sorulduktan sonra tüm oturumlarınızı hemen kapatır; hesap 7 günlük bekleme süresinin sonunda kapatılır (bu sürede giriş yaparsanız istek
        iptal olur) ve ad, e-posta, telefon, baro bilgileri, fotoğraf ve tercihleriniz silinir ya da anonimleştirilir.
      </p>
      <h2>Hesap kapatıldıktan sonra saklananlar</h2>
      <p>
        Başka avukatların da tarafı olduğu kayıtlar silinmez, ancak sizinle ilişkilendirilmeden &quot;Silinmiş kullanıcı&quot; adıyla tutulur:
        yazıştığınız meslektaşların konuşmalarındaki mesajlarınız, tamamlanan işlerin kaydı (görev raporu, tarih, ücret) ve değerlendirmeler.
        Platform, tamamlanan işlerin kaydını işin tamamlandığı tarihten itibaren 10 yıl saklamayı tercih eder; bu süre, Türk Borçlar Kanunu
        md. 146&apos;daki genel zamanaşımı süresi esas alınarak, doğabilecek uyuşmazlıklarda tarafların kayda ulaşabilmesi için seçilmiştir. Süre
        sonunda bu kayıtlar da silinir veya anonimleştirilir.
      </p>
    </article>
  );
}
