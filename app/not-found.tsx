import type { Metadata } from "next";
import Link from "next/link";

export const metadata: Metadata = { title: "Sayfa bulunamadı" };

/** Every unknown address, and every unknown job, lawyer or conversation id (their pages call notFound()). */
export default function NotFound() {
  return (
    <div className="stack narrow">
      <h1>Aradığınız sayfa bulunamadı</h1>
      <p className="muted">Bağlantı yanlış yazılmış, ilan kaldırılmış ya da bu kayda erişiminiz olmayabilir.</p>
      <div className="row">
        <Link className="button button-primary" href="/ilanlar">İlanlara dön</Link>
        <Link className="button button-secondary" href="/">Ana sayfa</Link>
      </div>
    </div>
  );
}
