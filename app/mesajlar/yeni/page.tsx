import type { Metadata } from "next";
import Link from "next/link";
import { StartConversationButton } from "@/components/chat/start-conversation-button";
import { requirePageSession } from "@/lib/auth/require-page-session";
import { getLawyerCard } from "@/lib/profiles/get-lawyer-card";
import { looksLikeRecordId } from "@/lib/validation";

export const metadata: Metadata = { title: "Yeni mesaj" };

/**
 * Where old "Mesaj gönder" links land. Following a link changes nothing: the conversation is opened by the
 * button's POST, so a link on another site cannot start conversations in a lawyer's name.
 */
export default async function NewConversationPage({ searchParams }: { searchParams: Promise<{ kisi?: string; ilan?: string }> }) {
  const { kisi, ilan } = await searchParams;
  const query = new URLSearchParams({ kisi: kisi ?? "", ...(ilan ? { ilan } : {}) });
  await requirePageSession(`/mesajlar/yeni?${query}`);
  const peer = kisi && looksLikeRecordId(kisi) ? await getLawyerCard(kisi) : null;
  if (!peer) {
    return (
      <div className="stack narrow">
        <h1>Mesaj gönderilemiyor</h1>
        <p className="banner banner-error" role="alert">Avukat bulunamadı.</p>
        <Link href="/mesajlar">Mesajlara dön</Link>
      </div>
    );
  }
  return (
    <div className="stack narrow">
      <h1>Yeni mesaj</h1>
      <p>
        <strong>{peer.fullName}</strong> ile {ilan ? "bu ilan hakkında " : ""}bir konuşma açılacak.
      </p>
      <StartConversationButton peerId={peer.id} jobId={ilan && looksLikeRecordId(ilan) ? ilan : undefined} label="Konuşmayı başlat" />
      <Link href="/mesajlar">Vazgeç</Link>
    </div>
  );
}
