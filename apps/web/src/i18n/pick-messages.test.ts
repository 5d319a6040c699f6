import { describe, expect, it } from "vitest";

import { pick } from "./pick-messages";

const messages = {
  Forms: { notSaved: "Not saved", andMore: "and more" },
  Vocabulary: {
    channelKind: { phone: "Phone", email: "Email" },
    questionTier: { need: "Need to know" },
    caseStatus: { open: "Open" },
  },
  Email: { subject: "Server only" },
};

describe("pick: the words a page gives its client parts", () => {
  it("gives whole namespaces by name, and nothing else", () => {
    expect(pick(messages, ["Forms"])).toEqual({ Forms: messages.Forms });
  });

  it("gives only the named keys of a namespace", () => {
    expect(pick(messages, ["Vocabulary.channelKind", "Vocabulary.questionTier"])).toEqual({
      Vocabulary: {
        channelKind: { phone: "Phone", email: "Email" },
        questionTier: { need: "Need to know" },
      },
    });
  });

  it("gives a namespace whole when it is named whole as well as by key", () => {
    expect(pick(messages, ["Vocabulary.caseStatus", "Vocabulary"])).toEqual({
      Vocabulary: messages.Vocabulary,
    });
  });

  it("skips names the catalogue does not have", () => {
    expect(pick(messages, ["Nope", "Vocabulary.nope", "Nope.key"])).toEqual({});
  });
});
