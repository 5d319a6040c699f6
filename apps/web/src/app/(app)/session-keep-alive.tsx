"use client";

import { sessionLifetime } from "@caseward/auth/session-lifetime";
import { useRouter } from "next/navigation";
import { useEffect } from "react";

import { loadAuthClient } from "~/lib/load-auth-client";

/**
 * The idle timeout counts requests; page renders cannot renew the session cookie (Server
 * Components cannot set cookies), and a form being typed into sends none. So a click or a key
 * press renews the session through the auth route, at most once per renewal period; with no
 * activity it ends as it should, and the next activity after that goes to sign-in.
 */
export function SessionKeepAlive() {
  const router = useRouter();
  useEffect(() => {
    let last = Date.now();
    let busy = false;
    const renew = () => {
      if (busy || Date.now() - last < sessionLifetime.refreshSeconds * 1000) return;
      busy = true;
      last = Date.now();
      void loadAuthClient()
        .then((authClient) => authClient.getSession())
        .then(({ data, error }) => {
          if (!data && (!error || error.status === 401)) router.replace("/sign-in");
        })
        // Offline, the client's script cannot load either: the next click tries again.
        .catch(() => undefined)
        .finally(() => {
          busy = false;
        });
    };
    const events = ["pointerdown", "keydown"] as const;
    for (const event of events) window.addEventListener(event, renew, { passive: true });
    return () => {
      for (const event of events) window.removeEventListener(event, renew);
    };
  }, [router]);
  return null;
}
