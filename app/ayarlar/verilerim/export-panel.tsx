"use client";

import { useRouter } from "next/navigation";
import { useActionState } from "react";
import { FormMessage } from "@/components/form-message";
import { useSocketEvent } from "@/components/realtime/socket-provider";
import { SubmitButton } from "@/components/submit-button";
import { requestDataExportAction } from "@/app/ayarlar/verilerim/actions";

export type ExportView =
  | { status: "NONE" }
  | { status: "PENDING" | "FAILED"; requestedAt: string }
  | { status: "READY"; href: string; readyAt: string; expiresAt: string; size: string };

/** The export's state and the one button; redraws itself when the worker's "ready" notification arrives. */
export function ExportPanel({ state }: { state: ExportView }) {
  const router = useRouter();
  const [result, request] = useActionState(() => requestDataExportAction(), null);
  useSocketEvent<{ type: string }>("notification:new", ({ type }) => {
    if (type === "DATA_EXPORT_READY") router.refresh();
  });
  return (
    <div data-testid="data-export" data-status={state.status}>
      {state.status === "PENDING" && (
        <p className="banner banner-warning" role="status" data-testid="data-export-pending">
          Kopyanız hazırlanıyor ({state.requestedAt} tarihinde istendi). Hazır olunca bildirim gelecek ve bu sayfa kendiliğinden güncellenecek;
          sayfadan ayrılabilirsiniz.
        </p>
      )}
      {state.status === "FAILED" && (
        <p className="banner banner-error" role="alert" data-testid="data-export-failed">
          {state.requestedAt} tarihinde istediğiniz kopya hazırlanamadı. Lütfen yeniden deneyin; sorun sürerse bize yazın.
        </p>
      )}
      {state.status === "READY" && (
        <div className="banner banner-success" role="status">
          <p style={{ marginTop: 0 }}>
            Kopyanız {state.readyAt} tarihinde hazırlandı ({state.size}). Bağlantı <strong>{state.expiresAt}</strong> tarihine kadar yalnızca sizin
            hesabınızla çalışır; sonra dosya silinir.
          </p>
          <a className="button button-primary" href={state.href} download data-testid="data-export-download">ZIP dosyasını indir</a>
        </div>
      )}
      {state.status !== "PENDING" && (
        <form action={request}>
          <FormMessage result={result} />
          <SubmitButton className="button button-secondary" pendingText="İsteniyor…" data-testid="data-export-request">
            {state.status === "READY" ? "Yeni bir kopya hazırla" : "Verilerimin kopyasını hazırla"}
          </SubmitButton>
        </form>
      )}
    </div>
  );
}
