"use client";

import dynamic from "next/dynamic";
import { useEffect } from "react";

// The contact form (its fields, the time and promise pickers, the ladder's channels) shows only
// in a dialog: it stays out of the case page's first load and comes once the page is idle, so
// the dialog still opens with its fields (and the focus on the first).
const loadContactForm = () => import("./contact-form");

export const LazyContactForm = dynamic(
  () => import("./contact-form").then((module) => module.ContactForm),
  { ssr: false },
);

/** Fetches the contact form's script after the page has loaded. */
export function usePreloadedContactForm() {
  useEffect(() => {
    void loadContactForm();
  }, []);
}
