"use client";

import { useEffect, useState } from "react";
import type { Courthouse, PlaceOptions } from "@/lib/jobs/reference-places";

type Props = {
  /** every province, and the courthouses of the default province (others are fetched when picked) */
  places: PlaceOptions;
  defaultProvinceId?: string;
  defaultCourthouseId?: string;
  errors?: Record<string, string[]>;
  /** board filters allow "any"; the post form requires both */
  optional?: boolean;
  idPrefix?: string;
  /** the submitted field names: the post form's schema reads provinceId/courthouseId, the board's URL il/adliye */
  names?: { province: string; courthouse: string };
};

type Loaded = Record<string, Courthouse[] | "failed">;

/** Province → courthouse cascade: picking a province loads and lists that province's courthouses. */
const FORM_NAMES = { province: "provinceId", courthouse: "courthouseId" };

export function PlaceSelect({ places, defaultProvinceId = "", defaultCourthouseId = "", errors, optional = false, idPrefix = "field", names = FORM_NAMES }: Props) {
  const [provinceId, setProvinceId] = useState(defaultProvinceId);
  const [courthouseId, setCourthouseId] = useState(defaultCourthouseId);
  const [loaded, setLoaded] = useState<Loaded>(() => {
    const initial: Record<string, Courthouse[]> = {};
    for (const c of places.courthouses) (initial[String(c.provinceId)] ??= []).push(c);
    return initial;
  });
  const current = provinceId ? loaded[provinceId] : undefined;

  useEffect(() => {
    if (!provinceId || current) return;
    let cancelled = false;
    fetch(`/api/adliyeler?il=${encodeURIComponent(provinceId)}`)
      .then((response) => (response.ok ? (response.json() as Promise<Courthouse[]>) : Promise.reject(new Error(String(response.status)))))
      .then(
        (list) => !cancelled && setLoaded((all) => ({ ...all, [provinceId]: list })),
        () => !cancelled && setLoaded((all) => ({ ...all, [provinceId]: "failed" })),
      );
    return () => {
      cancelled = true;
    };
  }, [provinceId, current]);

  const courthouses = Array.isArray(current) ? current : [];
  const loading = Boolean(provinceId) && current === undefined;
  const loadFailed = current === "failed";
  const error = (name: string) => errors?.[name]?.[0];
  return (
    <>
      <div className="field">
        <label htmlFor={`${idPrefix}-provinceId`}>İl</label>
        <select
          id={`${idPrefix}-provinceId`}
          name={names.province}
          value={provinceId}
          aria-invalid={error("provinceId") ? true : undefined}
          onChange={(e) => {
            setProvinceId(e.target.value);
            setCourthouseId("");
          }}
        >
          <option value="">{optional ? "Tüm iller" : "İl seçin"}</option>
          {places.provinces.map((p) => (
            <option key={p.id} value={p.id}>{p.name}</option>
          ))}
        </select>
        {error("provinceId") && <p className="field-error" role="alert">{error("provinceId")}</p>}
      </div>
      <div className="field">
        <label htmlFor={`${idPrefix}-courthouseId`}>Adliye</label>
        <select
          id={`${idPrefix}-courthouseId`}
          name={names.courthouse}
          value={courthouseId}
          disabled={!provinceId || loading || loadFailed}
          aria-invalid={error("courthouseId") ? true : undefined}
          onChange={(e) => setCourthouseId(e.target.value)}
        >
          <option value="">
            {loading ? "Adliyeler yükleniyor…" : optional ? "Tüm adliyeler" : provinceId ? "Adliye seçin" : "Önce il seçin"}
          </option>
          {courthouses.map((c) => (
            <option key={c.id} value={c.id}>{c.name}</option>
          ))}
        </select>
        {loadFailed && (
          <p className="field-error" role="alert">
            Adliyeler yüklenemedi.{" "}
            <button type="button" className="link-button" onClick={() =>
                setLoaded((all) => {
                  const retry = { ...all };
                  delete retry[provinceId];
                  return retry;
                })
              }>
              Tekrar deneyin
            </button>
          </p>
        )}
        {error("courthouseId") && <p className="field-error" role="alert">{error("courthouseId")}</p>}
      </div>
    </>
  );
}
