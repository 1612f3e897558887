import { formatDateTime } from "@/lib/format";

/** On the lawyer's panel while their applying is paused: why, and until when. */
export function ApplyPauseBanner({ pause }: { pause: { reason: string; endsAt: Date } | null }) {
  if (!pause) return null;
  return (
    <div className="banner banner-warning" role="status" data-testid="apply-pause-banner">
      <strong>Başvurularınız {formatDateTime(pause.endsAt)} tarihine kadar duraklatıldı.</strong> Neden: {pause.reason} Bu süre içinde ilanlara
      başvuramazsınız; itirazınız varsa yöneticiye yazabilirsiniz.
    </div>
  );
}
