"use client";

import { useEffect, useState } from "react";
import { serverClockOffset } from "@/components/jobs/server-clock";

const clockTime = new Intl.DateTimeFormat("tr-TR", { timeStyle: "short", timeZone: "Europe/Istanbul" });

function remainingText(ms: number): string {
  const seconds = Math.ceil(ms / 1000);
  const minutes = Math.floor(seconds / 60);
  return minutes > 0 ? `${minutes} dk ${String(seconds % 60).padStart(2, "0")} sn` : `${seconds} sn`;
}

/**
 * An urgent job's response window counting down, on the job page and the board card. The page (cached, shared by
 * its viewers) carries only the window's end; the time left is worked out here against the server's clock, so a
 * device whose clock is off still counts right. Until it knows, it shows when the window closes.
 */
export function ResponseWindowCountdown({ endsAt, open, compact = false }: { endsAt: string; open: boolean; compact?: boolean }) {
  const end = new Date(endsAt).getTime();
  const [left, setLeft] = useState<number | null>(null);
  useEffect(() => {
    let timer: ReturnType<typeof setInterval> | undefined;
    let alive = true;
    serverClockOffset().then((offset) => {
      if (!alive) return;
      const tick = () => {
        const ms = end - (Date.now() + offset);
        setLeft(Math.max(0, ms));
        // nothing changes once the window is over
        if (ms <= 0) clearInterval(timer);
      };
      tick();
      timer = setInterval(tick, 1000);
    });
    return () => {
      alive = false;
      clearInterval(timer);
    };
  }, [end]);
  const closes = `kapanış ${clockTime.format(end)}`;
  if (left === 0) {
    return (
      <p className={`response-window${compact ? " small" : ""}`} data-testid="response-window">
        Başvuru penceresi doldu{open && !compact ? "; başvurular yine de kabul ediliyor." : "."}
      </p>
    );
  }
  return (
    <p className={`response-window response-window-running${compact ? " small" : ""}`} data-testid="response-window">
      Başvuru penceresi:{" "}
      <strong role="timer">{left === null ? closes : `${remainingText(left)} kaldı`}</strong>
      {left !== null && !compact && <span className="muted"> ({closes})</span>}
    </p>
  );
}
