// Seed content: officials, campaigns, case files and "help identify" requests.
// Facts come from docs/content.md (the public record they rest on). Where that record gives no fact
// (rank, unit, service, date or place of loss), the field is null.

import type { CaseFactsTable, CasesTable, OfficialsTable } from "../schema/foundation";

export type SeedOfficial = Pick<
  OfficialsTable,
  "key" | "name" | "title" | "organization" | "salutation" | "addressLines" | "url"
>;

export interface SeedCampaign {
  slug: "dpaa-director" | "ask-moscow-beijing" | "release-the-files";
  title: string;
  summary: string;
  bodyMd: string;
  targetSummary: string;
  targets: Array<{ kind: "senate" | "house" } | { kind: "official"; key: string }>;
  petition: { ask: string; goal: number; deadline: string | null };
  letters: boolean;
  donations: boolean;
  donationGoalCents: number | null;
  relatedCases: string[];
}

export type SeedCaseFact = Pick<CaseFactsTable, "occurredOn" | "fact" | "sourceTitle" | "sourceUrl">;

/** A case file as the cases table holds it, with its facts. */
export type SeedCase = Pick<
  CasesTable,
  | "slug"
  | "fullName"
  | "rank"
  | "service"
  | "unit"
  | "conflict"
  | "status"
  | "lossDate"
  | "lossPlace"
  | "summary"
> & {
  bodyMd: string;
  facts: SeedCaseFact[];
};

export interface SeedMediaItem {
  slug: string;
  title: string;
  description: string;
  dateText: string | null;
  source: string;
}

// ---------------------------------------------------------------------------
// Officials and bodies that campaigns address
// ---------------------------------------------------------------------------

export const officials: SeedOfficial[] = [
  {
    key: "president",
    name: "The President of the United States",
    title: "President",
    organization: "The White House",
    salutation: "Dear Mr. President",
    addressLines: ["The White House", "1600 Pennsylvania Avenue NW", "Washington, DC 20500"],
    url: "https://www.whitehouse.gov",
  },
  {
    key: "secretary-of-defense",
    name: "The Secretary of Defense",
    title: "Secretary of Defense",
    organization: "Department of Defense",
    salutation: "Dear Secretary",
    addressLines: [
      "Office of the Secretary of Defense",
      "1000 Defense Pentagon",
      "Washington, DC 20301-1000",
    ],
    url: "https://www.defense.gov",
  },
  {
    key: "dpaa-director",
    name: "The Director, Defense POW/MIA Accounting Agency",
    title: "Director",
    organization: "Defense POW/MIA Accounting Agency",
    salutation: "Dear Director",
    addressLines: ["Defense POW/MIA Accounting Agency", "2300 Defense Pentagon", "Washington, DC 20301-2300"],
    url: "https://www.dpaa.mil",
  },
  {
    key: "dia-director",
    name: "The Director, Defense Intelligence Agency",
    title: "Director",
    organization: "Defense Intelligence Agency",
    salutation: "Dear Director",
    addressLines: ["Defense Intelligence Agency", "7400 Pentagon", "Washington, DC 20301-7400"],
    url: "https://www.dia.mil",
  },
  {
    key: "archivist",
    name: "The Archivist of the United States",
    title: "Archivist of the United States",
    organization: "National Archives and Records Administration",
    salutation: "Dear Archivist of the United States",
    addressLines: [
      "National Archives and Records Administration",
      "700 Pennsylvania Avenue NW",
      "Washington, DC 20408-0001",
    ],
    url: "https://www.archives.gov",
  },
  {
    key: "sasc",
    name: "The Chairman, Senate Armed Services Committee",
    title: "Chairman",
    organization: "Senate Armed Services Committee",
    salutation: "Dear Chairman",
    addressLines: [
      "Senate Armed Services Committee",
      "228 Russell Senate Office Building",
      "Washington, DC 20510",
    ],
    url: "https://www.armed-services.senate.gov",
  },
  {
    key: "hasc",
    name: "The Chairman, House Armed Services Committee",
    title: "Chairman",
    organization: "House Armed Services Committee",
    salutation: "Dear Chairman",
    addressLines: [
      "House Armed Services Committee",
      "2216 Rayburn House Office Building",
      "Washington, DC 20515",
    ],
    url: "https://armedservices.house.gov",
  },
];

// ---------------------------------------------------------------------------
// Campaigns
// ---------------------------------------------------------------------------

