import { apiError } from "~/lib/api.server";

// Unknown API addresses answer in the API's own error shape, for every method.
export const loader = () => apiError(404, "not_found", "No API endpoint has that address.");
export const action = () => apiError(404, "not_found", "No API endpoint has that address.");
