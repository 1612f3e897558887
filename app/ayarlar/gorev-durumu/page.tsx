import type { Metadata } from "next";
import Link from "next/link";
import { requirePageSession } from "@/lib/auth/require-page-session";
import { listFollowedCourthouses } from "@/lib/availability/followed-courthouses";
import { getAvailability } from "@/lib/availability/get-availability";
import { taskTypeLabels, taskTypes } from "@/lib/jobs/labels";
import { AvailabilityForm } from "@/app/ayarlar/gorev-durumu/availability-form";

export const metadata: Metadata = { title: "Görev durumu" };

export default async function AvailabilityPage() {
  const session = await requirePageSession("/ayarlar/gorev-durumu");
  const [availability, courthouses] = await Promise.all([getAvailability(session.user.id), listFollowedCourthouses(session.user.id)]);
  return (
    <div className="stack narrow-form">
      <p className="small"><Link href="/ayarlar">← Ayarlar</Link></p>
      <h1>Görev durumu</h1>
      <p className="muted">
        Takip ettiğiniz adliyelerde yeni ilan verildiğinde yalnızca burada seçtiğiniz adliye ve görev türleri için bildirim alırsınız;
        ilan panosundaki &quot;Bana uygun&quot; filtresi de bu seçimi kullanır. Adliyeleri <Link href="/ayarlar/takip">takip listenizden</Link> ekleyin.
      </p>
      <section className="card">
        <AvailabilityForm availability={availability} courthouses={courthouses} taskTypes={taskTypes.map((value) => ({ value, label: taskTypeLabels[value] }))} />
      </section>
    </div>
  );
}
