import { apiError } from "~/lib/api.server";

// Unknown webhook addresses answer in the API's error shape, for every method (providers read JSON).
export const loader = () => apiError(404, "not_found", "No webhook has that address.");
export const action = loader;
