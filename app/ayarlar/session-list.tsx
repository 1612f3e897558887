"use client";

import { useActionState } from "react";
import { FormMessage } from "@/components/form-message";
import { SubmitButton } from "@/components/submit-button";
import { revokeOtherSessionsAction, revokeSessionAction } from "@/app/ayarlar/actions";

export type SessionRow = { id: string; device: string; ip: string; createdAt: string; lastSeenAt: string; current: boolean };

function RevokeOne({ sessionId }: { sessionId: string }) {
  const [result, action] = useActionState((_: unknown, formData: FormData) => revokeSessionAction(formData), null);
  return (
    <form action={action}>
      <input type="hidden" name="sessionId" value={sessionId} />
      <FormMessage result={result} />
      <SubmitButton className="button button-danger" pendingText="Kapatılıyor…">Oturumu kapat</SubmitButton>
    </form>
  );
}

export function SessionList({ sessions }: { sessions: SessionRow[] }) {
  const [result, revokeOthers] = useActionState(() => revokeOtherSessionsAction(), null);
  const others = sessions.filter((s) => !s.current).length;
  return (
    <div>
      <ul className="list" data-testid="session-list">
        {sessions.map((s) => (
          <li key={s.id} className="row" data-testid="session-item">
            <div>
              <strong>{s.device}</strong> {s.current && <span className="badge badge-success">Bu cihaz</span>}
              <div className="small muted">
                Son etkinlik: {s.lastSeenAt} · Giriş: {s.createdAt} · IP: {s.ip || "bilinmiyor"}
              </div>
            </div>
            <span className="spacer" />
            {!s.current && <RevokeOne sessionId={s.id} />}
          </li>
        ))}
      </ul>
      <form action={revokeOthers} style={{ marginTop: "1rem" }}>
        <FormMessage
          result={result}
          success={result?.ok ? `${result.data.revokedCount} oturum kapatıldı.` : undefined}
        />
        <SubmitButton className="button button-secondary" pendingText="Kapatılıyor…" disabled={others === 0} data-testid="revoke-other-sessions">
          Diğer tüm oturumlardan çıkış yap
        </SubmitButton>
      </form>
    </div>
  );
}
