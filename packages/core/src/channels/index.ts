export { checkChannel } from "./check-channel";
export type { ChannelToCheck, CompanyToCheckAgainst } from "./check-channel";
export type { ChannelCheck, ChannelCheckStatus } from "./result";
export * from "./ladder";
export { recheckChannels } from "./recheck-channels";
export type { ChannelRecheck, RecheckedChannel } from "./recheck-channels";
export * from "./display";