export const campaigns: SeedCampaign[] = [
  {
    slug: "dpaa-director",
    title: "Name a permanent director to the Pentagon's POW/MIA accounting agency",
    summary:
      "About 8,000 Americans are still unaccounted for from the Korean War. The agency charged with accounting for them needs a permanent director who answers to Congress and to the families.",
    bodyMd: `About 8,000 Americans are still unaccounted for from the Korean War (1950-53). The Defense POW/MIA Accounting Agency (DPAA) leads the government's effort to account for them. Before 2015, this work belonged to the Defense POW/Missing Personnel Office (DPMO).

## Why this matters

Declassified U.S. records and intelligence reports say the communist side kept some American prisoners after the 1953 armistice. Some named men were confirmed alive in captivity and never came home. Reports told of prisoners moved from North Korea to China and the Soviet Union.

DPMO's own fact sheet said that since 1995 more than 25,000 North Korean defectors had been screened, and that none had given useful information on live Americans. Families deserve to know how that work was done and what it found. That takes steady leadership, with one person accountable for the agency's record.

## What we are asking

We ask the Secretary of Defense to name a permanent director to the agency. We ask Congress to insist on it and to hold that director to account. The director should report openly to Congress and to the families on the cases of men known or reported to have been held alive.

## What you can do

Sign the petition. Then write to your senators and your representative. Ask them to press the Department of Defense for a permanent director and for regular, public reporting on these cases.`,
    targetSummary: "Congress and the Secretary of Defense",
    targets: [{ kind: "senate" }, { kind: "house" }, { kind: "official", key: "secretary-of-defense" }],
    petition: {
      ask: "To the Members of Congress and the Secretary of Defense: About 8,000 Americans are still unaccounted for from the Korean War. We ask that a permanent director be named to the Defense POW/MIA Accounting Agency. We ask that the director report openly to Congress and to the families on every man known or reported to have been held alive after the war.",
      goal: 25000,
      deadline: null,
    },
    letters: true,
    donations: false,
    donationGoalCents: null,
    relatedCases: ["sam-logan", "leonard-button", "ashley-five", "richard-desautels", "harry-moore"],
  },
  {
    slug: "ask-moscow-beijing",
    title: "Ask Moscow and Beijing about the Americans never returned",
    summary:
      "Reports told of American prisoners moved from North Korea to China and the Soviet Union. We ask the President to raise their fate directly with Moscow and Beijing.",
    bodyMd: `Declassified U.S. records and intelligence reports say that some American prisoners were kept after the 1953 armistice in Korea. Reports told of prisoners moved from North Korea to China and the Soviet Union. Several Cold War aviators were also reported captured by China.

## Why this matters

In 1954 the U.S. Embassy in Moscow formally asked the Soviet government to return American prisoners taken from Korea. The Soviet government denied holding any. In 1955 a Pentagon memo, then classified, concluded that getting the men back might be impossible in a long Cold War.

China said in 1956 that Sgt. Richard Desautels had escaped. In 2003 Beijing admitted that he had been taken to China and said that he died there of illness. China still holds a file on him. Russian sources have confirmed that Lt. Leonard Button was captured alive.

## What we are asking

We ask the President to raise the fate of these Americans directly with the governments of Russia and China. Each government should be asked to open its files on American prisoners from the Korean War and the Cold War, and to tell the families what happened to each man.

## What you can do

Sign the petition to the President. Write to your senators and your representative and ask them to support this request. Donations help us research the case files and bring them to public attention.`,
    targetSummary: "The President of the United States",
    targets: [{ kind: "official", key: "president" }, { kind: "senate" }, { kind: "house" }],
    petition: {
      ask: "Mr. President: Reports told of American prisoners moved from North Korea to China and the Soviet Union, and some were confirmed alive in captivity but never returned. We ask you to raise their fate directly with the governments of Russia and China. Ask both governments to open their files on these men and tell their families what happened to them.",
      goal: 100000,
      deadline: null,
    },
    letters: true,
    donations: true,
    donationGoalCents: null,
    relatedCases: [
      "richard-desautels",
      "leonard-button",
      "harry-moore",
      "james-deane",
      "lloyd-smith-jr",
      "sam-logan",
      "the-horse",
    ],
  },
  {
    slug: "release-the-files",
    title: "Declassify the Korean War and Cold War POW files",
    summary:
      "Many records more than 50 years old on American prisoners of the Korean War and the Cold War remain classified. We ask Congress, the National Archives and the DIA to release them.",
    bodyMd: `Many records on American prisoners of the Korean War and the Cold War are more than 50 years old and remain classified. They are held at the National Archives and by the military. The families of these men have waited for answers for generations.

## Why this matters

Records that were once top secret have already shown that men listed as missing were captured alive. Lt. Leonard Button is one of them. Yet the Defense Intelligence Agency has refused to release some documents on Korean War prisoners seen alive after the war, citing classification.

In 1955 a Pentagon memo, then classified, concluded that recovering the men might be impossible in a long Cold War. The public learned of it only later. Other files may hold the answers families still seek.

On 31 October 2013, John Zimmerlee, the son of a missing aviator, testified to the UN Commission of Inquiry on human rights in North Korea and asked for the release of classified U.S. files. The Commission's 2014 report confirmed that North Korea held back South Korean prisoners after 1953. In a separate case, families of Vietnam-era POW/MIAs have sought withheld CIA records in court for more than a decade.

## What we are asking

We ask Congress to require the declassification of Korean War and Cold War POW/MIA records. We ask the National Archives and the Defense Intelligence Agency to review and release them, with only narrow, explained exceptions.

## What you can do

Sign the petition. Write to your senators and your representative. Donations help us request records, read them and publish what they show.`,
    targetSummary: "Congress, the National Archives and the Defense Intelligence Agency",
    targets: [
      { kind: "senate" },
      { kind: "house" },
      { kind: "official", key: "archivist" },
      { kind: "official", key: "dia-director" },
    ],
    petition: {
      ask: "To the Members of Congress, the Archivist of the United States and the Director of the Defense Intelligence Agency: Many records on American prisoners of the Korean War and the Cold War are more than 50 years old and remain classified. We ask you to declassify and release them. The families of these men have waited long enough to learn what their government knows.",
      goal: 50000,
      deadline: null,
    },
    letters: true,
    donations: true,
    donationGoalCents: null,
    relatedCases: [
      "leonard-button",
      "ashley-five",
      "james-deane",
      "lloyd-smith-jr",
      "harry-moore",
      "roy-chung",
      "the-horse",
    ],
  },
];

