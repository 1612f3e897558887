"use client";

import { useEffect, useState } from "react";
import { removePushSubscriptionAction, savePushSubscriptionAction } from "@/app/ayarlar/bildirimler/actions";

type Status = "checking" | "unsupported" | "denied" | "off" | "on";

const supportsPush = () => "serviceWorker" in navigator && "PushManager" in window && "Notification" in window;

/** VAPID keys travel base64url-encoded; PushManager wants the raw bytes. */
function base64UrlToBytes(value: string): Uint8Array<ArrayBuffer> {
  const base64 = (value + "=".repeat((4 - (value.length % 4)) % 4)).replace(/-/g, "+").replace(/_/g, "/");
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

async function currentSubscription(): Promise<PushSubscription | null> {
  const registration = await navigator.serviceWorker.getRegistration("/");
  return (await registration?.pushManager.getSubscription()) ?? null;
}

/** Turns web push on or off for this browser: a service worker, a push subscription, and its record on the server. */
export function PushToggle({ publicKey }: { publicKey: string | null }) {
  const [status, setStatus] = useState<Status>("checking");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!publicKey) return;
    let cancelled = false;
    const detect = async (): Promise<Status> => {
      if (!supportsPush()) return "unsupported";
      if (Notification.permission === "denied") return "denied";
      return (await currentSubscription()) ? "on" : "off";
    };
    void detect().then((found) => {
      if (!cancelled) setStatus(found);
    });
    return () => {
      cancelled = true;
    };
  }, [publicKey]);

  if (!publicKey) {
    return <p className="muted small">Tarayıcı bildirimleri bu sunucuda yapılandırılmamış.</p>;
  }

  async function enable(key: string) {
    const permission = await Notification.requestPermission();
    if (permission !== "granted") {
      setStatus(permission === "denied" ? "denied" : "off");
      return;
    }
    const registration = await navigator.serviceWorker.register("/sw.js");
    await navigator.serviceWorker.ready;
    const subscription =
      (await registration.pushManager.getSubscription()) ??
      (await registration.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: base64UrlToBytes(key) }));
    const result = await savePushSubscriptionAction({ ...subscription.toJSON() });
    if (!result.ok) {
      // a browser subscription the server does not know of would never receive anything
      await subscription.unsubscribe();
      setError(result.error.message);
      return;
    }
    setStatus("on");
  }

  async function disable() {
    const subscription = await currentSubscription();
    if (subscription) {
      const result = await removePushSubscriptionAction({ endpoint: subscription.endpoint });
      if (!result.ok) {
        setError(result.error.message);
        return;
      }
      await subscription.unsubscribe();
    }
    setStatus("off");
  }

  async function toggle(key: string) {
    setBusy(true);
    setError(null);
    try {
      await (status === "on" ? disable() : enable(key));
    } catch {
      setError("Bu tarayıcıda bildirim ayarı değiştirilemedi. Lütfen tekrar deneyin.");
    } finally {
      setBusy(false);
    }
  }

  if (status === "checking") return <p className="muted small">Bu cihazın durumu kontrol ediliyor…</p>;
  if (status === "unsupported") return <p className="muted small">Bu tarayıcı bildirimleri desteklemiyor. Ana ekrana eklenmiş uygulamada ya da güncel bir tarayıcıda deneyin.</p>;
  if (status === "denied") {
    return <p className="muted small">Bu sitenin bildirim izni tarayıcı ayarlarında engellenmiş. İzni açtıktan sonra sayfayı yenileyin.</p>;
  }
  return (
    <div className="stack">
      <p data-testid="push-status">
        Bu cihazda tarayıcı bildirimleri: <strong>{status === "on" ? "açık" : "kapalı"}</strong>
      </p>
      {error && <div className="banner banner-error" role="alert">{error}</div>}
      <button type="button" className="button button-secondary" disabled={busy} aria-busy={busy} onClick={() => void toggle(publicKey)}>
        {busy ? "Bekleyin…" : status === "on" ? "Bu cihazda bildirimleri kapat" : "Bu cihazda bildirimleri aç"}
      </button>
    </div>
  );
}
