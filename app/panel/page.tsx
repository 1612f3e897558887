import type { Metadata } from "next";
import { requirePageSession } from "@/lib/auth/require-page-session";

export const metadata: Metadata = { title: "Panel" };

export default async function DashboardPage({ searchParams }: { searchParams: Promise<{ hosgeldiniz?: string }> }) {
  const session = await requirePageSession("/panel");
  const { hosgeldiniz } = await searchParams;
  return (
    <div className="stack">
      {hosgeldiniz && <div className="banner banner-success" role="status">Hesabınız oluşturuldu. Tevkil&apos;e hoş geldiniz!</div>}
      <h1 data-testid="dashboard-title">Merhaba, {session.user.name}</h1>
      <div className="grid-2">
        <section className="card">
          <h2 style={{ marginTop: 0 }}>İlanlarım</h2>
          <p className="empty">Henüz ilan vermediniz.</p>
        </section>
        <section className="card">
          <h2 style={{ marginTop: 0 }}>Başvurularım</h2>
          <p className="empty">Henüz bir ilana başvurmadınız.</p>
        </section>
      </div>
    </div>
  );
}
