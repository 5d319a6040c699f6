import { ShieldCheck } from "lucide-react";
import { redirect } from "next/navigation";

import { getSession } from "~/server/auth";

export default async function AuthLayout({ children }: { children: React.ReactNode }) {
  if (await getSession()) redirect("/");
  return (
    <div className="grid grid-cols-1 min-h-dvh lg:grid-cols-2">
      <aside className="hidden flex-col justify-between bg-primary p-10 text-primary-foreground lg:flex">
        <p className="flex items-center gap-2 text-lg font-semibold">
          <ShieldCheck aria-hidden className="size-6" /> Caseward
        </p>
        <div className="max-w-md space-y-4">
          <p className="text-3xl font-semibold leading-tight">
            Be in control of every customer-service conversation.
          </p>
          <ul className="space-y-2">
            <li>All your open cases, across companies, in one place.</li>
            <li>The right number, the questions to ask, the name of who you spoke to.</li>
            <li>A nudge to a more direct channel when a company goes quiet.</li>
          </ul>
        </div>
        <p className="text-sm">Your data stays yours: export or delete it at any time.</p>
      </aside>
      <main id="content" className="flex items-center justify-center p-6">
        <div className="w-full max-w-sm">{children}</div>
      </main>
    </div>
  );
}
