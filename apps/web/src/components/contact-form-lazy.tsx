"use client";

import dynamic from "next/dynamic";

import { usePreloadWhenIdle } from "~/lib/preload";

// The contact form (its fields, the time and promise pickers, the ladder's channels) shows only
// in a dialog: it stays out of the case page's first load and comes once the page has settled
// (or when a button opening it is pointed at), so the dialog still opens with its fields.
export const loadContactForm = () => import("./contact-form");

export const LazyContactForm = dynamic(
  () => loadContactForm().then((module) => module.ContactForm),
  { ssr: false },
);

/** Fetches the contact form's script once the page has settled. */
export function usePreloadedContactForm() {
  usePreloadWhenIdle(loadContactForm);
}
