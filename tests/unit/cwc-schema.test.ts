import { buildCwcXml, type CwcMessage } from "~/modules/cwc/cwc-xml";
import { validateCwcXml } from "../support/fake-cwc";

/*
 * Our RELAX NG schema of CWC 2.0 (app/modules/cwc/cwc-2.0.rng), run by xmllint: the messages our
 * builder makes pass, and every case CWC.md says a validator must refuse fails.
 */

const golden = (office = "SVT01"): CwcMessage => ({
  deliveryId: "A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6",
  deliveryDate: "20261202",
  agent: {
    name: "Bring Them Home",
    ackEmail: "cwc@example.org",
    contactName: "Delivery Desk",
    contactEmail: "desk@example.org",
    contactPhone: "802-555-0100",
  },
  organization: "Bring Them Home: Korean War and Cold War POWs",
  campaignId: "dpaa-director",
  office,
  constituent: {
    prefix: "Ms.",
    firstName: "Ada",
    lastName: "O'Neil & Sons <x>",
    address1: "12 Main St",
    city: "Burlington",
    state: "VT",
    zip: "05401-1234",
    email: "ada@example.org",
    phone: "802-555-0199",
    emailValidated: true,
  },
  subject: "Name a permanent DPAA director",
  topics: ["Armed Forces and National Security", "International Affairs"],
  organizationStatement: "Please act so that the accounting agency has a permanent director.",
  constituentMessage: "My uncle never came home from Korea.",
  moreInfo: "https://example.org/campaigns/dpaa",
});

async function verdict(xml: string) {
  return (await validateCwcXml(xml)).valid;
}

const edit = (xml: string, from: string | RegExp, to: string) => {
  const out = xml.replace(from, to);
  if (out === xml) throw new Error(`edit did not apply: ${from}`);
  return out;
};

// xmllint runs as WebAssembly: a validation takes 0.3-1 s on a busy machine.
describe("the CWC 2.0 schema", { timeout: 60_000 }, () => {
  it("golden messages for House and Senate offices pass, with the elements in any order inside a block", async () => {
    for (const office of ["SVT01", "SVT03", "HVT00", "HCA12", "HAQ00"]) {
      const m = golden(office);
      if (office === "HAQ00") m.constituent.state = "AS";
      expect(await validateCwcXml(buildCwcXml(m))).toEqual({ valid: true, errors: [] });
    }
    const minimal = golden("HVT00");
    Object.assign(minimal, { organization: null, moreInfo: null, organizationStatement: null });
    Object.assign(minimal.constituent, { phone: null, prefix: "Rev.", zip: "05401" });
    expect(await verdict(buildCwcXml(minimal))).toBe(true);
    const reordered = edit(
      buildCwcXml(golden()),
      /(<FirstName>[^<]*<\/FirstName>)(<LastName>[^<]*<\/LastName>)/,
      "$2$1",
    );
    expect(await verdict(reordered)).toBe(true);
    const withBills = edit(
      buildCwcXml(golden("HVT00")),
      "<Subject>",
      "<Bills><Bill><BillCongress>119</BillCongress><BillTypeAbbreviation>hr</BillTypeAbbreviation><BillNumber>1234</BillNumber></Bill></Bills><Subject>",
    );
    expect(await verdict(withBills)).toBe(true);
  });

  const base = buildCwcXml(golden());
  const refused: Array<[string, string]> = [
    [
      "a 31-character DeliveryId",
      edit(base, /<DeliveryId>[^<]*</, "<DeliveryId>A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p<"),
    ],
    ["Rev. as a Senate prefix", edit(base, "<Prefix>Ms.</Prefix>", "<Prefix>Rev.</Prefix>")],
    ["a topic outside the list", edit(base, "International Affairs", "POW Affairs")],
    ["a 5-character subject", edit(base, /<Subject>[^<]*</, "<Subject>Hello<")],
    ["neither statement nor message", edit(base, /<OrganizationStatement>.*<\/ConstituentMessage>/, "")],
    [
      "Bill without Bills",
      edit(
        base,
        "<Subject>",
        "<Bill><BillCongress>119</BillCongress><BillTypeAbbreviation>S.</BillTypeAbbreviation><BillNumber>1</BillNumber></Bill><Subject>",
      ),
    ],
    ["054011234 as a ZIP", edit(base, "05401-1234", "054011234")],
    ["(802) 555-0100 as a phone", edit(base, "<Phone>802-555-0199", "<Phone>(802) 555-0100")],
    ["HAS00 as an office", buildCwcXml(golden("HAS00"))],
    ["SVT02 as an office", buildCwcXml(golden("SVT02"))],
    ["a missing CWCVersion", edit(base, "<CWCVersion>2.0</CWCVersion>", "")],
  ];
  it.each(refused)("refuses %s", async (_name, xml) => {
    expect(await verdict(xml)).toBe(false);
  });
});
