/*
 * The OData subset of OSDI's `filter` parameter, parsed into a small tree (never into SQL):
 * comparisons `field op value` with eq ne gt ge lt le, joined by `and` / `or` (and binding
 * tighter), parentheses, quoted strings ('' for a quote inside) and ISO 8601 dates. Each
 * collection says which fields it filters on and their kind; anything else is an error with a
 * message for the person who wrote the filter.
 */
export type FilterOp = "eq" | "ne" | "gt" | "ge" | "lt" | "le";
export type FieldKind = "string" | "date";
export type Filter =
  | { kind: "cmp"; field: string; op: FilterOp; value: string | Date }
  | { kind: "and" | "or"; left: Filter; right: Filter };
export type FilterResult = { ok: true; filter: Filter | null } | { ok: false; message: string };

const OPS = new Set<string>(["eq", "ne", "gt", "ge", "lt", "le"]);
const MAX_LENGTH = 1000;
const MAX_COMPARISONS = 20;

type Token = { type: "word" | "string" | "open" | "close"; text: string; at: number };

class FilterError extends Error {}

function tokenize(input: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < input.length) {
    const c = input[i];
    if (/\s/.test(c)) i++;
    else if (c === "(" || c === ")") {
      tokens.push({ type: c === "(" ? "open" : "close", text: c, at: i });
      i++;
    } else if (c === "'") {
      let text = "";
      let j = i + 1;
      for (;;) {
        if (j >= input.length)
          throw new FilterError(`The quoted value starting at character ${i + 1} is not closed.`);
        if (input[j] === "'") {
          if (input[j + 1] === "'") {
            text += "'";
            j += 2;
            continue;
          }
          break;
        }
        text += input[j++];
      }
      tokens.push({ type: "string", text, at: i });
      i = j + 1;
    } else {
      const match = /^[^\s()']+/.exec(input.slice(i));
      const text = match?.[0] ?? c;
      tokens.push({ type: "word", text, at: i });
      i += text.length;
    }
  }
  return tokens;
}

/** An ISO 8601 date or date-time (a date alone is midnight UTC). */
export function parseIsoDate(text: string): Date | null {
  if (!/^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:?\d{2})?)?$/.test(text))
    return null;
  const date = new Date(text.length === 10 ? `${text}T00:00:00Z` : text.replace(" ", "T"));
  return Number.isNaN(date.getTime()) ? null : date;
}

export function parseFilter(
  input: string | null | undefined,
  fields: Record<string, FieldKind>,
): FilterResult {
  if (input === null || input === undefined || input.trim() === "") return { ok: true, filter: null };
  if (input.length > MAX_LENGTH)
    return { ok: false, message: `A filter is at most ${MAX_LENGTH} characters.` };
  const known = Object.keys(fields).join(", ");
  try {
    const tokens = tokenize(input);
    let pos = 0;
    let comparisons = 0;
    const peek = () => tokens[pos];
    const keyword = (word: string) => peek()?.type === "word" && peek().text.toLowerCase() === word;

    const comparison = (): Filter => {
      const field = tokens[pos++];
      if (!field || field.type !== "word")
        throw new FilterError(
          `Expected a field name${field ? ` at character ${field.at + 1}` : " at the end"}.`,
        );
      if (tokens[pos]?.type === "open")
        throw new FilterError(`Functions such as ${field.text}() are not supported; use eq ne gt ge lt le.`);
      const kind = fields[field.text];
      if (!kind) throw new FilterError(`Unknown field "${field.text}": this collection filters on ${known}.`);
      const op = tokens[pos++];
      if (!op || op.type !== "word" || !OPS.has(op.text.toLowerCase()))
        throw new FilterError(`Expected eq, ne, gt, ge, lt or le after "${field.text}".`);
      const value = tokens[pos++];
      if (!value || (value.type !== "string" && value.type !== "word"))
        throw new FilterError(`Expected a value after "${field.text} ${op.text}".`);
      if (++comparisons > MAX_COMPARISONS)
        throw new FilterError(`A filter has at most ${MAX_COMPARISONS} comparisons.`);
      const cmp = { field: field.text, op: op.text.toLowerCase() as FilterOp };
      if (kind === "date") {
        const date = parseIsoDate(value.text);
        if (!date)
          throw new FilterError(`"${value.text}" is not an ISO 8601 date (for example '2026-12-01').`);
        return { kind: "cmp", ...cmp, value: date };
      }
      if (value.type !== "string")
        throw new FilterError(`Quote the value of ${field.text}: '${value.text}'.`);
      return { kind: "cmp", ...cmp, value: value.text };
    };
    const factor = (): Filter => {
      if (peek()?.type !== "open") return comparison();
      pos++;
      const inner = or();
      if (peek()?.type !== "close") throw new FilterError("A parenthesis is not closed.");
      pos++;
      return inner;
    };
    const and = (): Filter => {
      let left = factor();
      while (keyword("and")) {
        pos++;
        left = { kind: "and", left, right: factor() };
      }
      return left;
    };
    const or = (): Filter => {
      let left = and();
      while (keyword("or")) {
        pos++;
        left = { kind: "or", left, right: and() };
      }
      return left;
    };
    const filter = or();
    if (pos < tokens.length)
      throw new FilterError(
        `Unexpected "${tokens[pos].text}" at character ${tokens[pos].at + 1}; join comparisons with and / or.`,
      );
    return { ok: true, filter };
  } catch (e) {
    if (e instanceof FilterError) return { ok: false, message: `The filter cannot be used: ${e.message}` };
    throw e;
  }
}
