import type { Metadata } from "next";

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
      <p>Kanunun 11. maddesindeki haklarınızı kullanmak için hesap ayarlarınızdan bize ulaşabilirsiniz.</p>
    </article>
  );
}
