import { ClientSegment } from "../client-segment";
import { segmentNamespaces } from "../segment-namespaces";

export default function SettingsLayout({ children }: { children: React.ReactNode }) {
  return <ClientSegment namespaces={segmentNamespaces.settings}>{children}</ClientSegment>;
}
