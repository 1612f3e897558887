import Link from "next/link";
import { logoutAction } from "@/app/actions/logout";
import { MessagesNavLink } from "@/components/messages-nav-link";
import { NotificationBell } from "@/components/notification-bell";
import { getCurrentSession } from "@/lib/auth/current-user";

export async function SiteHeader() {
  const session = await getCurrentSession();
  return (
    <header className="site-header">
      <div className="container">
        <Link href={session ? "/panel" : "/"} className="brand">
          Tev<span>kil</span>
        </Link>
        <nav className="header-nav" aria-label="Ana menü">
          {session ? (
            <>
              <Link className="nav-link" href="/ilanlar">İlanlar</Link>
              <MessagesNavLink />
              <NotificationBell />
              <details className="user-menu" data-testid="user-menu">
                <summary aria-label="Kullanıcı menüsü">{session.user.name?.split(" ").slice(0, 2).join(" ") ?? "Hesabım"}</summary>
                <div className="user-menu-panel">
                  <p className="small muted" style={{ padding: "0.25rem 0.75rem", margin: 0 }}>{session.user.email}</p>
                  <Link href="/panel">Panelim</Link>
                  <Link href={`/avukat/${session.user.id}`}>Profilim</Link>
                  <Link href="/ayarlar">Ayarlar ve oturumlar</Link>
                  {session.user.role === "ADMIN" && <Link href="/yonetim/dogrulama">Avukat doğrulama</Link>}
                  {session.user.role === "ADMIN" && <Link href="/yonetim/kuyruklar">İş kuyrukları</Link>}
                  <form action={logoutAction}>
                    <button type="submit" data-testid="logout">Çıkış yap</button>
                  </form>
                </div>
              </details>
            </>
          ) : (
            <>
              <Link className="nav-link" href="/giris">Giriş yap</Link>
              <Link className="nav-link" href="/kayit">Kayıt ol</Link>
            </>
          )}
        </nav>
      </div>
    </header>
  );
}
