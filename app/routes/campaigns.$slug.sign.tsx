import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { Progress } from "~/components/progress";
import { SignatureForm } from "~/components/petitions/signature-form";
import { notFound } from "~/lib/http.server";
import { signatureSchema } from "~/modules/petitions/petitions.schema";
import { getPetitionPage, signPetition } from "~/modules/petitions/petitions.server";
import { invalid, requireFormValues } from "~/lib/input.server";

export async function loader({ params }: LoaderFunctionArgs) {
  const petition = await getPetitionPage(params.slug ?? "");
  if (!petition) notFound("No petition has that address.");
  // The signing page shows the ask and the count, never the recent signers.
  const { slug, title, ask, signatureCount, goal, status } = petition;
  return { petition: { slug, title, ask, signatureCount, goal, status } };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Sign: ${data.petition.title} | Bring them home` : "Petition not found" },
];

/** The signing form's action (the campaign page posts here too): the same schema and use-case as the JSON API. */
export async function action({ request, params, context }: ActionFunctionArgs) {
  const slug = params.slug ?? "";
  const { website, ...values } = await requireFormValues(request);
  const parsed = signatureSchema.safeParse({ ...values, website });
  if (!parsed.success) return invalid(parsed.error, { values, message: null });
  const result = await signPetition(slug, parsed.data, {
    ip: context.clientIp,
    userAgent: request.headers.get("user-agent"),
  });
  if (result.kind === "not_found") notFound("No petition has that address.");
  if (result.kind === "closed") return data({ fields: {}, values, message: result.message }, { status: 409 });
  throw redirect(`/campaigns/${slug}?signed=${result.status}#sign`);
}

export default function SignPage() {
  const { petition } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  return (
    <div className="wrap page">
      <p>
        <Link to={`/campaigns/${petition.slug}`}>← {petition.title}</Link>
      </p>
      <h1>Sign: {petition.title}</h1>
      <blockquote className="petition-ask">{petition.ask}</blockquote>
      <Progress value={petition.signatureCount} goal={petition.goal} label="Signatures" />
      {petition.status === "open" ? (
        <SignatureForm
          slug={petition.slug}
          source={params.get("source") ?? (actionData?.values?.source as string | undefined)}
          state={actionData ?? undefined}
          standalone
        />
      ) : (
        <p className="notice" role="status">
          {actionData?.message ?? "This petition is closed and no longer takes signatures."}
        </p>
      )}
    </div>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
