import type { Metadata, Viewport } from "next";
import { connection } from "next/server";
import "./globals.css";
import { NavigationProgress } from "@/components/navigation-progress";
import { ServiceWorkerRegistration } from "@/components/service-worker-registration";
import { SiteHeader } from "@/components/site-header";
import { SocketProvider } from "@/components/realtime/socket-provider";
import { VerificationBanner } from "@/components/verification-banner";
import { ViewerProvider } from "@/components/viewer/viewer-provider";

export const metadata: Metadata = {
  title: { default: "Tevkil — avukatlar arası görev paylaşımı", template: "%s · Tevkil" },
  description: "Başka şehirdeki duruşma, dosya inceleme ve haciz işlerinizi güvendiğiniz meslektaşlarınıza devredin.",
  applicationName: "Tevkil",
  appleWebApp: { capable: true, title: "Tevkil", statusBarStyle: "default" },
};

export const viewport: Viewport = {
  themeColor: "#1f3a68",
  width: "device-width",
  initialScale: 1,
};

// Nothing here depends on who is looking (the header and the banner are drawn in the browser from /api/me),
// so a page's HTML can be rendered once and served to everyone it is shared with (lib/page-cache).
export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // rendered per request, never prerendered at build time: only a render sees the response's CSP nonce
  // (lib/http/content-security-policy.ts) and puts it on its scripts; the page cache keeps what repeats
  await connection();
  return (
    <html lang="tr">
      <body>
        <a className="skip-link" href="#icerik">İçeriğe geç</a>
        <ServiceWorkerRegistration />
        <NavigationProgress />
        <ViewerProvider>
          <SocketProvider>
            <SiteHeader />
            <main className="container" id="icerik" tabIndex={-1}>
              <VerificationBanner />
              {children}
            </main>
          </SocketProvider>
        </ViewerProvider>
      </body>
    </html>
  );
}
