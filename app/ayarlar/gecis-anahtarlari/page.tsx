import type { Metadata } from "next";
import Link from "next/link";
import { actorFromSession } from "@/lib/auth/current-user";
import { requirePageSession } from "@/lib/auth/require-page-session";
import { formatDateTime } from "@/lib/format";
import { listPasskeys } from "@/lib/passkeys/manage-passkeys";
import { AddPasskey, PasskeyItem } from "@/app/ayarlar/gecis-anahtarlari/passkey-forms";

export const metadata: Metadata = { title: "Geçiş anahtarları" };

export default async function PasskeysPage() {
  const session = await requirePageSession("/ayarlar/gecis-anahtarlari");
  const passkeys = await listPasskeys(actorFromSession(session));
  return (
    <div className="stack narrow">
      <p className="small"><Link href="/ayarlar">← Ayarlar</Link></p>
      <h1>Geçiş anahtarları</h1>
      <p className="muted">
        Geçiş anahtarıyla şifre yazmadan, telefonunuzun parmak izi, yüz tanıma ya da ekran kilidiyle giriş yaparsınız. Anahtar yalnızca bu
        sitede çalışır; iki adımlı doğrulamanın yerini de tutar.
      </p>
      <section className="card">
        <h2 style={{ marginTop: 0 }}>Anahtarlarınız</h2>
        {passkeys.length === 0 ? (
          <p className="empty" data-testid="no-passkeys">Henüz geçiş anahtarı eklemediniz.</p>
        ) : (
          <ul className="list" data-testid="passkeys">
            {passkeys.map((p) => (
              <PasskeyItem
                key={p.id}
                id={p.id}
                name={p.name}
                details={`Eklendi: ${formatDateTime(p.createdAt)} · Son kullanım: ${p.lastUsedAt ? formatDateTime(p.lastUsedAt) : "henüz yok"}`}
              />
            ))}
          </ul>
        )}
      </section>
      <section className="card">
        <h2 style={{ marginTop: 0 }}>Yeni anahtar</h2>
        <AddPasskey />
      </section>
    </div>
  );
}
