import type { Metadata, Viewport } from "next";
import "./globals.css";
import { SiteHeader } from "@/components/site-header";
import { SocketProvider } from "@/components/realtime/socket-provider";
import { getCurrentSession } from "@/lib/auth/current-user";
import { VerificationBanner } from "@/components/verification-banner";

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

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const session = await getCurrentSession();
  const page = (
    <>
      <SiteHeader />
      <main className="container">
        <VerificationBanner />
        {children}
      </main>
    </>
  );
  return (
    <html lang="tr">
      <body>{session ? <SocketProvider>{page}</SocketProvider> : page}</body>
    </html>
  );
}
