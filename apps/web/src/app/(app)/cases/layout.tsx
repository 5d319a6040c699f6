import { ClientSegment } from "../client-segment";

export default ClientSegment;
