// Resource tag rules (ecr-spec §3.2): at most 50 per repository, key 1-128 and value 0-256 chars.
import { EcrError } from "./errors";

export const MAX_TAGS_PER_RESOURCE = 50;
type Tag = { Key: string; Value: string };

export function validateResourceTags(tags: readonly Tag[]): Tag[] {
  for (const t of tags) {
    if (t.Key.length < 1 || t.Key.length > 128) throw new EcrError("InvalidTagParameterException", `Tag keys must be 1 to 128 characters long: '${t.Key.slice(0, 140)}'`);
    if (t.Key.toLowerCase().startsWith("aws:")) throw new EcrError("InvalidTagParameterException", `Tag keys starting with 'aws:' are reserved: '${t.Key}'`);
    if (t.Value.length > 256) throw new EcrError("InvalidTagParameterException", `Tag values must be at most 256 characters long (key '${t.Key}')`);
  }
  // The last value given for a key wins, as with repeated keys in one TagResource call.
  const merged = [...new Map(tags.map((t) => [t.Key, t])).values()];
  if (merged.length > MAX_TAGS_PER_RESOURCE) throw new EcrError("TooManyTagsException", `A repository can have at most ${MAX_TAGS_PER_RESOURCE} tags.`);
  return merged;
}
