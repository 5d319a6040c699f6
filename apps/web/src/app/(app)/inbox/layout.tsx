import { ClientSegment } from "../client-segment";
import { segmentNamespaces } from "../segment-namespaces";

export default function InboxLayout({ children }: { children: React.ReactNode }) {
  return <ClientSegment namespaces={segmentNamespaces.inbox}>{children}</ClientSegment>;
}
