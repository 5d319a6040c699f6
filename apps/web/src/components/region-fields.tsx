"use client";

import type { RegionCatalogue } from "@caseward/core/time";
import { localeOfCountry, proposeRegion, zoneAbbreviation } from "@caseward/core/time";
import { Field, fieldAria, NativeSelect } from "@caseward/ui";
import { useEffect, useState, useSyncExternalStore } from "react";

import { useTranslations } from "~/i18n/translations";

/** What sign-up and Settings need to offer regions: the lists, built on the server. */
export interface RegionChoices {
  catalogue: RegionCatalogue;
  /** Every IANA zone the server knows. */
  zones: string[];
}

export interface Region {
  timeZone: string;
  country: string;
  subdivision?: string;
}

const browserZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;
const unchanging = () => () => {};
const unknownOnServer = () => null;

/** The zone of this device, once the page runs in the browser (null while rendering on the server). */
export function useDeviceZone() {
  return useSyncExternalStore(unchanging, browserZone, unknownOnServer);
}

const zoneName = (zone: string) => zone.replaceAll("_", " ");

/**
 * Time zone, country and province/state, each picked from a list by name (the codes are what
 * the form posts: `timeZone`, `country`, `subdivision`). With `detect`, the device's zone is
 * taken and the region it points to proposed, for the person to confirm.
 */
export function RegionFields({
  choices,
  initial,
  detect = false,
  errors,
  idPrefix,
}: {
  choices: RegionChoices;
  initial: Region;
  detect?: boolean;
  errors: { timeZone?: string; country?: string; subdivision?: string };
  idPrefix: string;
}) {
  const t = useTranslations("RegionFields");
  const [region, setRegion] = useState<Region>(initial);
  const [detected, setDetected] = useState<string | null>(null);
  const deviceZone = useDeviceZone();

  // After hydration: the browser says where it is; the rest is proposed from it.
  useEffect(() => {
    if (!detect || !deviceZone) return;
    const proposed = proposeRegion(choices.catalogue, deviceZone, navigator.languages);
    setDetected(deviceZone);
    // Nothing points to a country (a browser on UTC in plain English): the person picks one.
    setRegion({ timeZone: deviceZone, ...(proposed ?? { country: "" }) });
  }, [detect, deviceZone, choices.catalogue]);

  const country = choices.catalogue.countries.find((c) => c.code === region.country);
  const subdivisions = country?.subdivisions ?? [];
  const zones = choices.zones.includes(region.timeZone)
    ? choices.zones
    : [region.timeZone, ...choices.zones];
  const id = (name: string) => `${idPrefix}-${name}`;

  function pickZone(timeZone: string) {
    // A new zone at sign-up proposes its region again; in Settings the region stays as saved.
    const proposed = detect
      ? proposeRegion(choices.catalogue, timeZone, navigator.languages)
      : null;
    setRegion((current) => ({ ...current, timeZone, ...(proposed ?? {}) }));
  }

  return (
    <div className="space-y-4">
      <Field
        label={t("timeZone")}
        htmlFor={id("zone")}
        error={errors.timeZone}
        hint={
          detected === region.timeZone
            ? t("zoneFound", {
                zone: zoneName(region.timeZone),
                abbreviation: zoneAbbreviation(
                  new Date(),
                  region.timeZone,
                  localeOfCountry(region.country || undefined),
                ),
              })
            : deviceZone && !detect && deviceZone !== region.timeZone
              ? t("zoneDevice", { zone: zoneName(deviceZone) })
              : t("zoneHint")
        }
      >
        <NativeSelect
          id={id("zone")}
          name="timeZone"
          value={region.timeZone}
          onChange={(e) => pickZone(e.target.value)}
          {...fieldAria(id("zone"), errors.timeZone, true)}
        >
          {zones.map((zone) => (
            <option key={zone} value={zone}>
              {zoneName(zone)}
            </option>
          ))}
        </NativeSelect>
      </Field>
      <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
        <Field
          label={t("country")}
          htmlFor={id("country")}
          error={errors.country}
          hint={t("countryHint")}
        >
          <NativeSelect
            id={id("country")}
            name="country"
            value={region.country}
            onChange={(e) =>
              setRegion((current) => ({
                ...current,
                country: e.target.value,
                subdivision: undefined,
              }))
            }
            {...fieldAria(id("country"), errors.country, true)}
          >
            {!country && <option value="">{t("chooseCountry")}</option>}
            {choices.catalogue.countries.map((c) => (
              <option key={c.code} value={c.code}>
                {c.name}
              </option>
            ))}
          </NativeSelect>
        </Field>
        {subdivisions.length > 0 && (
          <Field
            label={t("subdivision")}
            htmlFor={id("subdivision")}
            error={errors.subdivision}
            hint={t("subdivisionHint")}
          >
            <NativeSelect
              id={id("subdivision")}
              name="subdivision"
              value={region.subdivision ?? ""}
              onChange={(e) =>
                setRegion((current) => ({ ...current, subdivision: e.target.value || undefined }))
              }
              {...fieldAria(id("subdivision"), errors.subdivision, true)}
            >
              <option value="">{t("wholeCountry")}</option>
              {subdivisions.map((s) => (
                <option key={s.code} value={s.code}>
                  {s.name}
                </option>
              ))}
            </NativeSelect>
          </Field>
        )}
      </div>
    </div>
  );
}
