export type ChannelCheckStatus = "ok" | "suspicious" | "invalid";

/** The verdict on one channel: `normalized` is what to store, `reason` what to tell the user. */
export interface ChannelCheck {
  status: ChannelCheckStatus;
  normalized: string | null;
  reason: string | null;
}

export function ok(normalized: string): ChannelCheck {
  return { status: "ok", normalized, reason: null };
}

export function suspicious(normalized: string, reason: string): ChannelCheck {
  return { status: "suspicious", normalized, reason };
}

export function invalid(reason: string): ChannelCheck {
  return { status: "invalid", normalized: null, reason };
}
