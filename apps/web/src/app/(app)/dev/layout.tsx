import { ClientSegment } from "../client-segment";
import { segmentNamespaces } from "../segment-namespaces";

export default function DevLayout({ children }: { children: React.ReactNode }) {
  return <ClientSegment namespaces={segmentNamespaces.dev}>{children}</ClientSegment>;
}
