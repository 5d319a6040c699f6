// Only for faults/worker-killed.test.ts, which imports the lane count by its old name from
// here and belongs to another part of issue 13: the in-memory send queue is ./send-lanes.ts.
// Delete this file once that test imports `sendLaneCount` from "../send-lanes".
export { sendLaneCount as outboxLanes } from "./send-lanes";
