import { describe, expect, it } from "vitest";

import { stillWrong } from "./form";

describe("stillWrong: a message goes as soon as its cause is fixed", () => {
  it.each([
    {
      name: "a fixed field loses its message",
      shown: { notes: ["This looks like a full card number."] },
      now: {},
      kept: {},
    },
    {
      name: "a field still wrong keeps the message of what is wrong now",
      shown: { notes: ["This looks like a full card number."] },
      now: { notes: ["Keep the notes under 20,000 characters."] },
      kept: { notes: ["Keep the notes under 20,000 characters."] },
    },
    {
      name: "a field nobody was told about gets no message before the next save",
      shown: { notes: ["This looks like a full card number."] },
      now: { notes: ["This looks like a full card number."], title: ["Fill in the title."] },
      kept: { notes: ["This looks like a full card number."] },
    },
    {
      name: "a message about the whole form goes at the first change",
      shown: { _form: ["Something went wrong. Please try again."] },
      now: {},
      kept: {},
    },
  ])("$name", ({ shown, now, kept }) => {
    expect(stillWrong(shown, now)).toEqual(kept);
  });
});
