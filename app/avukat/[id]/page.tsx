import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { StartConversationButton } from "@/components/chat/start-conversation-button";
import { Avatar } from "@/components/profiles/avatar";
import { Rating } from "@/components/profiles/rating";
import { getCurrentSession } from "@/lib/auth/current-user";
import { AppError } from "@/lib/errors";
import { formatDate } from "@/lib/format";
import { strikesLabel } from "@/lib/fair-dealing/strikes";
import { getProfile, type Profile } from "@/lib/profiles/get-profile";

async function load(id: string): Promise<Profile> {
  try {
    return await getProfile(id);
  } catch (error) {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    throw error;
  }
}

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  return { title: (await load((await params).id)).fullName };
}

const scoreLabels = [
  ["professionalism", "Profesyonellik"],
  ["communication", "İletişim"],
  ["punctuality", "Dakiklik"],
] as const;

export default async function LawyerProfilePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const [profile, session] = await Promise.all([load(id), getCurrentSession()]);
  const own = session?.user.id === profile.id;
  return (
    <div className="stack">
      <section className="card profile-head">
        <div className="row">
          <Avatar name={profile.fullName} path={profile.avatarPath} size={72} />
          <div>
            <h1 style={{ margin: 0 }} data-testid="profile-name">{profile.fullName}</h1>
            <p className="muted" style={{ margin: 0 }}>
              {profile.title === "AVUKAT" ? "Avukat" : "Stajyer avukat"} · {profile.barName}{" "}
              {profile.verification === "VERIFIED" && <span className="badge badge-success">Doğrulanmış</span>}
            </p>
          </div>
          <span className="spacer" />
          {own ? (
            <Link className="button button-secondary" href="/ayarlar/profil">Profili düzenle</Link>
          ) : (
            session?.user.verified && <StartConversationButton peerId={profile.id} />
          )}
        </div>
        <dl className="facts">
          <div><dt>Puan</dt><dd data-testid="profile-rating"><Rating average={profile.ratingAverage} count={profile.ratingCount} /></dd></div>
          <div><dt>Tamamlanan iş</dt><dd data-testid="completed-count">{profile.completedJobCount}</dd></div>
          <div><dt>İptal edilen görevlendirme</dt><dd>{profile.cancelledAssignCount}</dd></div>
          <div><dt>Güvenilirlik</dt><dd data-testid="profile-strikes">{strikesLabel(profile.strikes)}</dd></div>
          <div><dt>Üyelik</dt><dd>{formatDate(profile.memberSince)}</dd></div>
          <div><dt>Çalıştığı il</dt><dd>{profile.provinceName}</dd></div>
          {profile.coveredProvinces.length > 0 && <div><dt>Görev aldığı iller</dt><dd>{profile.coveredProvinces.join(", ")}</dd></div>}
          {profile.phone && <div><dt>Telefon</dt><dd><a href={`tel:${profile.phone.replace(/\s/g, "")}`}>{profile.phone}</a></dd></div>}
          {profile.email && <div><dt>E-posta</dt><dd><a href={`mailto:${profile.email}`}>{profile.email}</a></dd></div>}
        </dl>
        {profile.specialities.length > 0 && (
          <p className="row">
            {profile.specialities.map((s) => (
              <span key={s} className="badge">{s}</span>
            ))}
          </p>
        )}
        {profile.bio && <p className="job-description">{profile.bio}</p>}
      </section>
      <section className="card">
        <h2 style={{ marginTop: 0 }}>Son değerlendirmeler</h2>
        {profile.reviews.items.length === 0 ? (
          <p className="empty">Henüz değerlendirme yok.</p>
        ) : (
          <ul className="list" data-testid="reviews">
            {profile.reviews.items.map((r) => (
              <li key={r.id} data-testid="review">
                <div className="row">
                  <strong aria-label={`5 üzerinden ${r.overall}`}>{"★".repeat(r.overall)}{"☆".repeat(5 - r.overall)}</strong>
                  <span className="small muted">
                    {r.author.fullName} · {r.jobTitle} · {formatDate(r.createdAt)}
                  </span>
                </div>
                <p className="small muted" style={{ margin: "0.25rem 0" }}>
                  {scoreLabels.map(([key, label]) => `${label} ${r[key]}/5`).join(" · ")}
                </p>
                {r.comment && <p style={{ margin: 0 }}>{r.comment}</p>}
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
