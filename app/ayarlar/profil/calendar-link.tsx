"use client";

import { useActionState } from "react";
import { FormMessage } from "@/components/form-message";
import { SubmitButton } from "@/components/submit-button";
import { rotateCalendarAction } from "@/app/ayarlar/profil/actions";

export function CalendarLink({ url }: { url: string }) {
  const [result, rotate] = useActionState(() => rotateCalendarAction(), null);
  return (
    <div>
      <div className="field">
        <label htmlFor="calendar-url">Takvim adresiniz</label>
        <input id="calendar-url" readOnly value={url} onFocus={(e) => e.currentTarget.select()} data-testid="calendar-url" />
      </div>
      <form action={rotate}>
        <FormMessage result={result} success="Yeni adres oluşturuldu; eski adres artık çalışmıyor." />
        <SubmitButton className="button button-secondary" pendingText="Yenileniyor…">Adresi yenile</SubmitButton>
      </form>
    </div>
  );
}
