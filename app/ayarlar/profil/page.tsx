import type { Metadata } from "next";
import Link from "next/link";
import { Avatar } from "@/components/profiles/avatar";
import { actorFromSession } from "@/lib/auth/current-user";
import { requirePageSession } from "@/lib/auth/require-page-session";
import { getCalendarToken } from "@/lib/calendar/calendar-token";
import { env } from "@/lib/env";
import { getOwnProfile } from "@/lib/profiles/get-own-profile";
import { AvatarForm } from "@/app/ayarlar/profil/avatar-form";
import { CalendarLink } from "@/app/ayarlar/profil/calendar-link";
import { ProfileForm } from "@/app/ayarlar/profil/profile-form";

export const metadata: Metadata = { title: "Profilim" };

export default async function ProfileSettingsPage() {
  const session = await requirePageSession("/ayarlar/profil");
  const actor = actorFromSession(session);
  const [profile, calendarToken] = await Promise.all([getOwnProfile(actor), getCalendarToken(actor)]);
  return (
    <div className="stack narrow-form">
      <div className="row">
        <h1 style={{ margin: 0 }}>Profilim</h1>
        <span className="spacer" />
        <Link href={`/avukat/${profile.id}`}>Herkese açık profili gör</Link>
      </div>
      <section className="card">
        <div className="row" style={{ marginBottom: "0.75rem" }}>
          <Avatar name={profile.fullName} path={profile.avatarPath} size={72} />
          <strong>{profile.fullName}</strong>
        </div>
        <AvatarForm />
      </section>
      <section className="card">
        <ProfileForm
          initial={{
            title: profile.title,
            phone: profile.phone ?? "",
            bio: profile.bio ?? "",
            specialities: profile.specialities.join(", "),
            showPhone: profile.showPhone,
            showEmail: profile.showEmail,
          }}
        />
      </section>
      <section className="card" id="takvim">
        <h2 style={{ marginTop: 0 }}>Takvim aboneliği</h2>
        <p className="small muted">
          Bu adresi Google Takvim, Apple Takvim veya Outlook&apos;a &quot;URL ile abone ol&quot; diyerek ekleyin; üstlendiğiniz ve devrettiğiniz
          görevler takviminizde görünür. Adres size özeldir, paylaşmayın.
        </p>
        <CalendarLink url={`${env().APP_URL.replace(/\/$/, "")}/takvim/${calendarToken}.ics`} />
      </section>
    </div>
  );
}
