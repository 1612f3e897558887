"use client";

import { useState } from "react";
import type { PlaceOptions } from "@/lib/jobs/reference-places";

type Props = {
  places: PlaceOptions;
  defaultProvinceId?: string;
  defaultCourthouseId?: string;
  errors?: Record<string, string[]>;
  /** board filters allow "any"; the post form requires both */
  optional?: boolean;
  idPrefix?: string;
};

/** Province → courthouse cascade: picking a province narrows the courthouse list to that province's. */
export function PlaceSelect({ places, defaultProvinceId = "", defaultCourthouseId = "", errors, optional = false, idPrefix = "field" }: Props) {
  const [provinceId, setProvinceId] = useState(defaultProvinceId);
  const [courthouseId, setCourthouseId] = useState(defaultCourthouseId);
  const courthouses = places.courthouses.filter((c) => String(c.provinceId) === provinceId);
  const error = (name: string) => errors?.[name]?.[0];
  return (
    <>
      <div className="field">
        <label htmlFor={`${idPrefix}-provinceId`}>İl</label>
        <select
          id={`${idPrefix}-provinceId`}
          name="provinceId"
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
          name="courthouseId"
          value={courthouseId}
          disabled={!provinceId}
          aria-invalid={error("courthouseId") ? true : undefined}
          onChange={(e) => setCourthouseId(e.target.value)}
        >
          <option value="">{optional ? "Tüm adliyeler" : provinceId ? "Adliye seçin" : "Önce il seçin"}</option>
          {courthouses.map((c) => (
            <option key={c.id} value={c.id}>{c.name}</option>
          ))}
        </select>
        {error("courthouseId") && <p className="field-error" role="alert">{error("courthouseId")}</p>}
      </div>
    </>
  );
}
