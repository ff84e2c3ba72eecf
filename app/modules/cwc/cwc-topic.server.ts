import { env } from "~/env.server";
import { CWC_TOPICS, type CwcTopic } from "./cwc";

/*
 * A campaign's CWC topic (LibraryOfCongressTopic): the one its organizers chose in the campaign
 * editor, else the CWC_DEFAULT_TOPIC setting. A stored name no longer in the list (the column
 * is free text) falls back to the setting, so a message never carries a topic CWC refuses.
 */

export function defaultCwcTopic(): CwcTopic {
  return env().CWC_DEFAULT_TOPIC;
}

export function campaignCwcTopic(stored: string | null): CwcTopic {
  const found = CWC_TOPICS.find((t) => t === stored);
  return found ?? defaultCwcTopic();
}
