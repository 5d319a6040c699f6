import { ClientMessages } from "~/i18n/client-messages";
import { TRPCReactProvider } from "~/trpc/react";
import { frameNamespaceNames } from "./frame-namespaces";

/**
 * The layout of a signed-in segment whose client parts read and write through tRPC (cases,
 * companies, settings…): its query cache and client, and the words of its client parts (these
 * namespaces, or every one the frame does not give already). The signed-in layout gives
 * neither, so the dashboard's first load carries no tRPC, React Query or transformer (~66 KB).
 */
export function ClientSegment({
  namespaces,
  children,
}: {
  namespaces?: readonly string[];
  children: React.ReactNode;
}) {
  return (
    <TRPCReactProvider>
      <ClientMessages namespaces={namespaces} except={frameNamespaceNames}>
        {children}
      </ClientMessages>
    </TRPCReactProvider>
  );
}
