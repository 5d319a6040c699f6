import { ClientSegment } from "../client-segment";
import { segmentNamespaces } from "../segment-namespaces";

export default function PrivacyLayout({ children }: { children: React.ReactNode }) {
  return <ClientSegment namespaces={segmentNamespaces.privacy}>{children}</ClientSegment>;
}
