import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { answerOsdi } from "~/modules/osdi/osdi.server";

// The OSDI v1.2 API: every address under /api/osdi/v1/ (see docs/decisions and the README's API section).
export const loader = ({ request, params, context }: LoaderFunctionArgs) =>
  answerOsdi(request, params["*"] ?? "", { ip: context.clientIp });
export const action = ({ request, params, context }: ActionFunctionArgs) =>
  answerOsdi(request, params["*"] ?? "", { ip: context.clientIp });
