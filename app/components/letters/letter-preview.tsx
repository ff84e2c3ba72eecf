/** One letter exactly as it will be sent (plain text, so anything typed shows literally). */
export function LetterPreview({
  to,
  address,
  subject,
  body,
  headingLevel = 3,
}: {
  to: string;
  address: string[];
  subject: string;
  body: string;
  headingLevel?: 2 | 3;
}) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <article className="letter-card">
      <Heading className="h3">To {to}</Heading>
      <p className="small muted letter-card__address">{address.join(", ")}</p>
      <p>
        <strong>Subject:</strong> {subject}
      </p>
      <pre className="letter-text">{body}</pre>
    </article>
  );
}

export function CandidateSummary({
  c,
}: {
  c: {
    label: string;
    vacant: boolean;
    house: { title: string; name: string; party: string } | null;
    senators: Array<{ name: string; party: string }>;
  };
}) {
  const house = c.house ? `${c.house.title} ${c.house.name} (${c.house.party.slice(0, 1)})` : "seat vacant";
  const senators = c.senators.length
    ? `Senators ${c.senators.map((s) => `${s.name} (${s.party.slice(0, 1)})`).join(" and ")}`
    : "no senators";
  return (
    <span>
      <strong>{c.label}</strong>: {house}; {senators}
    </span>
  );
}
