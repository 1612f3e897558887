"use client";

import Link from "next/link";
import { UnreadBadge } from "@/components/chat/unread-badge";
import { UrgentJobNotice } from "@/components/check-ins/urgent-job-notice";
import { LogoutButton } from "@/components/logout-button";
import { NotificationBellLive } from "@/components/notification-bell-live";
import { UserMenu } from "@/components/user-menu";
import { useViewerState } from "@/components/viewer/viewer-provider";

/** The header, drawn in the browser from the viewer (pages themselves are the same for everyone). */
export function SiteHeader() {
  const state = useViewerState();
  const viewer = state.status === "signed-in" ? state.viewer : null;
  return (
    <header className="site-header">
      <div className="container">
        <Link href={viewer ? "/panel" : "/"} className="brand">
          Tev<span>kil</span>
        </Link>
        <nav className="header-nav" aria-label="Ana menü" aria-busy={state.status === "loading"}>
          {viewer ? (
            <>
              <Link className="nav-link" href="/ilanlar">İlanlar</Link>
              <Link className="nav-link" href="/mesajlar" style={{ whiteSpace: "nowrap" }}>
                Mesajlar
                {viewer.verification === "VERIFIED" && <UnreadBadge key={viewer.id} viewerId={viewer.id} initialTotal={0} initialVersion={-1} />}
              </Link>
              <NotificationBellLive key={viewer.id} />
              <UserMenu label={viewer.name.split(" ").slice(0, 2).join(" ") || "Hesabım"}>
                <p className="small muted user-menu-email">{viewer.email}</p>
                <Link href="/panel">Panelim</Link>
                {viewer.verification === "VERIFIED" && <Link href="/panel#adliyedeyim">Adliyedeyim</Link>}
                <Link href={`/avukat/${viewer.id}`}>Profilim</Link>
                <Link href="/ayarlar">Ayarlar ve oturumlar</Link>
                {viewer.role === "ADMIN" && <Link href="/yonetim/dogrulama">Avukat doğrulama</Link>}
                {viewer.role === "ADMIN" && <Link href="/yonetim/kuyruklar">İş kuyrukları</Link>}
                {viewer.role === "ADMIN" && <Link href="/yonetim/denetim">Denetim kaydı</Link>}
                {viewer.role === "ADMIN" && <Link href="/yonetim/uyusmazliklar">Uyuşmazlık Masası</Link>}
                {viewer.role === "ADMIN" && <Link href="/yonetim/duraklatmalar">Başvuru duraklatmaları</Link>}
                <LogoutButton />
              </UserMenu>
            </>
          ) : state.status === "visitor" ? (
            <>
              <Link className="nav-link" href="/giris">Giriş yap</Link>
              <Link className="nav-link" href="/kayit">Kayıt ol</Link>
            </>
          ) : null}
        </nav>
      </div>
      {viewer?.verification === "VERIFIED" && <UrgentJobNotice key={viewer.id} />}
    </header>
  );
}
