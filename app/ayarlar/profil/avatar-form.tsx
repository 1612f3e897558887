"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";

/** Uploads the photo to /api/avatar (route handler: photos exceed the server-action body limit). */
export function AvatarForm() {
  const router = useRouter();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  async function upload(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setBusy(true);
    try {
      const response = await fetch("/api/avatar", { method: "POST", body: new FormData(event.currentTarget) });
      const body = await response.json();
      setMessage(response.ok ? { ok: true, text: "Fotoğrafınız güncellendi." } : { ok: false, text: body.error?.message ?? "Yükleme başarısız oldu." });
      if (response.ok) router.refresh();
    } catch {
      setMessage({ ok: false, text: "Bağlantı hatası; lütfen tekrar deneyin." });
    } finally {
      setBusy(false);
    }
  }
  return (
    <form onSubmit={upload}>
      {message && <div className={`banner ${message.ok ? "banner-success" : "banner-error"}`} role={message.ok ? "status" : "alert"}>{message.text}</div>}
      <div className="field">
        <label htmlFor="field-avatar">Profil fotoğrafı (JPEG, PNG veya WebP; en fazla 5 MB)</label>
        <input id="field-avatar" name="avatar" type="file" accept="image/jpeg,image/png,image/webp" required />
      </div>
      <button type="submit" className="button button-secondary" disabled={busy} aria-busy={busy}>
        {busy ? "Yükleniyor…" : "Fotoğrafı yükle"}
      </button>
    </form>
  );
}
