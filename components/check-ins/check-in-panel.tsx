"use client";

import { useEffect, useState } from "react";
import { FormMessage, fieldErrorsOf } from "@/components/form-message";
import { PlaceSelect } from "@/components/jobs/place-select";
import { SubmitButton } from "@/components/submit-button";
import { useFormAction } from "@/components/use-form-action";
import { checkInAction, checkOutAction } from "@/lib/check-ins/check-in-actions";
import type { CheckInView } from "@/lib/check-ins/get-my-check-in";
import type { PlaceOptions } from "@/lib/jobs/reference-places";

type Mine = { checkIn: CheckInView | null; defaultUntil: string };

const clock = (iso: string) => new Date(iso).toLocaleTimeString("tr-TR", { hour: "2-digit", minute: "2-digit", timeZone: "Europe/Istanbul" });

/**
 * "Adliyedeyim": the lawyer says which courthouse they are at and until when. Its state is asked from
 * /api/adliyedeyim in the browser: the panel's cached copy cannot know it (it ends by itself at the chosen time).
 */
export function CheckInPanel({ places }: { places: PlaceOptions }) {
  const [mine, setMine] = useState<Mine | null>(null);
  const [open, setOpen] = useState(false);
  const [state, action] = useFormAction(async (formData: FormData) => {
    const outcome = await checkInAction(formData);
    if (outcome.ok) {
      setMine((m) => ({ defaultUntil: m?.defaultUntil ?? "17:30", checkIn: outcome.data }));
      setOpen(false);
    }
    return outcome;
  });
  const [leaving, setLeaving] = useState(false);
  const [leaveError, setLeaveError] = useState<string | null>(null);

  useEffect(() => {
    let cancelled = false;
    fetch("/api/adliyedeyim", { cache: "no-store" })
      .then((r) => (r.ok ? (r.json() as Promise<Mine>) : null))
      .then((data) => !cancelled && data && setMine(data), () => undefined);
    return () => {
      cancelled = true;
    };
  }, []);

  const result = state.result;

  if (!mine) return <section className="card" id="adliyedeyim" aria-busy="true" data-testid="check-in"><h2 style={{ marginTop: 0 }}>Adliyedeyim</h2></section>;

  const leave = async () => {
    setLeaving(true);
    setLeaveError(null);
    const outcome = await checkOutAction();
    setLeaving(false);
    if (outcome.ok) setMine({ ...mine, checkIn: null });
    else setLeaveError(outcome.error.message);
  };

  return (
    <section className="card" id="adliyedeyim" data-testid="check-in" aria-labelledby="check-in-heading">
      <h2 id="check-in-heading" style={{ marginTop: 0 }}>Adliyedeyim</h2>
      {mine.checkIn ? (
        <>
          <p role="status" data-testid="check-in-state">
            Şu an <strong>{mine.checkIn.courthouseName}</strong> adliyesindesiniz, saat {clock(mine.checkIn.until)}&apos;e kadar. Buradaki acil ilanlar
            önce size gelir.
          </p>
          {leaveError && <p className="banner banner-error" role="alert">{leaveError}</p>}
          <button type="button" className="button button-secondary" onClick={leave} disabled={leaving} aria-busy={leaving}>
            {leaving ? "Çıkış yapılıyor…" : "Adliyeden ayrıldım"}
          </button>
        </>
      ) : open ? (
        <form action={action} noValidate data-testid="check-in-form">
          <FormMessage result={result} />
          <PlaceSelect places={places} errors={fieldErrorsOf(result)} idPrefix="check-in" defaultProvinceId={state.values.provinceId} defaultCourthouseId={state.values.courthouseId} />
          <div className="field">
            <label htmlFor="check-in-until">Saat kaça kadar oradasınız?</label>
            <input id="check-in-until" name="until" type="time" required defaultValue={state.values.until ?? mine.defaultUntil} aria-invalid={fieldErrorsOf(result)?.until ? true : undefined} />
            {fieldErrorsOf(result)?.until && <p className="field-error" role="alert">{fieldErrorsOf(result)?.until?.[0]}</p>}
          </div>
          <div className="row">
            <SubmitButton className="button button-primary" pendingText="Kaydediliyor…">Buradayım</SubmitButton>
            <button type="button" className="button button-secondary" onClick={() => setOpen(false)}>Vazgeç</button>
          </div>
        </form>
      ) : (
        <>
          <p className="muted small">Adliyede olduğunuzu bildirin: oradaki acil ve çok acil ilanlar önce size gelir. Seçtiğiniz saatte kendiliğinden biter.</p>
          <button type="button" className="button button-primary" onClick={() => setOpen(true)}>Adliyedeyim</button>
        </>
      )}
    </section>
  );
}
