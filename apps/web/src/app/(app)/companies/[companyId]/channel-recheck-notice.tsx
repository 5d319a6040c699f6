import type { ChannelRecheck } from "@caseward/core";
import { channelKindLabels, countOf } from "@caseward/core/schemas";
import { Alert } from "@caseward/ui";

import { ChannelValue } from "~/components/channel-value";

const channels = (n: number) => countOf(n, "channel");

/**
 * What a change of the company's official domains did to its channels: those on a domain that
 * became official are usable again (not verified: nobody checked them against a bill or a
 * card), those on a domain that no longer is are suspicious now.
 */
export function ChannelRecheckNotice({
  recheck,
  replacedDomain = null,
}: {
  recheck: ChannelRecheck;
  /** The old website's domain, when a new website replaced it. */
  replacedDomain?: string | null;
}) {
  return (
    <div className="space-y-2">
      {replacedDomain && (
        <Alert variant="info" title={`${replacedDomain} is no longer an official domain`}>
          It went with the old website. If the company still uses it, add it again under Official
          domains.
        </Alert>
      )}
      {recheck.cleared.length > 0 && (
        <Alert variant="success" title={`${channels(recheck.cleared.length)} no longer suspicious`}>
          <ul className="list-disc pl-4">
            {recheck.cleared.map((c) => (
              <li key={c.id}>
                {channelKindLabels[c.kind]}:{" "}
                <ChannelValue channel={{ ...c, status: "unverified" }} />
              </li>
            ))}
          </ul>
          <p className="mt-1">
            {recheck.cleared.length === 1 ? "It is" : "They are"} on an official domain now, but not
            verified: check against a bill, a statement or your card before you use{" "}
            {recheck.cleared.length === 1 ? "it" : "them"}.
          </p>
        </Alert>
      )}
      {recheck.flagged.length > 0 && (
        <Alert
          variant="warning"
          title={`${channels(recheck.flagged.length)} now marked suspicious`}
        >
          <ul className="list-disc pl-4">
            {recheck.flagged.map((c) => (
              <li key={c.id}>
                {channelKindLabels[c.kind]}:{" "}
                <ChannelValue channel={{ ...c, status: "suspicious" }} />. {c.statusReason}
              </li>
            ))}
          </ul>
        </Alert>
      )}
    </div>
  );
}
