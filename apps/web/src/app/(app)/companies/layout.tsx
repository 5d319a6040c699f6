import { ClientSegment } from "../client-segment";
import { segmentNamespaces } from "../segment-namespaces";

export default function CompaniesLayout({ children }: { children: React.ReactNode }) {
  return <ClientSegment namespaces={segmentNamespaces.companies}>{children}</ClientSegment>;
}
