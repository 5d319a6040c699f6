/**
 * The messages `names` give: a namespace whole (`"Forms"`), or some of its keys
 * (`"Vocabulary.channelKind"`, `"Vocabulary.questionTier"`: those two groups).
 */
export function pick(messages: Record<string, unknown>, names: readonly string[]) {
  const picked: Record<string, unknown> = {};
  for (const name of names) {
    const dot = name.indexOf(".");
    if (dot === -1) {
      if (name in messages) picked[name] = messages[name];
      continue;
    }
    const namespace = name.slice(0, dot);
    const all = messages[namespace] as Record<string, unknown> | undefined;
    const key = name.slice(dot + 1);
    if (!all || !(key in all) || names.includes(namespace)) continue;
    picked[namespace] = { ...(picked[namespace] as object | undefined), [key]: all[key] };
  }
  return picked;
}