// ---------------------------------------------------------------------------
// Case files
// ---------------------------------------------------------------------------

export const cases: SeedCase[] = [
  {
    slug: "sam-logan",
    fullName: "Sam Logan",
    rank: null,
    service: null,
    unit: null,
    conflict: "korean_war",
    status: "missing",
    lossDate: null,
    lossPlace: null,
    summary:
      "Captured by North Korea. Soviet media circulated his photograph around the world. He was never returned or accounted for.",
    bodyMd: `Sam Logan was captured by North Korea during the Korean War.

Soviet media circulated his photograph around the world.

He was never returned, and he has never been accounted for. His rank, unit, and the date and place of his capture are not recorded here.`,
    facts: [
      {
        occurredOn: null,
        fact: "Captured by North Korea.",
        sourceTitle: null,
        sourceUrl: null,
      },
      {
        occurredOn: null,
        fact: "His photograph was circulated worldwide by Soviet media.",
        sourceTitle: "Soviet media photograph",
        sourceUrl: null,
      },
      {
        occurredOn: "1953",
        fact: "The armistice was signed. Sam Logan was not among the prisoners returned, and he remains unaccounted for.",
        sourceTitle: null,
        sourceUrl: null,
      },
    ],
  },
  {
    slug: "richard-desautels",
    fullName: "Richard Desautels",
    rank: "Sgt.",
    service: null,
    unit: null,
    conflict: "korean_war",
    status: "confirmed_alive_in_captivity",
    lossDate: null,
    lossPlace: null,
    summary:
      "A known prisoner in a North Korean camp held by the Chinese. In 2003 Beijing admitted he had been taken to China, and said he died there of illness.",
    bodyMd: `Sgt. Richard Desautels was a known prisoner of war in a camp in North Korea. The camp was held by the Chinese.

In 1956 China said that he had "escaped." In 2003 Beijing gave a different account. It admitted that he had been taken to China, and said that he died there of illness. This is the Chinese government's account.

China still holds a file on him.`,
    facts: [
      {
        occurredOn: null,
        fact: "Held as a known prisoner of war in a North Korean camp run by the Chinese.",
        sourceTitle: null,
        sourceUrl: null,
      },
      {
        occurredOn: "1956",
        fact: "China said he had escaped.",
        sourceTitle: "Statement of the Chinese government, 1956",
        sourceUrl: null,
      },
      {
        occurredOn: "2003",
        fact: "Beijing admitted he had been taken to China and said he died there of illness.",
        sourceTitle: "Statement of the Chinese government, 2003",
        sourceUrl: null,
      },
      {
        occurredOn: null,
        fact: "China still holds a file on him.",
        sourceTitle: null,
        sourceUrl: null,
      },
    ],
  },
  {
    slug: "leonard-button",
    fullName: "Leonard Button",
    rank: "Lt.",
    service: null,
    unit: null,
    conflict: "korean_war",
    status: "confirmed_alive_in_captivity",
    lossDate: null,
    lossPlace: null,
    summary:
      "Listed by the Pentagon as missing in action, though once top-secret U.S. records show he was captured alive. Russian sources confirm his capture.",
    bodyMd: `The Pentagon lists Lt. Leonard Button as missing in action.

U.S. records that were once top secret show that he was captured alive. Russian sources confirm his capture.

According to reports, North Korea sentenced him and kept him. These are reports, not confirmed records. He was never returned.`,
    facts: [
      {
        occurredOn: null,
        fact: "Listed by the Pentagon as missing in action.",
        sourceTitle: "Pentagon casualty listing",
        sourceUrl: null,
      },
      {
        occurredOn: null,
        fact: "Records show he was captured alive.",
        sourceTitle: "Declassified U.S. records, formerly top secret",
        sourceUrl: null,
      },
      {
        occurredOn: null,
        fact: "His capture is confirmed by Russian sources.",
        sourceTitle: "Russian sources",
        sourceUrl: null,
      },
      {
        occurredOn: null,
        fact: "Reportedly sentenced and kept by North Korea.",
        sourceTitle: null,
        sourceUrl: null,
      },
    ],
  },
  {
    slug: "ashley-five",
    fullName: "Gilbert Ashley, Hidemaro Ishida and three fellow crew members",
    rank: null,
    service: null,
    unit: null,
    conflict: "korean_war",
    status: "confirmed_alive_in_captivity",
    lossDate: null,
    lossPlace: null,
    summary:
      "Five crew members, among them Gilbert Ashley and Hidemaro Ishida, were confirmed alive in North Korean hands after the armistice. UN commanders demanded their return. They never came home.",
    bodyMd: `Gilbert Ashley, Hidemaro Ishida and three fellow crew members were confirmed alive in North Korean hands after the 1953 armistice.

UN commanders demanded their return. The five men were never returned.

The names of the three other crew members are not recorded here. Anyone with information about this crew is asked to contact us.`,
    facts: [
      {
        occurredOn: "1953",
        fact: "The armistice was signed. The five crew members were not among the prisoners returned.",
        sourceTitle: null,
        sourceUrl: null,
      },
      {
        occurredOn: null,
        fact: "The five men were confirmed alive in North Korean hands after the armistice.",
        sourceTitle: "Declassified U.S. records",
        sourceUrl: null,
      },
      {
        occurredOn: null,
        fact: "UN commanders demanded their return. They were never returned.",
        sourceTitle: "UN Command demand for return",
        sourceUrl: null,
      },
    ],
  },
  {
    slug: "harry-moore",
    fullName: "Harry Moore",
    rank: null,
    service: null,
    unit: null,
    conflict: "korean_war",
    status: "reported_alive",
    lossDate: null,
    lossPlace: null,
    summary:
      "Believed to have been shipped to the Soviet Union during the Korean War. He was never returned.",
    bodyMd: `Harry Moore is believed to have been shipped to the Soviet Union during the Korean War. His transfer has not been confirmed.

Reports told of American prisoners moved from North Korea to the Soviet Union. In 1954 the U.S. Embassy in Moscow formally asked the Soviet government to return American prisoners taken from Korea. The Soviet government denied holding any.

He has never been returned or accounted for.`,
    facts: [
      {
        occurredOn: null,
        fact: "Believed to have been shipped to the Soviet Union during the Korean War.",
        sourceTitle: null,
        sourceUrl: null,
      },
      {
        occurredOn: "1954",
        fact: "The U.S. Embassy in Moscow formally asked the Soviet government to return American prisoners taken from Korea. The Soviets denied holding any.",
        sourceTitle: "U.S. Embassy Moscow request to the Soviet government, 1954",
        sourceUrl: null,
      },
    ],
  },
  {
    slug: "james-deane",
    fullName: "James Deane",
    rank: "Lt. (j.g.)",
    service: null,
    unit: null,
    conflict: "cold_war",
    status: "reported_alive",
    lossDate: null,
    lossPlace: null,
    summary:
      "A Cold War aviator. U.S. intelligence reported him and a fellow crewman alive in China for two years after their plane was downed.",
    bodyMd: `Lt. (j.g.) James Deane was a Cold War aviator. His plane was downed.

U.S. intelligence reported that he and a fellow crewman were alive in China for two years afterward. These are intelligence reports; they do not establish what became of the men.

Neither man was returned. The name of the fellow crewman, and the date and place of the loss, are not recorded here.`,
    facts: [
      {
        occurredOn: null,
        fact: "His plane was downed during the Cold War.",
        sourceTitle: null,
        sourceUrl: null,
      },
      {
        occurredOn: null,
        fact: "U.S. intelligence reported him and a fellow crewman alive in China for two years after the loss.",
        sourceTitle: "U.S. intelligence reports",
        sourceUrl: null,
      },
    ],
  },
  {
    slug: "lloyd-smith-jr",
    fullName: "Lloyd Smith Jr.",
    rank: null,
    service: null,
    unit: null,
    conflict: "cold_war",
    status: "reported_alive",
    lossDate: null,
    lossPlace: null,
    summary: "A Cold War aviator reported to have been captured by China. He was never returned.",
    bodyMd: `Lloyd Smith Jr. was a Cold War aviator.

He was reported to have been captured by China. This is a report, not a confirmed record.

He was never returned. His rank, unit, and the date and place of his loss are not recorded here.`,
    facts: [
      {
        occurredOn: null,
        fact: "Reported captured by China.",
        sourceTitle: null,
        sourceUrl: null,
      },
      {
        occurredOn: null,
        fact: "Never returned or accounted for.",
        sourceTitle: null,
        sourceUrl: null,
      },
    ],
  },
  {
    slug: "roy-chung",
    fullName: "Roy Chung",
    rank: "PFC",
    service: null,
    unit: null,
    conflict: "cold_war",
    status: "missing",
    lossDate: "1979",
    lossPlace: null,
    summary: "Disappeared in 1979. A State Department report that has been released may concern him.",
    bodyMd: `PFC Roy Chung disappeared in 1979.

A State Department report has been released that may concern him. It is not established that the report refers to him.

Where he went, and what became of him, remain unknown.`,
    facts: [
      {
        occurredOn: "1979",
        fact: "Disappeared.",
        sourceTitle: null,
        sourceUrl: null,
      },
      {
        occurredOn: null,
        fact: "A released State Department report may concern him.",
        sourceTitle: "State Department report (released)",
        sourceUrl: null,
      },
    ],
  },
  {
    slug: "the-horse",
    fullName: '"The Horse"',
    rank: null,
    service: null,
    unit: null,
    conflict: "cold_war",
    status: "reported_alive",
    lossDate: null,
    lossPlace: null,
    summary:
      'A reported U.S. Marine prisoner in Russia, known only as "The Horse." Whether the report is genuine or a hoax is an open question.',
    bodyMd: `"The Horse" is the name given to a man reported to be a U.S. Marine held as a prisoner in Russia.

It is an open question whether the report is genuine or a hoax. No one has been identified as "The Horse," and no record confirms that such a prisoner existed.

We list this case so that the report can be tested. If you have information that would confirm or disprove it, please contact us.`,
    facts: [
      {
        occurredOn: null,
        fact: "Reported to be a U.S. Marine held as a prisoner in Russia.",
        sourceTitle: null,
        sourceUrl: null,
      },
      {
        occurredOn: null,
        fact: "Whether the report is genuine or a hoax remains an open question.",
        sourceTitle: null,
        sourceUrl: null,
      },
    ],
  },
];

// ---------------------------------------------------------------------------
// Help identify
// ---------------------------------------------------------------------------

export const helpIdentify: SeedMediaItem[] = [
  {
    slug: "pyongyang-pow-footage",
    title: "Help identify the men in the Pyongyang footage",
    description:
      "Wartime film shot in Pyongyang shows U.S. and South Korean prisoners of war. Many of the men in it have not been identified. If you recognize someone in this footage, please send us a tip. Tell us who you believe the man is and how you know him.",
    dateText: "Wartime",
    source: "Film shot in Pyongyang",
  },
  {
    slug: "air-force-pow-film",
    title: "Help identify the men in the Air Force film",
    description:
      "A wartime Air Force film shows U.S. and South Korean prisoners of war. Some of the men in it have not been identified. If you recognize someone in this film, please send us a tip. Tell us who you believe the man is and how you know him.",
    dateText: "Wartime",
    source: "Air Force film",
  },
];
