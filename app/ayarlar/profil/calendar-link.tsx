"use client";

import { useActionState, useState } from "react";
import { FormMessage } from "@/components/form-message";
import { SubmitButton } from "@/components/submit-button";
import { rotateCalendarAction } from "@/app/ayarlar/profil/actions";

export function CalendarLink({ url }: { url: string }) {
  const [result, rotate] = useActionState(() => rotateCalendarAction(), null);
  const [copied, setCopied] = useState<"yes" | "no" | null>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(url);
      setCopied("yes");
    } catch {
      // no clipboard (an old browser, a refused permission): the address is selected for a manual copy
      (document.getElementById("calendar-url") as HTMLInputElement | null)?.select();
      setCopied("no");
    }
  };
  return (
    <div>
      <div className="field">
        <label htmlFor="calendar-url">Takvim adresiniz</label>
        <div className="row">
          <input id="calendar-url" readOnly value={url} onFocus={(e) => e.currentTarget.select()} data-testid="calendar-url" style={{ flex: 1, minWidth: 0 }} />
          <button type="button" className="button button-secondary" onClick={copy}>Kopyala</button>
        </div>
        <p className="small muted" role="status">
          {copied === "yes" ? "Adres kopyalandı; takvim uygulamanıza \"abone ol\" ile ekleyin." : copied === "no" ? "Kopyalanamadı: adres seçildi, elle kopyalayın." : ""}
        </p>
      </div>
      <form action={rotate}>
        <FormMessage result={result} success="Yeni adres oluşturuldu; eski adres artık çalışmıyor." />
        <SubmitButton className="button button-secondary" pendingText="Yenileniyor…">Adresi yenile</SubmitButton>
      </form>
    </div>
  );
}
