import { z } from "zod";

export const apiKeyFormSchema = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("create"),
    name: z
      .string({ error: "Name the key (the tool that will use it)." })
      .trim()
      .min(1, "Name the key (the tool that will use it).")
      .max(80, "A key's name is at most 80 characters."),
    scope: z.enum(["read", "read-write"], { error: "Choose read or read-write." }),
  }),
  z.object({ intent: z.literal("revoke"), keyId: z.coerce.number().int().positive() }),
]);
