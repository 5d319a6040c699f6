import { TRPCReactProvider } from "~/trpc/react";

/**
 * The cases segment: its query cache and tRPC client. Its words are given by each page
 * (`page-namespaces.ts`), not here: the contact session needs about half of the case page's.
 */
export default function CasesLayout({ children }: { children: React.ReactNode }) {
  return <TRPCReactProvider>{children}</TRPCReactProvider>;
}
